/** The Electron shell: app lifecycle, the secure window and the IPC bridge around the core. */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, session } from 'electron';
import { createApi } from '../api';
import { createCore, type Core } from '../core';
import { registerIpc } from './ipc';
import { desktopPrinting } from './printing';
import { loadOrCreateSafeStorageKey } from './safe-storage-key';
import { onResume, onSystemLock, systemProxy } from './system';
import { createMainWindow, denyPermissions, enforceCsp, lockDownContents, showOrOpen } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
const appRoot = app.isPackaged ? process.resourcesPath : join(here, '..', '..');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(here, '..', 'renderer', 'index.html');
const appUrl = () => devServerUrl ?? pathToFileURL(rendererFile).href;

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

function start(): void {
  const userData = app.getPath('userData');
  core = createCore({
    dataDir: userData,
    migrationsFolder: join(appRoot, 'drizzle'),
    referenceDataDir: join(appRoot, 'resources', 'data'),
    masterKey: loadOrCreateSafeStorageKey(join(userData, 'desk-key.bin'), join(userData, 'desk.key')),
    shell: 'electron',
    version: app.getVersion(),
    desktopPrinting,
    // Government networks: the system's proxy settings (PAC included) and certificate store.
    forwarding: { proxyFor: systemProxy(session.defaultSession) },
  });
  core.forwarding.start();
  onResume(powerMonitor, () => core?.forwarding.restart());
  onSystemLock(powerMonitor, () => core?.sessions.lockAll());
  denyPermissions(session.defaultSession);
  enforceCsp(session.defaultSession);
  registerIpc(ipcMain, createApi(core), {
    mainFrame: () => mainWindow?.webContents.mainFrame ?? null,
    appUrlPrefix: () => (devServerUrl ? devServerUrl : pathToFileURL(rendererFile).href),
  });
  openWindow();
}

function openWindow(): void {
  mainWindow = createMainWindow(join(here, '..', 'preload', 'index.cjs'));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  if (devServerUrl) void mainWindow.loadURL(devServerUrl);
  else void mainWindow.loadFile(rendererFile);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Without a window (all closed but the app still alive) a second start opens one instead of doing nothing.
  app.on('second-instance', () => showOrOpen(mainWindow, openWindow));
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, appUrl));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Meja Pengaduan tidak dapat dibuka',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });
}
