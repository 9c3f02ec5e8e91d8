/**
 * The data key for a Windows account that has none yet: the desk's data is per machine, but the OS
 * key storage (DPAPI) is per account, so the second officer to sign in to Windows on a counter PC
 * finds the database and no key of their own. The recovery passphrase unwraps the key from the
 * envelope the database keeps (backups/recovery.ts), checked against the database's key check; the
 * shell then seals it in that account's key storage. No second key is ever made for a database.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { PersonalDataCipher } from '../platform/crypto/personal-data';
import { recoveryEnvelope } from './container';
import { unwrapDataKey } from './recovery';

export interface DatabaseKeyState {
  /** The database exists and has sealed data with a key: a new key must not be made. */
  hasKey: boolean;
  /** A recovery envelope is there to unlock it with the passphrase. */
  recoverable: boolean;
}

function read<T>(file: string, query: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}
const hasTable = (db: Database.Database, name: string) =>
  !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);

export function databaseKeyState(file: string): DatabaseKeyState {
  if (!existsSync(file)) return { hasKey: false, recoverable: false };
  return read(file, (db) => ({
    hasKey: hasTable(db, 'key_check') && !!db.prepare('SELECT 1 FROM key_check WHERE id = 1').get(),
    recoverable:
      hasTable(db, 'key_recovery') && !!db.prepare('SELECT 1 FROM key_recovery WHERE id = 1').get(),
  }));
}

/** The database's data key from the recovery passphrase, or null when the passphrase is wrong. */
export async function recoverKeyFromDatabase(file: string, passphrase: string): Promise<Buffer | null> {
  const { envelope, check } = read(file, (db) => ({
    envelope: db.prepare('SELECT envelope FROM key_recovery WHERE id = 1').pluck().get() as
      string | undefined,
    check: db.prepare('SELECT value FROM key_check WHERE id = 1').pluck().get() as string | undefined,
  }));
  if (!envelope) return null;
  const parsed = recoveryEnvelope.safeParse(JSON.parse(envelope));
  if (!parsed.success) return null;
  const key = await unwrapDataKey(parsed.data, passphrase);
  if (!key) return null;
  return check === undefined || new PersonalDataCipher(key).keyCheck() === check ? key : null;
}
