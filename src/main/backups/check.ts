/**
 * Checks a database file off the main thread: SQLite's integrity check over a multi-gigabyte file
 * takes tens of seconds, and the desk must keep answering meanwhile. The worker is a few lines of
 * plain JavaScript given as source (no build step of its own), loading the same better-sqlite3 the
 * desk uses.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface FileCheck {
  ok: boolean;
  /** SQLite's findings when not ok (the first few). */
  problems: string[];
  counts: { complaints: number; events: number; audit: number; accounts: number };
  lastMigration: string | null;
  keyCheck: string | null;
}

const source = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.pragma(workerData.quick ? 'quick_check(20)' : 'integrity_check(20)', { simple: false });
  const problems = rows.map((r) => String(Object.values(r)[0])).filter((p) => p !== 'ok');
  const count = (table) => {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    return exists ? db.prepare('SELECT count(*) FROM ' + table).pluck().get() : 0;
  };
  const has = (table) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  const counts = problems.length ? { complaints: 0, events: 0, audit: 0, accounts: 0 } : {
    complaints: count('complaints'), events: count('complaint_events'), audit: count('audit_log'), accounts: count('accounts'),
  };
  const lastMigration = has('__drizzle_migrations')
    ? db.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() : null;
  const keyCheck = has('key_check') ? db.prepare('SELECT value FROM key_check WHERE id = 1').pluck().get() ?? null : null;
  parentPort.postMessage({ ok: problems.length === 0, problems, counts, lastMigration: lastMigration == null ? null : String(lastMigration), keyCheck });
} catch (error) {
  parentPort.postMessage({ ok: false, problems: [String(error && error.message || error)], counts: { complaints: 0, events: 0, audit: 0, accounts: 0 }, lastMigration: null, keyCheck: null });
} finally {
  if (db) db.close();
}
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/** Opens `file` read-only in a worker thread, runs the integrity check and counts the main tables. */
export function checkDatabaseFile(file: string, options: { quick?: boolean } = {}): Promise<FileCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { driver, file, quick: !!options.quick } });
    let answered = false;
    worker.once('message', (result: FileCheck) => {
      answered = true;
      resolve(result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`database check worker stopped (${code})`));
    });
  });
}
