/**
 * The list-and-edit table of the admin screens: a header, one row per record, and on each row an
 * "Ubah" button (reachable by keyboard, named after the record) that loads the record into the
 * screen's form, beside any other actions the screen offers for that row.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

interface DataTableProps<T> {
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: ReadonlyArray<Column<T>>;
  /** Loads the row into the form; the button is named "Ubah <name of the row>". */
  onEdit?: (row: T) => void;
  /** What names a row for a screen reader: its code or name. */
  rowName?: (row: T) => string;
  /** Other buttons for the row (disable, reset PIN, test print, remove). */
  actions?: (row: T) => ReactNode;
  /** The row being edited. */
  selected?: string | null;
}

export function DataTable<T>({
  rows,
  rowKey,
  columns,
  onEdit,
  rowName,
  actions,
  selected,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const withActions = Boolean(onEdit || actions);
  return (
    <table className="table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header}>{c.header}</th>
          ))}
          {withActions ? <th /> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = rowKey(row);
          return (
            <tr key={key} aria-current={selected === key ? 'true' : undefined}>
              {columns.map((c) => (
                <td key={c.header}>{c.cell(row)}</td>
              ))}
              {withActions ? (
                <td>
                  <div className="actions">
                    {onEdit ? (
                      <button
                        type="button"
                        aria-label={`${t('ui.edit')} ${rowName ? rowName(row) : key}`}
                        onClick={() => onEdit(row)}
                      >
                        {t('ui.edit')}
                      </button>
                    ) : null}
                    {actions?.(row)}
                  </div>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
