/** The Electron shell: app lifecycle, the secure window and the IPC bridge around the core. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, session } from 'electron';
import { createApi } from '../api';
import { createCore, type Core } from '../core';
import { installProcessHandlers } from '../platform/process-failures';
import { registerIpc } from './ipc';
import { watchRenderer } from './renderer-watch';
import { desktopPrinting } from './printing';
import { loadDeskKey, sealForThisAccount } from './safe-storage-key';
import { applyStagedRestore } from '../backups';
import { createLog } from '../platform/log';
import { machineDataDir, moveToMachineFolder } from './data-dir';
import { askPassphrase } from './passphrase-prompt';
import { onResume, onSystemLock, systemProxy } from './system';
import { createMainWindow, denyPermissions, enforceCsp, lockDownContents, showOrOpen } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
const appRoot = app.isPackaged ? process.resourcesPath : join(here, '..', '..');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(here, '..', 'renderer', 'index.html');
const appUrl = () => devServerUrl ?? pathToFileURL(rendererFile).href;

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;

/** Closes the database once (checkpoint, optimize), whichever of quit, session end or shutdown comes first. */
function closeCore(): void {
  const closing = core;
  core = null;
  if (!closing) return;
  closing.log.info('app.stop');
  closing.log.flush();
  closing.close();
}

async function start(): Promise<void> {
  // A packaged desk: no default menu (no reload, no developer tools from it).
  if (app.isPackaged) Menu.setApplicationMenu(null);
  const userData = app.getPath('userData');
  const dataDir = machineDataDir({
    platform: process.platform,
    env: process.env,
    packaged: app.isPackaged,
    userData,
  });
  const moved = moveToMachineFolder(userData, dataDir);
  let masterKey = await loadDeskKey({
    // The key blob is per Windows account (DPAPI); the data per machine.
    blobPath: join(userData, 'desk-key.bin'),
    keyFile: join(dataDir, 'desk.key'),
    databaseFile: join(dataDir, 'desk.sqlite'),
    askPassphrase: askPassphrase(join(here, '..', 'preload', 'prompt.cjs')),
  });
  // A restore an admin prepared in the app is carried out now, before the database opens; the
  // restored key is sealed for this account (other accounts unlock it with the recovery passphrase).
  const startLog = createLog(dataDir);
  const restored = await applyStagedRestore({
    dataDir,
    currentKey: masterKey,
    migrationsFolder: join(appRoot, 'drizzle'),
    keyFiles: [join(dataDir, 'desk.key')],
    storeKey: (key) => sealForThisAccount(join(userData, 'desk-key.bin'), key),
    log: startLog,
  });
  await startLog.close();
  if (restored) masterKey = restored.key;
  core = createCore({
    dataDir,
    migrationsFolder: join(appRoot, 'drizzle'),
    referenceDataDir: join(appRoot, 'resources', 'data'),
    masterKey,
    keyAt: existsSync(join(dataDir, 'desk.key'))
      ? join(dataDir, 'desk.key')
      : `penyimpanan kunci sistem operasi akun ini (${join(userData, 'desk-key.bin')})`,
    shell: 'electron',
    version: app.getVersion(),
    desktopPrinting,
    // Government networks: the system's proxy settings (PAC included) and certificate store.
    forwarding: { proxyFor: systemProxy(session.defaultSession) },
    reportWorker: { file: join(here, 'report-worker.js') },
  });
  const log = core.log;
  installProcessHandlers(process, log, (error) =>
    dialog.showErrorBox(
      'Meja Pengaduan: kesalahan tak terduga',
      `${error instanceof Error ? error.message : String(error)}\n\nPengaduan yang sudah disimpan aman. Kesalahan tercatat di log.`,
    ),
  );
  log.info('app.start', { shell: 'electron', version: app.getVersion(), dataDir, moved });
  setTimeout(
    () => void core?.backups.checkLive().catch((e: unknown) => log.error('database.check_failed', e)),
    20_000,
  ).unref();
  core.forwarding.start();
  onResume(powerMonitor, () => core?.forwarding.restart());
  onSystemLock(powerMonitor, () => core?.sessions.lockAll());
  denyPermissions(
    session.defaultSession,
    (contents, url) => contents !== null && contents === mainWindow?.webContents && url.startsWith(appUrl()),
  );
  enforceCsp(session.defaultSession);
  registerIpc(
    ipcMain,
    createApi(core),
    {
      mainFrame: () => mainWindow?.webContents.mainFrame ?? null,
      appUrlPrefix: () => (devServerUrl ? devServerUrl : pathToFileURL(rendererFile).href),
    },
    log,
  );
  openWindow();
  // While the window loads its screens: the first pages an officer opens, read once.
  setTimeout(() => core?.warmUp(), 0);
}

function openWindow(): void {
  mainWindow = createMainWindow(join(here, '..', 'preload', 'index.cjs'), app.isPackaged);
  // Windows is logging off or shutting down: close the database cleanly now (will-quit may not come).
  mainWindow.on('session-end', closeCore);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  if (core) watchRenderer(mainWindow, core.log, dialog);
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
  // The backup on exit (when the last one is over an hour old), once, then quit for real.
  let exitBackupDone = false;
  app.on('before-quit', (event) => {
    if (exitBackupDone || !core) return;
    event.preventDefault();
    exitBackupDone = true;
    void core.backups.onExit(60_000).finally(() => app.quit());
  });
  app.on('will-quit', closeCore);
  // Linux and macOS shutdown.
  app.whenReady().then(
    () => powerMonitor.on('shutdown', closeCore),
    () => undefined,
  );
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
