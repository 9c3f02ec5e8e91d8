/** The accounts feature's tables (drizzle). Migrations in drizzle/ are generated from every feature's
 * schema.ts; FTS5 and the append-only triggers live in hand-written migrations beside them. */
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../platform/schema-columns';

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** lower-cased name for case-insensitive sign-in and uniqueness */
    nameKey: text('name_key').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['officer', 'supervisor', 'admin'] }).notNull(),
    /** scrypt$N$r$p$salt$hash, never the secret itself */
    secretHash: text('secret_hash').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: text('locked_until'),
    ...timestamps,
  },
  (t) => [uniqueIndex('accounts_name_key').on(t.nameKey)],
);
