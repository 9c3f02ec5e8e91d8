/** The Electron shell with 'electron' mocked: window options, guards, IPC bridge, preload, key storage. */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelFor, methodNames } from '../../../src/shared/contract';
import { adminSecret, makeCore, setUpDesk, tempDir, value } from '../../support/core';
import { memoryLog } from '../../support/memory-log';
import {
  created,
  electronModule,
  exposed,
  FakeBrowserWindow,
  fakeIpcMain,
  fakeIpcRenderer,
  fakeSafeStorage,
  handlers,
} from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronModule);

const { createMainWindow, denyPermissions, enforceCsp, isDeveloperShortcut, lockDownContents } =
  await import('../../../src/main/electron/window');
const { registerIpc } = await import('../../../src/main/electron/ipc');
const { createCrashGuard, watchRenderer } = await import('../../../src/main/electron/renderer-watch');
const { loadDeskKey } = await import('../../../src/main/electron/safe-storage-key');

function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: (() => { action: string }) | null = null;
  return {
    on: (event: string, fn: (...args: unknown[]) => void) => listeners.set(event, fn),
    setWindowOpenHandler: (fn: () => { action: string }) => (openHandler = fn),
    emit(event: string, url?: string) {
      const e = { preventDefault: vi.fn() };
      listeners.get(event)!(e, url);
      return e.preventDefault.mock.calls.length > 0;
    },
    openWindow: () => openHandler!(),
  };
}

describe('the desk window', () => {
  it('is created with isolation, sandbox and no Node in the page', () => {
    createMainWindow('/app/preload/index.cjs');
    const prefs = created.at(-1)!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('refuses navigation away from the app, redirects, webviews and new windows', () => {
    const contents = fakeContents();
    const appUrl = 'file:///app/renderer/index.html';
    lockDownContents(contents as never, () => appUrl);
    expect(contents.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emit('will-navigate', appUrl)).toBe(false);
    expect(contents.emit('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emit('will-attach-webview')).toBe(true);
    expect(contents.openWindow()).toEqual({ action: 'deny' });
  });

  it('refuses every permission but the camera (video alone) for the desk page in its own window', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    const own = { id: 1 };
    const appPage = 'file:///app/out/renderer/index.html';
    denyPermissions(
      session as never,
      (contents, url) => contents === (own as never) && url.startsWith(appPage),
    );
    const asked = (contents: unknown, permission: string, details: Record<string, unknown>) => {
      const callback = vi.fn();
      session.setPermissionRequestHandler.mock.calls[0]![0](contents, permission, callback, details);
      return callback.mock.calls[0]![0] as boolean;
    };
    const video = { mediaTypes: ['video'], requestingUrl: `${appPage}#/antrean` };
    expect(asked(own, 'media', video)).toBe(true);
    expect(asked(own, 'media', { ...video, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(asked(own, 'media', { ...video, mediaTypes: ['audio'] })).toBe(false);
    expect(asked(own, 'media', { ...video, mediaTypes: [] })).toBe(false);
    expect(asked({ id: 2 }, 'media', video)).toBe(false);
    expect(asked(own, 'media', { ...video, requestingUrl: 'https://elsewhere.example/' })).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'openExternal'])
      expect(asked(own, permission, { requestingUrl: appPage }), permission).toBe(false);
    const check = session.setPermissionCheckHandler.mock.calls[0]![0];
    expect(check(own, 'media', 'file://', { mediaType: 'video', requestingUrl: appPage })).toBe(true);
    expect(check(own, 'media', 'file://', { mediaType: 'audio', requestingUrl: appPage })).toBe(false);
    expect(check(own, 'geolocation', 'file://', { requestingUrl: appPage })).toBe(false);
    expect(session.setDevicePermissionHandler.mock.calls[0]![0]()).toBe(false);
  });

  it('adds a strict Content-Security-Policy header to every response', () => {
    const session = { webRequest: { onHeadersReceived: vi.fn() } };
    enforceCsp(session as never);
    const callback = vi.fn();
    session.webRequest.onHeadersReceived.mock.calls[0]![0]({ responseHeaders: { 'X-A': ['1'] } }, callback);
    const headers = callback.mock.calls[0]![0].responseHeaders;
    expect(headers['X-A']).toEqual(['1']);
    expect(headers['Content-Security-Policy'][0]).toMatch(/default-src 'none'.*script-src 'self'/);
  });
});

describe('the IPC bridge', () => {
  const appUrl = 'file:///app/out/renderer/index.html';
  const mainFrame = { url: appUrl, parent: null };
  const dispatch = vi.fn(async () => ({ ok: true as const, value: 'done' }));
  const log = memoryLog();

  beforeEach(() => {
    handlers.clear();
    dispatch.mockClear();
    log.lines.length = 0;
    registerIpc(
      fakeIpcMain as never,
      { dispatch },
      { mainFrame: () => mainFrame as never, appUrlPrefix: () => appUrl },
      log,
    );
  });

  it('registers one desk: channel for every contract method, and no other', () => {
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(channelFor).sort());
  });

  it('passes a call from the app’s own main frame to the handler table, keyed by window', async () => {
    const result = await handlers.get('desk:complaints.stats')!(
      { senderFrame: mainFrame, sender: { id: 7 } },
      {},
    );
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledWith('complaints.stats', {}, 'ipc:7');
  });

  it('refuses a call from a foreign sender: a sub-frame, another page, or no frame', async () => {
    const iframe = { url: appUrl, parent: mainFrame };
    const otherPage = { url: 'https://evil.example/', parent: null };
    for (const senderFrame of [iframe, otherPage, null]) {
      const result = await handlers.get('desk:accounts.create')!({ senderFrame, sender: { id: 9 } }, {});
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          message: 'Permintaan hanya diterima dari alamat lokal aplikasi ini.',
          text: { key: 'errors.badOrigin' },
        },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
    // Each refusal is in the log, with the method and the page that asked.
    expect(log.lines.map((l) => [l.level, l.event, l.fields])).toEqual([
      ['warn', 'ipc.refused', { method: 'accounts.create', url: appUrl }],
      ['warn', 'ipc.refused', { method: 'accounts.create', url: 'https://evil.example/' }],
      ['warn', 'ipc.refused', { method: 'accounts.create', url: null }],
    ]);
  });

  it('compares the page URL as a path, as Chromium writes it on Windows (issue 9, item 16)', async () => {
    const { isAppUrl } = await import('../../../src/main/electron/ipc');
    const expected = 'file:///C:/Program%20Files/Meja%20Pengaduan/resources/app.asar/out/renderer/index.html';
    for (const actual of [
      'file:///c:/Program%20Files/Meja%20Pengaduan/resources/app.asar/out/renderer/index.html',
      'file:///C:/Program Files/Meja Pengaduan/resources/app.asar/out/renderer/index.html',
      'file:///C:/PROGRAM%20FILES/Meja%20Pengaduan/resources/app.asar/out/renderer/index.html#/antrean',
    ])
      expect(isAppUrl(actual, expected, 'win32'), actual).toBe(true);
    for (const actual of [
      'file:///C:/Users/x/Downloads/index.html',
      'file:///C:/Program%20Files/Meja%20Pengaduan/resources/app.asar/out/renderer/index.html.evil',
      'https://evil.example/out/renderer/index.html',
      'file://evilhost/C:/Program%20Files/Meja%20Pengaduan/resources/app.asar/out/renderer/index.html',
      'not a url',
    ])
      expect(isAppUrl(actual, expected, 'win32'), actual).toBe(false);
    // Linux paths keep their case.
    expect(
      isAppUrl('file:///app/OUT/renderer/index.html', 'file:///app/out/renderer/index.html', 'linux'),
    ).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173/', 'linux')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/', 'linux')).toBe(false);
  });

  it('refuses calls when the main window has navigated elsewhere', async () => {
    const moved = { url: 'https://evil.example/', parent: null };
    handlers.clear();
    registerIpc(
      fakeIpcMain as never,
      { dispatch },
      { mainFrame: () => moved as never, appUrlPrefix: () => appUrl },
      log,
    );
    const result = await handlers.get('desk:app.status')!({ senderFrame: moved, sender: { id: 1 } }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the preload', () => {
  it('exposes window.desk with exactly the contract’s methods, each on its own channel', async () => {
    await import('../../../src/preload/index');
    expect([...exposed.keys()]).toEqual(['desk']);
    const desk = exposed.get('desk') as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(desk).sort()).toEqual([...methodNames].sort());
    expect(Object.isFrozen(desk)).toBe(true);
    await desk['complaints.findByReceipt']!({ receiptNumber: 'X' });
    expect(fakeIpcRenderer.invoke).toHaveBeenCalledWith('desk:complaints.findByReceipt', {
      receiptNumber: 'X',
    });
    expect(
      (electronModule.contextBridge as { exposeInMainWorld: unknown }).exposeInMainWorld,
    ).toHaveBeenCalledTimes(1);
  });
});

describe('a packaged desk', () => {
  it('has no developer tools and ignores reload and developer keys', () => {
    const key = (k: string, mods: Partial<{ control: boolean; shift: boolean; meta: boolean }> = {}) => ({
      key: k,
      control: false,
      meta: false,
      shift: false,
      type: 'keyDown',
      ...mods,
    });
    for (const k of [
      key('F5'),
      key('F12'),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('I', { control: true, shift: true }),
      key('j', { meta: true, shift: true }),
    ])
      expect(isDeveloperShortcut(k), JSON.stringify(k)).toBe(true);
    for (const k of [key('r'), key('n', { control: true }), key('F1'), key('i', { shift: true })])
      expect(isDeveloperShortcut(k), JSON.stringify(k)).toBe(false);
    expect(isDeveloperShortcut({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });
});

describe('the key in OS key storage', () => {
  const paths = (dir: string, answers: Array<string | null> = []) => ({
    blobPath: join(dir, 'desk-key.bin'),
    keyFile: join(dir, 'desk.key'),
    databaseFile: join(dir, 'desk.sqlite'),
    askPassphrase: vi.fn(async (_attempt: number): Promise<string | null> =>
      answers.length ? answers.shift()! : null,
    ),
  });

  it('stores only the safeStorage-encrypted blob, and reads the same key back', async () => {
    const dir = tempDir();
    fakeSafeStorage.available = true;
    const key = await loadDeskKey(paths(dir.path));
    expect(key).toHaveLength(32);
    expect(fakeSafeStorage.encryptStringAsync).toHaveBeenCalled();
    expect((await loadDeskKey(paths(dir.path))).equals(key)).toBe(true);
    expect(statSync(join(dir.path, 'desk-key.bin')).mode & 0o077).toBe(0);
    dir.remove();
  });

  it('seals the same key again when the OS rotated its own key', async () => {
    const dir = tempDir();
    fakeSafeStorage.available = true;
    const key = await loadDeskKey(paths(dir.path));
    fakeSafeStorage.encryptStringAsync.mockClear();
    fakeSafeStorage.rotated = true;
    expect((await loadDeskKey(paths(dir.path))).equals(key)).toBe(true);
    expect(fakeSafeStorage.encryptStringAsync).toHaveBeenCalledTimes(1);
    fakeSafeStorage.rotated = false;
    expect((await loadDeskKey(paths(dir.path))).equals(key)).toBe(true);
    dir.remove();
  });

  it('never makes a second key: a key in OS storage that is unavailable for a moment stops the start', async () => {
    const dir = tempDir();
    fakeSafeStorage.available = true;
    const key = await loadDeskKey(paths(dir.path));
    fakeSafeStorage.available = false; // a locked keyring, another desktop session
    await expect(loadDeskKey(paths(dir.path))).rejects.toThrow(/sedang tidak tersedia/);
    expect(existsSync(join(dir.path, 'desk.key'))).toBe(false);
    fakeSafeStorage.available = true;
    expect((await loadDeskKey(paths(dir.path))).equals(key)).toBe(true);
    dir.remove();
  });

  it('keeps using a key file once it holds the key, even when OS storage appears later; two keys stop the start', async () => {
    const dir = tempDir();
    fakeSafeStorage.available = false;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const key = await loadDeskKey(paths(dir.path));
    fakeSafeStorage.available = true;
    expect((await loadDeskKey(paths(dir.path))).equals(key)).toBe(true);
    expect(existsSync(join(dir.path, 'desk-key.bin'))).toBe(false);
    writeFileSync(join(dir.path, 'desk-key.bin'), 'x');
    await expect(loadDeskKey(paths(dir.path))).rejects.toThrow(/dua kunci/);
    warn.mockRestore();
    dir.remove();
  });

  it('falls back to an owner-only key file when the OS has no key storage', async () => {
    const dir = tempDir();
    fakeSafeStorage.available = false;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const key = await loadDeskKey(paths(dir.path));
    expect(key).toHaveLength(32);
    expect(statSync(join(dir.path, 'desk.key')).mode & 0o777).toBe(0o600);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
    dir.remove();
  });

  it('a second Windows account on the PC unlocks the same key with the recovery passphrase, never a new one', async () => {
    fakeSafeStorage.available = true;
    const machine = tempDir(); // the per-machine data folder
    const first = tempDir(); // account A's profile
    const second = tempDir(); // account B's profile
    const key = await loadDeskKey({ ...paths(machine.path), blobPath: join(first.path, 'desk-key.bin') });
    // Account A's desk: a database sealed with that key, and a recovery passphrase set.
    const desk = makeCore({ dataDir: machine.path, masterKey: key });
    await setUpDesk(desk.api);
    desk.core.close();
    const forB = () => ({ ...paths(machine.path), blobPath: join(second.path, 'desk-key.bin') });
    // No passphrase set yet: account B is refused, and no key is made for it.
    await expect(loadDeskKey(forB())).rejects.toThrow(/akun Windows lain/);
    expect(existsSync(join(second.path, 'desk-key.bin'))).toBe(false);
    const again = makeCore({ dataDir: machine.path, masterKey: key });
    value(await again.api.dispatch('auth.signIn', { name: 'admin', secret: adminSecret }, 'admin'));
    value(
      await again.api.dispatch(
        'backups.setRecovery',
        { kind: 'passphrase', passphrase: 'frasa kantor mpp 2026' },
        'admin',
      ),
    );
    again.core.close();
    // A wrong answer, then the right one: the same key, now sealed for account B too.
    const b = forB();
    b.askPassphrase = vi.fn(async (attempt: number) =>
      attempt === 1 ? 'salah sekali ini' : 'frasa kantor mpp 2026',
    );
    expect((await loadDeskKey(b)).equals(key)).toBe(true);
    expect(b.askPassphrase).toHaveBeenCalledTimes(2);
    expect(existsSync(join(second.path, 'desk-key.bin'))).toBe(true);
    expect((await loadDeskKey(forB())).equals(key)).toBe(true);
    // Cancelled: the desk does not open.
    const third = tempDir();
    await expect(
      loadDeskKey({ ...paths(machine.path), blobPath: join(third.path, 'desk-key.bin') }),
    ).rejects.toThrow(/tidak dibuka/);
    for (const d of [machine, first, second, third]) d.remove();
  });
});

describe('silent printing in the desktop shell', () => {
  it('prints in a hidden sandboxed window to the named printer, page size in microns, no margins, closing only in the callback', async () => {
    const { desktopPrinting, printOptions } = await import('../../../src/main/electron/printing');
    let callback: ((ok: boolean, reason: string) => void) | null = null;
    const win = {
      closed: false,
      loadURL: vi.fn(async () => {}),
      isDestroyed: () => win.closed,
      close: vi.fn(() => (win.closed = true)),
      webContents: {
        executeJavaScript: vi.fn(async (_code: string) => true),
        print: vi.fn((_opts: unknown, cb: (ok: boolean, reason: string) => void) => (callback = cb)),
      },
    };
    electronModule.BrowserWindow = vi.fn(function (this: unknown, options: Record<string, unknown>) {
      created.push({ options });
      return win;
    }) as never;
    const job = desktopPrinting.printHtml('<p>x</p>', {
      deviceName: 'EPSON TM-T82',
      paper: '80mm',
      timeoutMs: 5000,
    });
    await vi.waitFor(() => expect(callback).not.toBeNull());
    expect(created.at(-1)!.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(win.webContents.executeJavaScript.mock.calls[0]![0]).toContain('document.fonts.ready');
    expect(win.webContents.print.mock.calls[0]![0]).toEqual({
      silent: true,
      deviceName: 'EPSON TM-T82',
      printBackground: true,
      pageSize: { width: 80_000, height: 297_000 },
      margins: { marginType: 'none' },
    });
    expect(win.close).not.toHaveBeenCalled(); // not before the printer has the job
    callback!(true, '');
    await job;
    expect(win.close).toHaveBeenCalledTimes(1);
    expect(printOptions('X', '58mm').pageSize).toEqual({ width: 58_000, height: 297_000 });
    electronModule.BrowserWindow = FakeBrowserWindow as never;
  });

  it('ends a job that never calls back with a timeout, and closes the window', async () => {
    const { desktopPrinting } = await import('../../../src/main/electron/printing');
    const win = {
      closed: false,
      loadURL: vi.fn(async () => {}),
      isDestroyed: () => win.closed,
      close: vi.fn(() => (win.closed = true)),
      webContents: { executeJavaScript: vi.fn(async () => true), print: vi.fn() },
    };
    electronModule.BrowserWindow = vi.fn(function () {
      return win;
    }) as never;
    await expect(
      desktopPrinting.printHtml('<p>x</p>', { deviceName: 'Mati', paper: '58mm', timeoutMs: 200 }),
    ).rejects.toThrow('Pencetakan ke Mati tidak selesai dalam 0 detik.');
    expect(win.close).toHaveBeenCalled();
    electronModule.BrowserWindow = FakeBrowserWindow as never;
  });

  it('closes the window when loading fails or hangs, so no hidden window keeps the app alive (issue 9, item 14)', async () => {
    const { desktopPrinting } = await import('../../../src/main/electron/printing');
    const windows: Array<{ closed: boolean; close: ReturnType<typeof vi.fn> }> = [];
    let loading: 'fails' | 'hangs' = 'fails';
    electronModule.BrowserWindow = vi.fn(function () {
      const win = {
        closed: false,
        loadURL: vi.fn(() =>
          loading === 'fails' ? Promise.reject(new Error('ERR_FAILED')) : new Promise<void>(() => {}),
        ),
        isDestroyed: () => win.closed,
        close: vi.fn(() => (win.closed = true)),
        webContents: { executeJavaScript: vi.fn(async () => true), print: vi.fn(), printToPDF: vi.fn() },
      };
      windows.push(win);
      return win;
    }) as never;
    await expect(
      desktopPrinting.printHtml('<p>x</p>', { deviceName: 'X', paper: '58mm', timeoutMs: 500 }),
    ).rejects.toThrow('ERR_FAILED');
    await expect(
      desktopPrinting.savePdf('<p>x</p>', { paper: 'A4', file: '/tmp/x.pdf', timeoutMs: 500 }),
    ).rejects.toThrow('ERR_FAILED');
    loading = 'hangs';
    await expect(
      desktopPrinting.printHtml('<p>x</p>', { deviceName: 'Y', paper: '58mm', timeoutMs: 200 }),
    ).rejects.toThrow('tidak selesai');
    await expect(
      desktopPrinting.savePdf('<p>x</p>', { paper: 'A4', file: '/tmp/x.pdf', timeoutMs: 200 }),
    ).rejects.toThrow('tidak selesai');
    expect(windows).toHaveLength(4);
    expect(windows.every((w) => w.closed)).toBe(true);
    electronModule.BrowserWindow = FakeBrowserWindow as never;
  });

  it('a second start opens a window when the desk has none, or brings the existing one forward', async () => {
    const { showOrOpen } = await import('../../../src/main/electron/window');
    const open = vi.fn();
    showOrOpen(null, open);
    expect(open).toHaveBeenCalledTimes(1);
    const win = { isDestroyed: () => false, isMinimized: () => true, restore: vi.fn(), focus: vi.fn() };
    showOrOpen(win as never, open);
    expect(open).toHaveBeenCalledTimes(1);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('a renderer that crashes or fails to load', () => {
  function fakeWindow() {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const contents = {
      reloads: 0,
      closed: false,
      on: (event: string, fn: (...args: unknown[]) => void) => listeners.set(event, fn),
      reload() {
        this.reloads++;
      },
      close() {
        this.closed = true;
      },
    };
    return {
      window: { webContents: contents, isDestroyed: () => false },
      contents,
      emit: (event: string, ...args: unknown[]) => listeners.get(event)?.({}, ...args),
    };
  }
  const answers: number[] = [];
  const dialog = {
    showMessageBox: vi.fn(async () => ({ response: answers.shift() ?? 1, checkboxChecked: false })),
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('is logged and reloaded, three times a minute at most; then the officer is asked', async () => {
    let now = 0;
    const log = memoryLog();
    const { window, contents, emit } = fakeWindow();
    watchRenderer(
      window as never,
      log,
      dialog as never,
      createCrashGuard(3, 60_000, () => now),
    );
    for (let i = 0; i < 3; i++) {
      emit('render-process-gone', { reason: 'crashed', exitCode: 1 });
      await settle();
    }
    expect(contents.reloads).toBe(3);
    expect(log.lines.filter((l) => l.event === 'renderer.gone')).toHaveLength(3);
    expect(log.lines[0]).toMatchObject({ level: 'error', fields: { reason: 'crashed', exitCode: 1 } });
    // The fourth crash within the minute: no automatic reload; the officer chooses to reload.
    answers.push(0);
    emit('render-process-gone', { reason: 'oom', exitCode: 1 });
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(log.lines.some((l) => l.event === 'renderer.crashLoop')).toBe(true);
    expect(contents.reloads).toBe(4);
    // A minute later the count has started again.
    now += 61_000;
    emit('render-process-gone', { reason: 'crashed', exitCode: 1 });
    await settle();
    expect(contents.reloads).toBe(5);
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('closes the window when the officer chooses to, and ignores a clean exit', async () => {
    const log = memoryLog();
    const { window, contents, emit } = fakeWindow();
    watchRenderer(window as never, log, dialog as never, createCrashGuard(0));
    emit('render-process-gone', { reason: 'clean-exit', exitCode: 0 });
    await settle();
    expect(contents.reloads).toBe(0);
    answers.push(1);
    emit('render-process-gone', { reason: 'crashed', exitCode: 1 });
    await settle();
    expect(contents.closed).toBe(true);
  });

  it('treats a main-frame load failure like a crash, but not an aborted navigation or a sub-frame', async () => {
    const log = memoryLog();
    const { window, contents, emit } = fakeWindow();
    watchRenderer(window as never, log, dialog as never);
    emit('did-fail-load', -3, 'ERR_ABORTED', 'file:///x', true);
    emit('did-fail-load', -6, 'ERR_FILE_NOT_FOUND', 'file:///x', false);
    expect(contents.reloads).toBe(0);
    emit('did-fail-load', -6, 'ERR_FILE_NOT_FOUND', 'file:///app/index.html', true);
    await settle();
    expect(contents.reloads).toBe(1);
    expect(log.lines.find((l) => l.event === 'renderer.loadFailed')).toMatchObject({ fields: { code: -6 } });
    emit('unresponsive');
    expect(log.lines.at(-1)).toMatchObject({ level: 'warn', event: 'renderer.unresponsive' });
  });
});
