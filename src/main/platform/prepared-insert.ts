/**
 * An INSERT of a whole row, prepared once. Building a drizzle insert per call (query builder, SQL
 * text, sqlite3_prepare) cost a save more than writing the row. Each value goes through its column's
 * own drizzle encoder (json, boolean and timestamp modes stay drizzle's) and null stays NULL, so what
 * lands on disk is what `db.insert(table).values(row)` writes. Every column must be given (null where
 * empty): a forgotten one fails at once instead of silently taking a default.
 */
import { getTableColumns, getTableName, type InferSelectModel } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Sqlite } from './database';

export function preparedInsert<T extends SQLiteTable>(sqlite: Sqlite, table: T) {
  const columns = Object.entries(getTableColumns(table));
  const statement = sqlite.prepare(
    `INSERT INTO "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  return (row: InferSelectModel<T>): void => {
    const values = columns.map(([key, column]) => {
      const value = (row as Record<string, unknown>)[key];
      if (value === undefined) throw new Error(`${getTableName(table)}.${key}: no value given`);
      return value === null ? null : column.mapToDriverValue(value);
    });
    statement.run(values);
  };
}
