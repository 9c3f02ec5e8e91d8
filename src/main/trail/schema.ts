/** The trail feature's table: the seal over rows written before the hash chain existed. */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * When a desk from before the chain is upgraded, its existing audit and history rows are sealed as
 * one: the running hash over them in id order, and how many there were. The chain continues from
 * that hash. One row per chained table; written once.
 */
export const chainSeals = sqliteTable('chain_seals', {
  kind: text('kind', { enum: ['audit', 'event'] }).primaryKey(),
  rows: integer('rows').notNull(),
  lastRef: text('last_ref').notNull(),
  hash: text('hash').notNull(),
  sealedAt: text('sealed_at').notNull(),
});
