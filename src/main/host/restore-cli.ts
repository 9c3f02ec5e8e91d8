/**
 * Restores a backup from the command line:
 * `npm run restore -- --from <file> [--data <folder>] [--shell browser|electron] [--key <file>] [--yes]`.
 * Shows what the backup holds, asks for the recovery passphrase (hidden; or MEJA_RECOVERY_PASSPHRASE,
 * or one line on standard input when not a terminal), asks to confirm (or --yes), keeps the current
 * database and key aside, restores, and checks. The desk must be closed.
 */
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BackupFileError, inspectBackup, restoreBackup } from '../backups';
import { createLog } from '../platform/log';
import { existsSync } from 'node:fs';
import { loadOrCreateKeyFile, writeKeyFile } from '../platform/crypto/key-file';
import { browserKeyFile, ensureKeyFolder, moveLegacyKey } from './key-location';

const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One line from the terminal without echoing it, or from standard input when piped. */
function ask(question: string, hidden: boolean): Promise<string> {
  return new Promise((resolveLine) => {
    const rl = createInterface({
      input: process.stdin,
      output: process.stderr,
      terminal: process.stdin.isTTY,
    });
    if (hidden && process.stdin.isTTY) {
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) =>
        write.call(rl, s.startsWith(question) ? question : s.replace(/[^\r\n]/g, '*'));
    }
    rl.question(question, (line) => {
      rl.close();
      if (hidden && process.stdin.isTTY) process.stderr.write('\n');
      resolveLine(line);
    });
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      data: { type: 'string', default: join(homedir(), 'MejaPengaduan') },
      yes: { type: 'boolean', default: false },
      key: { type: 'string' },
      shell: { type: 'string', default: 'browser' },
    },
  });
  if (values.shell !== 'browser' && values.shell !== 'electron') {
    console.error('--shell: browser (bawaan) atau electron');
    return 2;
  }
  if (!values.from) {
    console.error('Pakai: npm run restore -- --from <berkas cadangan .mpbak> [--data <folder data>] [--yes]');
    return 2;
  }
  const dataDir = resolve(values.data!);
  const from = resolve(values.from);
  const header = inspectBackup(from);
  console.log(`Cadangan: ${from}`);
  console.log(
    `  Meja      : ${header.desk ? `${header.desk.code} — ${header.desk.name}` : '(belum disiapkan)'}`,
  );
  console.log(`  Dibuat    : ${header.takenAt} (${header.reason}), versi aplikasi ${header.appVersion}`);
  console.log(
    `  Isi       : ${header.counts.complaints} pengaduan, ${header.counts.events} riwayat, ${header.counts.audit} audit, ${header.counts.accounts} akun`,
  );
  console.log(
    `  Frasa     : ${header.recovery ? 'perlu frasa pemulihan' : 'tanpa frasa (hanya meja yang sama)'}`,
  );
  console.log(`Folder data tujuan: ${dataDir}`);
  // Where browser mode keeps this data folder's key (host/key-location.ts; --key as for npm start);
  // for the desktop shell's data folder (--shell electron), its owner-only key file in that folder.
  const keyFile = values.key
    ? resolve(values.key)
    : values.shell === 'electron'
      ? join(dataDir, 'desk.key')
      : browserKeyFile(dataDir);
  ensureKeyFolder(keyFile);
  if (values.shell !== 'electron') moveLegacyKey(dataDir, keyFile);
  console.log(`Kunci disimpan di : ${keyFile}`);
  const currentKey = existsSync(keyFile) ? loadOrCreateKeyFile(keyFile) : null;
  const passphrase = header.recovery
    ? (process.env.MEJA_RECOVERY_PASSPHRASE ?? (await ask('Frasa pemulihan: ', true)))
    : null;
  if (!values.yes) {
    const answer = await ask(
      'Basis data yang ada (bila ada) disisihkan lalu diganti. Ketik YA untuk lanjut: ',
      false,
    );
    if (answer.trim().toUpperCase() !== 'YA') {
      console.error('Dibatalkan; tidak ada yang diubah.');
      return 1;
    }
  }
  const log = createLog(dataDir);
  try {
    const report = await restoreBackup({
      dataDir,
      from,
      migrationsFolder: join(appRoot, 'drizzle'),
      passphrase,
      currentKey,
      // The desktop shell's key file goes aside too: the restored key is the desk's key from now on.
      keyFiles: [...new Set([keyFile, join(dataDir, 'desk.key')])],
      storeKey: (key) => writeKeyFile(keyFile, key),
      log,
    });
    console.log('Pemulihan selesai dan diperiksa.');
    if (report.replacedDir) console.log(`Basis data dan kunci sebelumnya disimpan di ${report.replacedDir}`);
    console.log(
      `Nomor tanda terima mulai hari ${report.numbers.fromDay} memakai urutan ${report.numbers.firstSequence} ke atas, agar nomor yang sudah diberikan sesudah cadangan ini tidak terulang.`,
    );
    if (!report.noted)
      console.warn(
        'PERINGATAN: catatan pemulihan tidak dapat ditulis di samping berkas cadangan (media hanya-baca?). Jangan pulihkan cadangan yang sama lagi tanpa memberi tahu admin.',
      );
    return 0;
  } finally {
    await log.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof BackupFileError) {
      console.error(`Pemulihan dibatalkan: ${error.message}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
