/**
 * Restoring a backup, also onto a fresh install on another PC: read what the backup holds, unlock
 * its data key with the recovery passphrase, decrypt it beside the current database, check it
 * (integrity, counts, key), bring its schema up to date, raise the receipt-number floor so no
 * number the lost hours issued is issued again (complaints/numbering.ts), record the restore in the
 * audit trail, then put the current database and key aside and the restored ones in their place.
 * The desk must not be running: the restore takes the database's exclusive lock to be sure.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createAudit } from '../audit';
import { reserveNumbersAfterRestore, type ReservedNumbers } from '../complaints';
import { PersonalDataCipher } from '../platform/crypto/personal-data';
import { openDatabase } from '../platform/database';
import type { Log } from '../platform/log';
import { checkDatabaseFile } from './check';
import { BackupFileError, decryptToFile, readHeader, type BackupHeader } from './container';
import { unwrapDataKey } from './recovery';

export { BackupFileError } from './container';

export interface RestoreOptions {
  dataDir: string;
  /** The backup file. */
  from: string;
  migrationsFolder: string;
  /** The recovery passphrase; not needed for a backup of this very desk when currentKey opens it. */
  passphrase?: string | null;
  /** The key the data folder holds now, if any (a backup made before a passphrase was set). */
  currentKey?: Buffer | null;
  /** The backup's data key, already unlocked (a restore staged in the app). */
  key?: Buffer;
  /** Where the note of the generation used goes: beside the original backup file (default: beside `from`). */
  notesFolder?: string;
  /** Files that hold the current key: they go aside with the current database. */
  keyFiles: string[];
  /** Puts the restored data key where the shell keeps it (called after the files are in place). */
  storeKey(key: Buffer): void | Promise<void>;
  log: Log;
  now?: () => Date;
}

export interface RestoreReport {
  header: BackupHeader;
  /** Where the database (and key) that was there before went; null on a fresh install. */
  replacedDir: string | null;
  numbers: ReservedNumbers;
  /** Whether the note beside the backup file was written (a read-only medium cannot take it). */
  noted: boolean;
  /** The data key of the restored database (the shell keeps it from now on). */
  key: Buffer;
}

/** What a backup holds, before any passphrase: desk, date, counts. */
export function inspectBackup(path: string): BackupHeader {
  return readHeader(path).header;
}

/** The data key of a backup: unwrapped with the passphrase, or the current key when it is the one. */
export async function unlockBackup(
  header: BackupHeader,
  passphrase: string | null | undefined,
  currentKey: Buffer | null | undefined,
): Promise<Buffer> {
  const fits = (key: Buffer) => new PersonalDataCipher(key).keyCheck() === header.keyCheck;
  if (passphrase && header.recovery) {
    const key = await unwrapDataKey(header.recovery, passphrase);
    if (!key || !fits(key)) throw new BackupFileError('Frasa pemulihan salah untuk cadangan ini.');
    return key;
  }
  if (currentKey && fits(currentKey)) return currentKey;
  if (!header.recovery)
    throw new BackupFileError(
      'Cadangan ini dibuat sebelum frasa pemulihan diatur: hanya dapat dipulihkan di meja yang masih memegang kuncinya.',
    );
  throw new BackupFileError('Masukkan frasa pemulihan cadangan ini.');
}

/**
 * Beside each backup file the restore notes the receipt-number generation it used, so restoring the
 * same backup again (on another PC, or after a second failure) takes the next range. A damaged or
 * oversized note is read as none; it only ever raises the floor.
 */
const notesName = 'meja-pemulihan.json';
function generationsNoted(folder: string): number {
  const file = join(folder, notesName);
  try {
    if (statSync(file).size > 64 * 1024) return 0;
    const notes = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (!Array.isArray(notes)) return 0;
    return Math.max(0, ...notes.map((n) => (Number.isInteger(n?.generation) ? Number(n.generation) : 0)));
  } catch {
    return 0;
  }
}
function noteGeneration(
  folder: string,
  entry: { generation: number; restoredAt: string; backupTakenAt: string },
): boolean {
  const file = join(folder, notesName);
  try {
    let notes: unknown[] = [];
    try {
      const read = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (Array.isArray(read)) notes = read.slice(-200);
    } catch {
      /* none yet, or unreadable: start again (the floor only rises) */
    }
    writeFileSync(file, JSON.stringify([...notes, entry], null, 1), { mode: 0o600 });
    return true;
  } catch {
    return false;
  }
}

/** Refuses while a desk has the database open (it holds locks a restore must not pull away). */
function assertNotRunning(file: string): void {
  if (!existsSync(file)) return;
  const probe = new Database(file, { timeout: 200 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch {
    throw new BackupFileError(
      'Meja Pengaduan masih berjalan memakai folder data ini. Tutup aplikasinya dulu, lalu pulihkan.',
    );
  } finally {
    probe.close();
  }
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const now = options.now ?? (() => new Date());
  const header = inspectBackup(options.from);
  const key = options.key ?? (await unlockBackup(header, options.passphrase, options.currentKey));
  const notesFolder = options.notesFolder ?? dirname(options.from);
  const target = join(options.dataDir, 'desk.sqlite');
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  assertNotRunning(target);
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const staged = join(options.dataDir, `.restore-${stamp}.sqlite`);
  let numbers: ReservedNumbers;
  try {
    await decryptToFile(options.from, key, staged);
    const check = await checkDatabaseFile(staged);
    if (!check.ok) throw new BackupFileError(`Isi cadangan rusak: ${check.problems.join('; ')}`);
    const { complaints, events, audit, accounts } = header.counts;
    const counts = check.counts;
    if (
      counts.complaints !== complaints ||
      counts.events !== events ||
      counts.audit !== audit ||
      counts.accounts !== accounts
    )
      throw new BackupFileError('Isi cadangan tidak sesuai dengan jumlah yang tercatat di kepalanya.');
    if (check.keyCheck !== null && check.keyCheck !== header.keyCheck)
      throw new BackupFileError('Kunci di dalam cadangan tidak cocok dengan basis datanya.');
    // Brought up to this version's schema, then the numbers reserved and the restore recorded.
    const opened = openDatabase({
      file: staged,
      migrationsFolder: options.migrationsFolder,
      backupDir: join(options.dataDir, 'backups'),
      now,
    });
    try {
      // The snapshot was taken while its own record said 'running': that backup is the one restored,
      // verified before it was written, so it is the restored desk's last good backup.
      opened.sqlite
        .prepare(
          "UPDATE backups SET outcome = 'good', error = NULL WHERE outcome = 'running' AND taken_at = ?",
        )
        .run(header.takenAt);
      numbers = reserveNumbersAfterRestore(
        opened.sqlite,
        header.day,
        header.takenAt,
        now(),
        generationsNoted(notesFolder),
      );
      const ctx = {
        db: drizzle(opened.sqlite),
        sqlite: opened.sqlite,
        cipher: new PersonalDataCipher(key),
        clock: now,
        log: options.log,
      };
      createAudit(ctx).record(null, 'backup.restored', null, {
        backupTakenAt: header.takenAt,
        reason: header.reason,
        counts: header.counts,
        generation: numbers.generation,
        firstSequence: numbers.firstSequence,
      });
      opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      opened.sqlite.pragma('journal_mode = DELETE');
    } finally {
      opened.close();
    }
  } catch (error) {
    rmSync(staged, { force: true });
    rmSync(`${staged}-wal`, { force: true });
    rmSync(`${staged}-shm`, { force: true });
    throw error;
  }

  // The current database and its key go aside together; the restored ones take their place.
  const aside = [target, `${target}-wal`, `${target}-shm`, ...options.keyFiles].filter((f) => existsSync(f));
  let replacedDir: string | null = null;
  if (aside.length > 0) {
    replacedDir = join(options.dataDir, `diganti-${stamp}`);
    mkdirSync(replacedDir, { recursive: true, mode: 0o700 });
    for (const f of aside) renameSync(f, join(replacedDir, basename(f)));
  }
  renameSync(staged, target);
  await options.storeKey(key);
  const noted = noteGeneration(notesFolder, {
    generation: numbers.generation,
    restoredAt: now().toISOString(),
    backupTakenAt: header.takenAt,
  });
  options.log.info('backup.restored', {
    backupTakenAt: header.takenAt,
    generation: numbers.generation,
    replaced: replacedDir !== null,
  });
  return { header, replacedDir, numbers, noted, key };
}
