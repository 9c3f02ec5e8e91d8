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
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { say } from '../../shared/i18n';
import { DeskFailure } from '../platform/failure';
import type { ListedRecord } from './record-list';

/** A column of the record list: its heading and its cell. */
const columns: Array<[string, (r: ListedRecord) => string | number | boolean | Date]> = [
  ['Nomor', (r) => r.receiptNumber],
  ['Diterima', (r) => r.receivedAt],
  ['Jenis', (r) => r.type],
  ['Kanal', (r) => r.channel],
  ['Kategori', (r) => r.category],
  ['Subkategori', (r) => r.subcategory],
  ['Instansi tujuan', (r) => r.agency],
  ['Kecamatan', (r) => r.kecamatan],
  ['Desa/kelurahan', (r) => r.desa],
  ['Judul', (r) => r.title],
  ['Status', (r) => r.status],
  ['Petugas', (r) => r.officer],
  ['Batas verifikasi', (r) => r.verifyDue],
  ['Batas tindak lanjut', (r) => r.followUpDue],
  ['Batas jawaban', (r) => r.answerDue],
  ['Anonim', (r) => r.anonymous],
  ['Rahasia', (r) => r.confidential],
  ['Berkadar pengawasan', (r) => r.supervisory],
];
const personalColumns: Array<[string, (r: ListedRecord) => string]> = [
  ['Nama pelapor', (r) => r.personal?.name ?? ''],
  ['NIK', (r) => r.personal?.nik ?? ''],
  ['Telepon', (r) => r.personal?.phone ?? ''],
  ['E-mail', (r) => r.personal?.email ?? ''],
  ['Alamat', (r) => r.personal?.address ?? ''],
];
const columnsFor = (withPersonal: boolean) => (withPersonal ? [...columns, ...personalColumns] : columns);

const wibInstant = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** A cell as CSV text: dates as WIB "YYYY-MM-DD HH:MM" (days alone as YYYY-MM-DD), flags as Ya/Tidak. */
function csvCell(v: string | number | boolean | Date): string {
  if (v instanceof Date) {
    return v.getUTCHours() === 0 && v.getUTCMinutes() === 0 && v.getUTCSeconds() === 0 && v.getUTCMilliseconds() === 0
      ? v.toISOString().slice(0, 10)
      : wibInstant.format(v);
  }
  if (typeof v === 'boolean') return v ? 'Ya' : 'Tidak';
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
  records: Iterable<ListedRecord>,
  options: { separator: ';' | ','; withPersonal: boolean },
) {
  const cols = columnsFor(options.withPersonal);
  return atomically(folder, name, async (path) => {
    const rows = Readable.from(
      (function* () {
        for (const r of records) yield cols.map(([, cell]) => csvCell(cell(r)));
      })(),
    );
    await pipeline(
      rows,
      stringify({
        bom: true,
        delimiter: options.separator,
        record_delimiter: 'windows',
        header: true,
        columns: cols.map(([heading]) => heading),
      }),
      createWriteStream(path, { mode: 0o600 }),
    );
  });
}

/** A table of the summary sheets: a heading row and rows of text and numbers. */
export interface SheetTable {
  name: string;
  headings: string[];
  rows: Array<Array<string | number | null>>;
  widths: number[];
}

export function writeXlsx(
  folder: string,
  name: string,
  tables: SheetTable[],
  records: Iterable<ListedRecord>,
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
    const list = book.addWorksheet('Daftar pengaduan', { views: [{ state: 'frozen', ySplit: 1 }] });
    list.columns = cols.map(([header], i) => ({
      header,
      width: [24, 17, 14, 18, 20, 24, 28, 14, 16, 40, 16, 18, 12, 12, 12, 9, 9, 12][i] ?? 18,
      style:
        header === 'Diterima'
          ? { numFmt: 'yyyy-mm-dd hh:mm' }
          : header.startsWith('Batas')
            ? { numFmt: 'yyyy-mm-dd' }
            : {},
    }));
    list.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
    list.getRow(1).font = { bold: true };
    for (const r of records) {
      list
        .addRow(
          cols.map(([header, cell]) => {
            const v = cell(r);
            // The receipt time as WIB wall-clock time, which is what Excel shows without a zone.
            return header === 'Diterima' && v instanceof Date ? new Date(v.getTime() + 7 * 3_600_000) : v;
          }),
        )
        .commit();
    }
    list.commit();
    await book.commit();
  });
}
