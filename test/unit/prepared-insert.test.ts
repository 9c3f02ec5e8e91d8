/**
 * The save's prepared row insert (platform/prepared-insert.ts) writes exactly what drizzle's own
 * insert writes, for every column mode the desk uses, and refuses a row with a column left out.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { preparedInsert } from '../../src/main/platform/prepared-insert';

const things = sqliteTable('things', {
  id: text('id').primaryKey(),
  label: text('label_text'),
  data: text('data', { mode: 'json' }),
  active: integer('active', { mode: 'boolean' }).notNull(),
  flag: integer('flag', { mode: 'boolean' }),
  count: integer('count'),
});

function open() {
  const sqlite = new Database(':memory:');
  sqlite.exec(
    'CREATE TABLE things (id TEXT PRIMARY KEY, label_text TEXT, data TEXT, active INTEGER NOT NULL, flag INTEGER, count INTEGER)',
  );
  return { sqlite, db: drizzle(sqlite) };
}

const rows = [
  { id: 'a', label: 'Jalan rusak', data: { from: 'BARU', n: [1, 2] }, active: true, flag: false, count: 3 },
  { id: 'b', label: null, data: null, active: false, flag: null, count: null },
  { id: 'c', label: '', data: 'teks', active: true, flag: true, count: 0 },
];

describe('prepared whole-row insert', () => {
  it('stores each row as drizzle does: json as text, booleans as 0/1, null as NULL', () => {
    const viaDrizzle = open();
    for (const row of rows) viaDrizzle.db.insert(things).values(row).run();
    const prepared = open();
    const insert = preparedInsert(prepared.sqlite, things);
    for (const row of rows) insert(row);
    const read = (s: Database.Database) =>
      s.prepare('SELECT *, typeof(data) AS t FROM things ORDER BY id').all();
    expect(read(prepared.sqlite)).toEqual(read(viaDrizzle.sqlite));
    expect(read(prepared.sqlite)[1]).toMatchObject({ data: null, t: 'null', flag: null });
    expect(prepared.db.select().from(things).all()).toEqual(rows);
  });

  it('refuses a row with a column left out, naming it, and writes nothing', () => {
    const { sqlite } = open();
    const insert = preparedInsert(sqlite, things);
    const { count: _, ...partial } = rows[0]!;
    expect(() => insert(partial as never)).toThrow('things.count');
    expect(sqlite.prepare('SELECT count(*) FROM things').pluck().get()).toBe(0);
  });
});
