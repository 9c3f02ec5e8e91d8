/**
 * Report exports (issue 11): CSV read back with a CSV parser (BOM, separator, CRLF, quoting,
 * formula-looking text kept as text), XLSX read back with exceljs (a sheet per table, typed cells,
 * frozen header, autofilter), no personal data unless asked for with a reason (every export file is
 * scanned for the test records' personal data), each export audited, and a folder that cannot be
 * written gives a message naming it and leaves nothing behind.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, sampleComplaint, setUpDesk, value } from '../support/core';

let desk: ReturnType<typeof makeCore>;
const people = [
  {
    complainantName: 'Siti Aminah',
    nik: '3513014507900001',
    phone: '081234567801',
    email: 'siti@example.id',
  },
  {
    complainantName: 'Bambang Wijaya',
    nik: '3513011203850002',
    phone: '081234567802',
    email: 'bambang@example.id',
  },
];
const personalValues = people.flatMap((p) => [
  p.complainantName,
  p.nik,
  p.phone,
  p.email,
  sampleComplaint.address,
]);
const month = { kind: 'month', year: 2026, index: 11 } as const;

beforeAll(async () => {
  desk = makeCore();
  await setUpDesk(desk.api);
  for (const [i, p] of people.entries()) {
    value(
      await desk.api.dispatch(
        'complaints.create',
        {
          ...sampleComplaint,
          ...p,
          title: i === 0 ? '=HYPERLINK("http://x";"klik")' : 'Jalan; rusak, "parah"\nsekali',
        },
        'admin',
      ),
    );
  }
  value(
    await desk.api.dispatch(
      'complaints.create',
      { ...sampleComplaint, ...people[0], confidential: true, title: 'Pungutan liar oleh oknum kantor desa' },
      'admin',
    ),
  );
});
afterAll(() => desk.close());

const exportOf = async (input: Record<string, unknown>) =>
  value<{ file: string; name: string; url: string | null; bytes: number }>(
    await desk.api.dispatch('reports.export', { period: month, ...input }, 'admin'),
  );
const containsPersonal = (bytes: Buffer | string) => personalValues.filter((v) => String(bytes).includes(v));

describe('CSV', () => {
  it('is RFC 4180 with a BOM and the chosen separator; nothing personal; confidential titles withheld', async () => {
    for (const separator of [';', ','] as const) {
      const out = await exportOf({ format: 'csv', separator });
      const bytes = readFileSync(out.file);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8')).toContain('\r\n');
      const rows = parse(bytes, { bom: true, delimiter: separator, columns: true }) as Array<
        Record<string, string>
      >;
      expect(rows).toHaveLength(3);
      expect(rows.map((r) => r.Judul)).toEqual([
        `'=HYPERLINK("http://x";"klik")`,
        'Jalan; rusak, "parah"\nsekali',
        '(Rahasia)',
      ]);
      expect(rows[0]!.Diterima).toBe('2026-11-27 09:00');
      expect(rows[0]!['Batas verifikasi']).toMatch(/^2026-12-\d\d$/);
      expect(rows[0]!.Anonim).toBe('Tidak');
      expect(Object.keys(rows[0]!)).not.toContain('NIK');
      expect(containsPersonal(bytes)).toEqual([]);
      expect(statSync(out.file).mode & 0o777).toBe(0o600);
      expect(out.url).toMatch(/^\/download\//);
    }
  });

  it('includes personal data only when asked for with a reason, and the audit says so', async () => {
    const refused = await desk.api.dispatch(
      'reports.export',
      { period: month, format: 'csv', includePersonal: true },
      'admin',
    );
    expect(refused.ok === false && refused.error.fields).toEqual({
      reason: 'Tulis alasan menyertakan data pribadi dalam ekspor.',
    });
    const out = await exportOf({
      format: 'csv',
      includePersonal: true,
      reason: 'Permintaan Ombudsman nomor 12/2026',
    });
    expect(out.name).toContain('data-pribadi');
    const rows = parse(readFileSync(out.file), { bom: true, delimiter: ';', columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows.map((r) => r.NIK)).toEqual([people[0]!.nik, people[1]!.nik, people[0]!.nik]);
    const audit = value<Array<{ action: string; detail: string | null }>>(
      await desk.api.dispatch('audit.list', {}, 'admin'),
    );
    const personal = audit.filter((r) => r.action === 'reports.export.personal');
    expect(personal).toHaveLength(1);
    expect(personal[0]!.detail).toContain('Permintaan Ombudsman nomor 12/2026');
    expect(audit.filter((r) => r.action === 'reports.export').length).toBeGreaterThanOrEqual(2);
  });
});

describe('XLSX', () => {
  it('has a sheet per table and the record list, typed cells, a frozen header and a filter; nothing personal', async () => {
    const out = await exportOf({ format: 'xlsx' });
    expect(containsPersonal(readFileSync(out.file))).toEqual([]); // (zipped: the cells are checked below too)
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out.file);
    const names = book.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Ringkasan',
        'Kepatuhan waktu',
        'Menurut instansi',
        'Menurut kanal',
        'Daftar pengaduan',
      ]),
    );
    const summary = book.getWorksheet('Ringkasan')!;
    expect(summary.getRow(2).getCell(1).value).toBe('Pengaduan diterima');
    expect(summary.getRow(2).getCell(2).value).toBe(3);
    const list = book.getWorksheet('Daftar pengaduan')!;
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(list.autoFilter).toBeTruthy();
    expect(list.rowCount).toBe(4);
    const first = list.getRow(2);
    const heading = (name: string) => (list.getRow(1).values as unknown[]).indexOf(name);
    const received = first.getCell(heading('Diterima')).value;
    expect(received).toBeInstanceOf(Date);
    expect((received as Date).toISOString()).toBe('2026-11-27T09:00:00.000Z'); // WIB wall-clock time
    expect(first.getCell(heading('Batas verifikasi')).value).toBeInstanceOf(Date);
    expect(first.getCell(heading('Anonim')).value).toBe(false);
    const cells = list
      .getSheetValues()
      .flat()
      .map((v) => String(v));
    expect(containsPersonal(cells.join('\n'))).toEqual([]);
  });
});

describe('PDF page (browser mode)', () => {
  it('is a one-time page with the figures and the charts, and no personal data', async () => {
    const out = await exportOf({ format: 'pdf', includePersonal: true });
    expect(out.file).toBeNull();
    const page = desk.core.exports.take('page', out.url!.split('/').pop()!)!;
    expect(page.body).toContain('Laporan Pengaduan Berkala');
    expect(page.body).toContain('data:image/svg+xml;base64,');
    expect(page.body).toContain('Kepatuhan waktu');
    expect(containsPersonal(page.body)).toEqual([]);
    expect(desk.core.exports.take('page', out.url!.split('/').pop()!)).toBeUndefined();
  });
});

describe('the PDF of a busy month', () => {
  it('shows the first 100 rows of a long table and says where the rest are (the XLSX holds all)', async () => {
    const { renderReportHtml } = await import('../../src/main/reports/report-html');
    const out = await exportOf({ format: 'pdf' });
    const page = desk.core.exports.take('page', out.url!.split('/').pop()!)!.body;
    expect(page).not.toContain('baris lainnya'); // this month's tables are short
    const report = value<Parameters<typeof renderReportHtml>[0]>(
      await desk.api.dispatch('reports.figures', { period: month }, 'admin'),
    );
    const late = {
      name: 'Terlambat',
      headings: ['Nomor', 'Hari kerja'],
      rows: Array.from({ length: 250 }, (_, i) => [`PBL01-${String(i).padStart(4, '0')}`, i]),
      widths: [20, 10],
    };
    const html = renderReportHtml(report, [late], {
      siteName: 'MPP',
      deskCode: 'PBL01',
      generatedBy: 'Sari',
    });
    expect(html).toContain('PBL01-0099');
    expect(html).not.toContain('PBL01-0100');
    expect(html).toContain('… dan 150 baris lainnya: daftar lengkapnya ada di ekspor XLSX.');
  });
});

describe('an export folder that cannot be written', () => {
  it('says so naming the folder, and leaves nothing half-written', async () => {
    const blocker = join(desk.dataDir, 'bukan-folder');
    writeFileSync(blocker, 'a file where the folder should be');
    const folder = join(blocker, 'laporan');
    value(await desk.api.dispatch('settings.update', { exportFolder: folder }, 'admin'));
    const r = await desk.api.dispatch('reports.export', { period: month, format: 'xlsx' }, 'admin');
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.error.fields?.folder).toContain(folder);
    expect(r.ok === false && r.error.message).toMatch(/^Berkas ekspor tidak dapat ditulis ke folder/);
    // A relative folder is refused when set.
    const relative = await desk.api.dispatch('settings.update', { exportFolder: 'laporan' }, 'admin');
    expect(relative.ok === false && Object.keys(relative.error.fields ?? {})).toEqual(['exportFolder']);
    // A good folder works, and holds only finished files.
    const good = join(desk.dataDir, 'ekspor-baru');
    mkdirSync(good);
    value(await desk.api.dispatch('settings.update', { exportFolder: good }, 'admin'));
    await exportOf({ format: 'csv' });
    expect(readdirSync(good).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(good)).toHaveLength(1);
  });
});

describe('a full disk during an export', () => {
  it('says the disk is full, naming the folder, and leaves no part of the file', async () => {
    const { atomically } = await import('../../src/main/reports/export-files');
    const { DeskFailure } = await import('../../src/main/platform/failure');
    const { render } = await import('../../src/shared/i18n');
    const folder = join(desk.dataDir, 'disk-penuh');
    const { writeFile } = await import('node:fs/promises');
    let failure: unknown;
    try {
      await atomically(folder, 'laporan.csv', async (temp) => {
        await writeFile(temp, 'half of the rows');
        await writeFile('/dev/full', 'the rest'); // the kernel answers ENOSPC, as a full disk does
      });
    } catch (e) {
      failure = e;
    }
    expect(failure).toBeInstanceOf(DeskFailure);
    const f = failure as InstanceType<typeof DeskFailure>;
    expect(render(f.text)).toBe(
      `Disk penuh: berkas ekspor tidak dapat ditulis ke ${folder}. Kosongkan ruang lalu coba lagi.`,
    );
    expect(Object.keys(f.fields ?? {})).toEqual(['folder']);
    expect(readdirSync(folder)).toEqual([]);
  });
});
