/**
 * Writing an export: CSV (RFC 4180, UTF-8 with BOM, `;` or `,`), XLSX (exceljs, typed cells, a sheet
 * per table, the record list streamed) or the PDF's page. Every file is written beside its final
 * name and renamed into place when complete, so a full disk or a broken folder leaves nothing
 * half-written under the final name; the failure is said in words naming the folder.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { msg, say } from '../../shared/i18n';
import { DeskFailure } from '../platform/failure';
import type { ListedRecord } from './record-list';

/** A column of the record list: its key (the heading is its word in the caller's language) and its cell. */
type Column = [string, (r: ListedRecord) => string | number | boolean | Date];
const columns: Column[] = [
  ['number', (r) => r.receiptNumber],
  ['receivedAt', (r) => r.receivedAt],
  ['type', (r) => r.type],
  ['channel', (r) => r.channel],
  ['category', (r) => r.category],
  ['subcategory', (r) => r.subcategory],
  ['agency', (r) => r.agency],
  ['kecamatan', (r) => r.kecamatan],
  ['desa', (r) => r.desa],
  ['title', (r) => r.title],
  ['status', (r) => r.status],
  ['officer', (r) => r.officer],
  ['verifyDue', (r) => r.verifyDue],
  ['followUpDue', (r) => r.followUpDue],
  ['answerDue', (r) => r.answerDue],
  ['anonymous', (r) => r.anonymous],
  ['confidential', (r) => r.confidential],
  ['supervisory', (r) => r.supervisory],
];
const personalColumns: Column[] = [
  ['name', (r) => r.personal?.name ?? ''],
  ['nik', (r) => r.personal?.nik ?? ''],
  ['phone', (r) => r.personal?.phone ?? ''],
  ['email', (r) => r.personal?.email ?? ''],
  ['address', (r) => r.personal?.address ?? ''],
];
const columnsFor = (withPersonal: boolean) => (withPersonal ? [...columns, ...personalColumns] : columns);
const heading = (key: string) => msg(`print.report.col.${key}`);
const dueColumns = new Set(['verifyDue', 'followUpDue', 'answerDue']);

/**
 * A cell as CSV text: dates as WIB "YYYY-MM-DD HH:MM" (days alone as YYYY-MM-DD), flags as Ya/Tidak
 * (Yes/No, the words looked up once per export).
 */
function csvCell(v: string | number | boolean | Date, yes: string, no: string): string {
  if (v instanceof Date) {
    const t = v.getTime();
    if (t % 86_400_000 === 0) return v.toISOString().slice(0, 10);
    // WIB is UTC+7 all year (no daylight saving): arithmetic, not Intl, for 100,000 rows.
    const wib = new Date(t + 7 * 3_600_000).toISOString();
    return `${wib.slice(0, 10)} ${wib.slice(11, 16)}`;
  }
  if (typeof v === 'boolean') return v ? yes : no;
  const text = String(v);
  // A cell Excel would run as a formula (=, +, -, @, tab, CR) is kept as text.
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Writes through a temporary name, renamed into place when complete; owner-only. */
export async function atomically(folder: string, name: string, write: (path: string) => Promise<void>): Promise<{ file: string; bytes: number }> {
  const file = join(folder, name);
  const temp = join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await write(temp);
    await chmod(temp, 0o600);
    await rename(temp, file);
    return { file, bytes: (await stat(file)).size };
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof DeskFailure) throw error; // cancelled: said as such, not as the folder's fault
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOSPC' || code === 'EDQUOT'
        ? say('errors.exportDiskFull', { folder })
        : say('errors.exportFolder', { folder, reason: code ?? (error as Error).message });
    throw new DeskFailure('VALIDATION', message, { folder: message });
  }
}

export function writeCsv(
  folder: string,
  name: string,
  records: AsyncIterable<ListedRecord>,
  options: { separator: ';' | ','; withPersonal: boolean },
) {
  const cols = columnsFor(options.withPersonal);
  return atomically(folder, name, async (path) => {
    const yes = msg('ui.yes');
    const no = msg('ui.no');
    const format = { delimiter: options.separator, record_delimiter: 'windows' } as const;
    const out = createWriteStream(path, { mode: 0o600 });
    const failed = new Promise<never>((_, reject) => out.once('error', reject));
    failed.catch(() => undefined); // raced below; an error after the last race is the destroy's own
    const write = async (text: string) => {
      if (!out.write(text)) await Promise.race([new Promise<void>((res) => out.once('drain', () => res())), failed]);
    };
    try {
      // Quoting by csv-stringify, a few hundred rows at a time: a stream step per row cost more than
      // the rows themselves.
      await write(`\ufeff${stringify([cols.map(([key]) => heading(key))], format)}`);
      let batch: string[][] = [];
      for await (const r of records) {
        batch.push(cols.map(([, cell]) => csvCell(cell(r), yes, no)));
        if (batch.length === 500) {
          await write(stringify(batch, format));
          batch = [];
        }
      }
      if (batch.length) await write(stringify(batch, format));
      // Closed, not only flushed, before the rename (Windows refuses to rename an open file).
      await Promise.race([new Promise<void>((res) => out.end(() => out.once('close', () => res()))), failed]);
    } finally {
      if (!out.closed) out.destroy();
    }
  });
}

/** A table of the summary sheets: a heading row and rows of text and numbers. */
export interface SheetTable {
  name: string;
  headings: string[];
  rows: Array<Array<string | number | null>>;
  widths: number[];
}

/**
 * Waits while the sheet's compressed output is backed up. exceljs' streaming writer hands each row's
 * XML on to the zip without waiting for it, so a list written faster than it compresses piled up in
 * memory (1 GB for a year's 340,000 rows); its sheet stream's destinations are ordinary Writables,
 * whose buffered bytes say how far behind the zip is.
 */
async function drained(sheet: ExcelJS.Worksheet) {
  type Pipe = Writable & { _writableState?: { length: number } };
  const pipes = (sheet as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes ?? [];
  // archiver's streams come from readable-stream, which has no writableLength getter.
  const buffered = (pipe: Pipe) => pipe.writableLength ?? pipe._writableState?.length ?? 0;
  for (const pipe of pipes) {
    while (buffered(pipe) > 4 * 1024 * 1024 && !pipe.destroyed)
      await new Promise<void>((res) => {
        const done = () => {
          clearTimeout(timer);
          pipe.off('drain', done);
          res();
        };
        const timer = setTimeout(done, 50);
        pipe.once('drain', done);
      });
  }
}

export function writeXlsx(
  folder: string,
  name: string,
  tables: SheetTable[],
  records: AsyncIterable<ListedRecord>,
  options: { withPersonal: boolean; title: string },
) {
  const cols = columnsFor(options.withPersonal);
  return atomically(folder, name, async (path) => {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
    book.creator = 'Meja Pengaduan';
    book.title = options.title;
    for (const table of tables) {
      const sheet = book.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = table.headings.map((header, i) => ({ header, width: table.widths[i] ?? 16 }));
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headings.length } };
      sheet.getRow(1).font = { bold: true };
      for (const row of table.rows) sheet.addRow(row).commit();
      sheet.commit();
    }
    const list = book.addWorksheet(msg('print.report.sheet.list'), { views: [{ state: 'frozen', ySplit: 1 }] });
    list.columns = cols.map(([key], i) => ({
      header: heading(key),
      width: [24, 17, 14, 18, 20, 24, 28, 14, 16, 40, 16, 18, 12, 12, 12, 9, 9, 12][i] ?? 18,
      style:
        key === 'receivedAt'
          ? { numFmt: 'yyyy-mm-dd hh:mm' }
          : dueColumns.has(key)
            ? { numFmt: 'yyyy-mm-dd' }
            : {},
    }));
    list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
    list.getRow(1).font = { bold: true };
    let rows = 0;
    for await (const r of records) {
      if (++rows % 1000 === 0) await drained(list);
      list
        .addRow(
          cols.map(([key, cell]) => {
            const v = cell(r);
            // The receipt time as WIB wall-clock time, which is what Excel shows without a zone.
            return key === 'receivedAt' && v instanceof Date ? new Date(v.getTime() + 7 * 3_600_000) : v;
          }),
        )
        .commit();
    }
    list.commit();
    await book.commit();
  });
}
