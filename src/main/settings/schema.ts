/** The settings feature's tables (drizzle). Migrations in drizzle/ are generated from every feature's
 * schema.ts; FTS5 and the append-only triggers live in hand-written migrations beside them. */
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamps } from '../platform/schema-columns';

/** One row: this counter PC's identity. */
export const desk = sqliteTable(
  'desk',
  {
    id: integer('id').primaryKey(),
    code: text('code').notNull(),
    siteName: text('site_name').notNull(),
    ...timestamps,
  },
  (t) => [check('desk_single_row', sql`${t.id} = 1`)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});
