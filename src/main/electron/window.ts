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

export function createMainWindow(preload: string): BrowserWindow {
  return new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Meja Pengaduan',
    autoHideMenuBar: true,
    webPreferences: windowWebPreferences(preload),
  });
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

/** Camera, microphone, geolocation, notifications...: the desk asks for none, so all are refused. */
export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
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
