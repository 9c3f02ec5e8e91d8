/**
 * The IPC bridge: one ipcMain.handle per contract method under the desk: namespace. Each call
 * must come from the app's own main frame, then goes through the same dispatch as browser mode.
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { channelFor, methodNames } from '../../shared/contract';
import { say } from '../../shared/i18n';
import { fail } from '../../shared/result';
import type { Api } from '../api';
import type { Log } from '../platform/log';

export interface TrustedWindow {
  /** The main frame of the desk's window, or null when no window is open. */
  mainFrame(): WebFrameMain | null;
  /** The URL prefix the app is loaded from (file://…/index.html or the dev server). */
  appUrlPrefix(): string;
}

/**
 * Whether a frame's URL is the app's page. Compared as parsed URLs, not strings: Chromium writes a
 * Windows drive letter and some characters differently from pathToFileURL (c: against C:, %20 against
 * a space), which would refuse every call on a counter PC. Query and fragment do not matter.
 */
export function isAppUrl(
  actual: string,
  expected: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  let a: URL;
  let e: URL;
  try {
    a = new URL(actual);
    e = new URL(expected);
  } catch {
    return false;
  }
  if (a.protocol !== e.protocol) return false;
  if (a.protocol !== 'file:')
    return a.origin === e.origin && a.pathname.startsWith(e.pathname.replace(/[^/]*$/, ''));
  const path = (u: URL) => {
    let p: string;
    try {
      p = decodeURIComponent(u.pathname);
    } catch {
      return null;
    }
    p = p.replace(/\\/g, '/');
    // Windows file systems ignore case, the drive letter's included.
    return platform === 'win32' ? p.toLowerCase() : p;
  };
  const pa = path(a);
  return pa !== null && a.host === e.host && pa === path(e);
}

export function isTrustedSender(event: IpcMainInvokeEvent, trusted: TrustedWindow): boolean {
  const frame = event.senderFrame;
  const mainFrame = trusted.mainFrame();
  if (!frame || !mainFrame) return false;
  if (frame !== mainFrame || frame.parent !== null) return false;
  return isAppUrl(frame.url, trusted.appUrlPrefix());
}

export function registerIpc(ipcMain: IpcMain, api: Api, trusted: TrustedWindow, log: Log): void {
  for (const name of methodNames) {
    ipcMain.handle(channelFor(name), async (event, input: unknown) => {
      if (!isTrustedSender(event, trusted)) {
        // A frame that is not the desk's own page: logged with where it came from, never served.
        log.warn('ipc.refused', { method: name, url: event.senderFrame?.url.slice(0, 200) ?? null });
        return fail('FORBIDDEN', say('errors.badOrigin'));
      }
      return api.dispatch(name, input, `ipc:${event.sender.id}`);
    });
  }
}
