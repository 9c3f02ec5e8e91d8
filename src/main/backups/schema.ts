/** The backups feature's tables: the recovery envelope and the record of each backup made. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The desk's data key wrapped with a key derived from the recovery passphrase (scrypt); never the
 * passphrase, never the key in the clear. One row; replaced when the admin sets a new passphrase.
 */
export const keyRecovery = sqliteTable('key_recovery', {
  id: integer('id').primaryKey(),
  envelope: text('envelope').notNull(),
  setBy: text('set_by').notNull(),
  setAt: text('set_at').notNull(),
});

/** Each backup attempt: where it went, whether it verified, and what it held. */
export const backups = sqliteTable('backups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  takenAt: text('taken_at').notNull(),
  reason: text('reason').notNull(),
  /** 'good' (written and verified), 'failed' (see error). */
  outcome: text('outcome').notNull(),
  bytes: integer('bytes'),
  durationMs: integer('duration_ms'),
  counts: text('counts'),
  /** Whether the backup carries the recovery envelope (restorable with the passphrase alone). */
  withRecovery: integer('with_recovery', { mode: 'boolean' }).notNull().default(false),
  /** The second place's folder at the time, and whether the copy there verified. */
  secondFolder: text('second_folder'),
  secondOutcome: text('second_outcome'),
  error: text('error'),
  /** Set when rotation removed the file(s). */
  removedAt: text('removed_at'),
});
