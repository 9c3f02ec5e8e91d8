/** The reference feature's tables (drizzle). Migrations in drizzle/ are generated from every feature's
 * schema.ts; FTS5 and the append-only triggers live in hand-written migrations beside them. */
import {
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

export const regions = sqliteTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['kabupaten', 'kecamatan', 'desa', 'kelurahan'] }).notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [index('regions_parent').on(t.parentCode)],
);

export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => categories.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /**
     * The stable code the central server knows the category by (its name as a code, a subcategory's
     * prefixed with its parent's). Given once and kept when the category is renamed.
     */
    code: text('code'),
  },
  // Unique (parent, name) with NULL parents is an expression index: see drizzle/0001_search_and_history.sql.
  (t) => [uniqueIndex('categories_code').on(t.code)],
);

export const agencies = sqliteTable('agencies', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['opd', 'tenant_mpp', 'kecamatan', 'lainnya'] }).notNull(),
  note: text('note'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const channels = sqliteTable('channels', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const holidays = sqliteTable('holidays', {
  date: text('date').primaryKey(),
  kind: text('kind', { enum: ['libur_nasional', 'cuti_bersama'] }).notNull(),
  description: text('description').notNull(),
  basis: text('basis'),
});
