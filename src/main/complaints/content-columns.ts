/**
 * The complaint table's content columns, one per field of the content definition, typed by the
 * field's kind. A new field needs no line here or in schema.ts: only a migration.
 */
import type { NotNull } from 'drizzle-orm';
import {
  integer,
  text,
  type SQLiteColumnBuilderBase,
  type SQLiteBooleanBuilderInitial,
  type SQLiteIntegerBuilderInitial,
  type SQLiteTextBuilderInitial,
} from 'drizzle-orm/sqlite-core';
import {
  contentFormKind,
  contentKeys,
  type ContentKey,
  type ContentKind,
} from '../../shared/contract/complaint-fields';

type Text = SQLiteTextBuilderInitial<string, [string, ...string[]], undefined>;
type ColumnOfKind<K> = K extends 'flag'
  ? NotNull<SQLiteBooleanBuilderInitial<string>>
  : K extends 'id'
    ? SQLiteIntegerBuilderInitial<string>
    : K extends 'raw'
      ? NotNull<Text>
      : Text;
type DerivedColumns = { [K in ContentKey]: ColumnOfKind<ContentKind<K>> };

/** The column name of a field: incidentDate → incident_date. */
export const columnName = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function derivedColumn(key: ContentKey) {
  const name = columnName(key);
  switch (contentFormKind(key)) {
    case 'flag':
      return integer(name, { mode: 'boolean' }).notNull();
    case 'id':
      return integer(name);
    case 'raw':
      return text(name).notNull();
    default:
      return text(name);
  }
}

/**
 * Every content field's column, with the given ones written out instead (an enum, a foreign key).
 * A written-out column must keep the derived name and the type its kind stores: the row type is
 * checked against the content's types where rows are read (stored-fields.ts), the names in
 * test/unit/complaint-definition.test.ts.
 */
export function contentColumnsWith<O extends Partial<Record<ContentKey, SQLiteColumnBuilderBase>>>(
  written: O,
): Omit<DerivedColumns, keyof O> & O {
  const derived = Object.fromEntries(
    contentKeys.filter((k) => !(k in written)).map((k) => [k, derivedColumn(k)]),
  );
  return { ...derived, ...written } as Omit<DerivedColumns, keyof O> & O;
}
