/**
 * Starts the desk in browser mode: `npm run serve -- --data <folder> --port <n>`.
 * Prints one line with the URL to open; the launch token rides in the URL fragment, which the
 * page reads and the browser never sends to a server.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApi } from '../api';
import { environmentProxy } from '../forwarding/http';
import { installProcessHandlers } from '../platform/process-failures';
import { createCore } from '../core';
import { folderOpenToOthers } from '../platform/database';
import { KeyUnavailableError } from '../platform/crypto/key-check';
import { applyStagedRestore, DatabaseDamagedError } from '../backups';
import { createLog } from '../platform/log';
import { loadOrCreateKeyFile, writeKeyFile } from '../platform/crypto/key-file';
import { createHostServer } from './server';
import { browserKeyFile, ensureKeyFolder, moveLegacyKey } from './key-location';

const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: join(homedir(), 'MejaPengaduan') },
      port: { type: 'string', default: '0' },
      key: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Port tidak valid: ${values.port}`);
    process.exit(2);
  }
  const dataDir = resolve(values.data!);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const keyFile = values.key ? resolve(values.key) : browserKeyFile(dataDir);
  ensureKeyFolder(keyFile);
  if (moveLegacyKey(dataDir, keyFile))
    console.warn(`Kunci data pribadi dipindahkan dari folder data ke ${keyFile}`);
  const version = (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string })
    .version;
  let masterKey = loadOrCreateKeyFile(keyFile);
  // A restore an admin prepared in the app is carried out now, before the database opens.
  const startLog = createLog(dataDir);
  const restored = await applyStagedRestore({
    dataDir,
    currentKey: masterKey,
    migrationsFolder: join(appRoot, 'drizzle'),
    keyFiles: [keyFile],
    storeKey: (key) => writeKeyFile(keyFile, key),
    log: startLog,
  });
  await startLog.close();
  if (restored) {
    masterKey = restored.key;
    console.warn(
      `Cadangan ${restored.header.takenAt} dipulihkan. Nomor tanda terima memakai urutan ${restored.numbers.firstSequence} ke atas mulai ${restored.numbers.fromDay}.`,
    );
  }
  let core: ReturnType<typeof createCore>;
  try {
    core = createCore({
      dataDir,
      migrationsFolder: join(appRoot, 'drizzle'),
      referenceDataDir: join(appRoot, 'resources', 'data'),
      masterKey,
      keyAt: keyFile,
      shell: 'browser',
      version,
      // Browser mode: the proxy the environment names (HTTPS_PROXY, NO_PROXY), as command-line tools read it.
      forwarding: { proxyFor: environmentProxy() },
      reportWorker: { file: join(dirname(fileURLToPath(import.meta.url)), 'report-worker.js') },
    });
  } catch (error) {
    if (!(error instanceof KeyUnavailableError) && !(error instanceof DatabaseDamagedError)) throw error;
    console.error(`Meja Pengaduan tidak dapat dibuka: ${error.message}`);
    process.exit(1);
  }
  installProcessHandlers(process, core.log, (error) =>
    console.error(
      `Kesalahan tak terduga (tercatat di log): ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
  core.log.info('app.start', { shell: 'browser', version });
  if (core.opened.backupPath) console.error(`Cadangan sebelum migrasi: ${core.opened.backupPath}`);
  if (folderOpenToOthers(dataDir))
    console.warn(
      `PERINGATAN: folder data ${dataDir} dapat dibuka pengguna lain di komputer ini. Berkas meja dibuat hanya untuk pemiliknya, tetapi sebaiknya jalankan: chmod 700 "${dataDir}"`,
    );
  const token = randomBytes(24).toString('base64url');
  const server = createHostServer({
    api: createApi(core),
    token,
    rendererDir: join(appRoot, 'out', 'renderer'),
    receiptPages: core.receipts,
    registerPages: core.registers,
    copyPages: core.privacy,
    reportExports: core.exports,
  });
  core.forwarding.start();
  server.listen(port, '127.0.0.1', () => {
    const { port: actual } = server.address() as { port: number };
    console.log(`Meja Pengaduan (mode peramban) siap di http://127.0.0.1:${actual}/#token=${token}`);
    setTimeout(() => core.warmUp(), 0);
  });
  // A little after start, SQLite's quick check of the live file, in a worker (Beranda shows damage).
  setTimeout(
    () => void core.backups.checkLive().catch((e: unknown) => core.log.error('database.check_failed', e)),
    20_000,
  ).unref();
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    // The backup on exit (when the last one is over an hour old), then the database closed cleanly.
    void core.backups.onExit(30_000).finally(() => {
      core.log.info('app.stop');
      core.log.flush();
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
