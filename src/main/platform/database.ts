/**
 * Opens the desk's SQLite file with the pragmas that make a saved complaint durable, and
 * brings its schema up to date (backing the file up first when it already holds data).
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

/** Drizzle's query builder over the desk's file; features bring their own tables. */
export type Db = BetterSQLite3Database;
export type Sqlite = Database.Database;

export interface OpenedDatabase {
  sqlite: Sqlite;
  db: Db;
  /** Path of the backup taken before migrating, when one was taken. */
  backupPath: string | null;
  appliedMigrations: string[];
  close(): void;
}

export interface OpenOptions {
  file: string;
  migrationsFolder: string;
  /** Where pre-migration backups go; default: <db folder>/backups */
  backupDir?: string;
  now?: () => Date;
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(migrationsFolder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

export function applyPragmas(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is on disk (WAL fsynced) before the officer sees the receipt number.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('trusted_schema = OFF');
  // Deleted and overwritten content is zeroed, so purged personal data does not linger in free pages.
  sqlite.pragma('secure_delete = ON');
  // Checkpoints run when the desk is idle (platform/maintenance.ts), not inside an officer's save;
  // this larger automatic threshold is only the safety net.
  sqlite.pragma('wal_autocheckpoint = 10000');
}

function pendingMigrations(sqlite: Sqlite, journal: JournalEntry[]): JournalEntry[] {
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return journal;
  const last = sqlite.prepare('SELECT max(created_at) AS last FROM __drizzle_migrations').get() as {
    last: number | null;
  };
  return journal.filter((e) => last.last === null || e.when > last.last);
}

function holdsData(sqlite: Sqlite): boolean {
  const row = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
    n: number;
  };
  return row.n > 0;
}

/**
 * Runs drizzle's migrations with foreign keys off around them: drizzle rebuilds tables to alter
 * them, and inside its transaction SQLite ignores the PRAGMA, so ON DELETE actions would fire on
 * the rebuild. Afterwards foreign_key_check must come back empty, or the migration is refused.
 *
 * The rebuild drops the table and renames its copy into its place; with legacy_alter_table off,
 * SQLite then re-checks every view and trigger, and refuses the rename because one that names the
 * table (complaint_milestones_of, migration 0015) pointed at it while it was gone. The legacy rename
 * leaves them as written, naming the rebuilt table.
 */
export function migrateWithForeignKeysOff(sqlite: Sqlite, db: Db, migrationsFolder: string): void {
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('legacy_alter_table = ON');
  try {
    migrate(db, { migrationsFolder });
    const violations = sqlite.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`migration left ${violations.length} foreign key violation(s)`);
    }
  } finally {
    sqlite.pragma('legacy_alter_table = OFF');
    sqlite.pragma('foreign_keys = ON');
  }
}

/**
 * The database holds personal data: owner-only. SQLite gives the -wal and -shm files the mode of
 * the database file, so making that file 0600 first covers them; an existing wider file is narrowed.
 */
function ownerOnlyFile(file: string): void {
  if (process.platform === 'win32') return; // the data folder's access list governs there
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`])
    if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
}

/** True when other local users may look into the data folder (the desk warns at start). */
export function folderOpenToOthers(dir: string): boolean {
  return process.platform !== 'win32' && existsSync(dir) && (statSync(dir).mode & 0o077) !== 0;
}

export function openDatabase(options: OpenOptions): OpenedDatabase {
  const now = options.now ?? (() => new Date());
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
  const existed = existsSync(options.file) && statSync(options.file).size > 0;
  ownerOnlyFile(options.file);
  const sqlite = new Database(options.file);
  try {
    applyPragmas(sqlite);
    const db = drizzle(sqlite);
    const journal = readJournal(options.migrationsFolder);
    const pending = pendingMigrations(sqlite, journal);
    let backupPath: string | null = null;
    if (pending.length > 0 && existed && holdsData(sqlite)) {
      const backupDir = options.backupDir ?? join(dirname(options.file), 'backups');
      mkdirSync(backupDir, { recursive: true, mode: 0o700 });
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      backupPath = join(backupDir, `desk-${stamp}-before-${pending[0]!.tag}.sqlite`);
      // VACUUM INTO writes a consistent, compact copy even with a WAL in use.
      sqlite.prepare('VACUUM INTO ?').run(backupPath);
      if (process.platform !== 'win32') chmodSync(backupPath, 0o600);
    }
    if (pending.length > 0) migrateWithForeignKeysOff(sqlite, db, options.migrationsFolder);
    return {
      sqlite,
      db,
      backupPath,
      appliedMigrations: pending.map((p) => p.tag),
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
