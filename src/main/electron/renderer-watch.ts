/**
 * A renderer that crashes, hangs or fails to load is logged and brought back: reloaded at once, but
 * not in a loop. After `maxCrashes` within `windowMs` the desk stops reloading and asks the officer
 * (reload again, or close), so a page that crashes on start does not spin the PC.
 */
import type { BrowserWindow, Dialog, RenderProcessGoneDetails } from 'electron';
import type { Log } from '../platform/log';

export function createCrashGuard(maxCrashes = 3, windowMs = 60_000, now: () => number = Date.now) {
  let times: number[] = [];
  return {
    /** A crash happened: 'reload' while under the limit, 'ask' once crashes come too fast. */
    crashed(): 'reload' | 'ask' {
      const t = now();
      times = [...times.filter((x) => t - x < windowMs), t];
      return times.length > maxCrashes ? 'ask' : 'reload';
    },
    reset(): void {
      times = [];
    },
  };
}

export function watchRenderer(
  window: Pick<BrowserWindow, 'webContents' | 'isDestroyed'>,
  log: Log,
  dialog: Pick<Dialog, 'showMessageBox'>,
  guard = createCrashGuard(),
): void {
  const contents = window.webContents;
  const bringBack = async (why: string) => {
    if (window.isDestroyed()) return;
    if (guard.crashed() === 'reload') {
      log.warn('renderer.reload', { why });
      contents.reload();
      return;
    }
    log.error('renderer.crashLoop', new Error(`renderer failed repeatedly: ${why}`));
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'Meja Pengaduan',
      message: 'Layar Meja Pengaduan gagal dimuat berulang kali.',
      detail:
        'Pengaduan yang sudah disimpan aman. Kesalahan tercatat di log (folder data, logs/desk.log) untuk petugas TI.',
      buttons: ['Muat ulang', 'Tutup'],
      defaultId: 0,
      cancelId: 1,
    });
    if (window.isDestroyed()) return;
    if (response === 0) {
      guard.reset();
      contents.reload();
    } else contents.close();
  };
  contents.on('render-process-gone', (_event: unknown, details: RenderProcessGoneDetails) => {
    log.error('renderer.gone', new Error(`render process gone: ${details.reason}`), {
      reason: details.reason,
      exitCode: details.exitCode,
    });
    if (details.reason !== 'clean-exit') void bringBack(details.reason);
  });
  contents.on(
    'did-fail-load',
    (_event: unknown, code: number, description: string, _url: string, isMainFrame: boolean) => {
      if (!isMainFrame || code === -3) return; // -3: aborted by a newer navigation
      log.error('renderer.loadFailed', new Error(`load failed: ${code} ${description}`), { code });
      void bringBack(`load failed ${code}`);
    },
  );
  contents.on('unresponsive', () => log.warn('renderer.unresponsive'));
  contents.on('responsive', () => log.info('renderer.responsive'));
}
