/** The desk's window, locked down per Electron's security checklist. */
import { BrowserWindow, type Session, type WebContents } from 'electron';

export const windowWebPreferences = (preload: string) => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
});

export function createMainWindow(preload: string, packaged = false): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Meja Pengaduan',
    autoHideMenuBar: true,
    // A packaged desk has no developer tools (the menu is removed too, in main.ts).
    webPreferences: { ...windowWebPreferences(preload), devTools: !packaged },
  });
  if (packaged)
    win.webContents.on('before-input-event', (event, input) => {
      if (isDeveloperShortcut(input)) event.preventDefault();
    });
  return win;
}

/** Reload and developer-tools keys: F5, Ctrl+R, Ctrl+Shift+R, F12, Ctrl+Shift+I/J/C. */
export function isDeveloperShortcut(input: {
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  type: string;
}): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  return (
    key === 'f5' ||
    key === 'f12' ||
    (mod && key === 'r') ||
    (mod && input.shift && (key === 'i' || key === 'j' || key === 'c'))
  );
}

/** No navigation away from the app, no new windows, no webviews: for every web contents. */
export function lockDownContents(contents: WebContents, appUrl: () => string): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== appUrl()) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Every permission is refused (microphone, geolocation, notifications, USB...) but one: the camera,
 * video alone, for the desk's own page in its own window, to photograph a citizen's evidence.
 * `ownPage` says whether a web contents and the URL asking are the desk's window and page.
 */
export function denyPermissions(
  session: Session,
  ownPage: (contents: WebContents | null, url: string) => boolean,
): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const types = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(
      permission === 'media' &&
        types.length > 0 &&
        types.every((t) => t === 'video') &&
        ownPage(contents, details.requestingUrl),
    );
  });
  session.setPermissionCheckHandler(
    (contents, permission, requestingOrigin, details) =>
      permission === 'media' &&
      details.mediaType === 'video' &&
      ownPage(contents, details.requestingUrl ?? requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}

export const electronCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** CSP as a response header too (the dev server); the built page also carries it in a meta tag. */
export function enforceCsp(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [electronCsp] },
    });
  });
}

/** A second start of the app: bring the desk forward, or open it when no window is left. */
export function showOrOpen(win: BrowserWindow | null, open: () => void): void {
  if (!win || win.isDestroyed()) return open();
  if (win.isMinimized()) win.restore();
  win.focus();
}
