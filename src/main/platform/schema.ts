/** Tables the platform owns: the key check. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Which key sealed this database's personal data: a keyed check value (never the key), so a desk
 * opened with any other key refuses to start (main/platform/crypto/key-check.ts). One row.
 */
export const keyCheck = sqliteTable('key_check', {
  id: integer('id').primaryKey(),
  value: text('value').notNull(),
  createdAt: text('created_at').notNull(),
});
