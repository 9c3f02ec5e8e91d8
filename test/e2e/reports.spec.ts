/**
 * Laporan berkala as a supervisor uses it (issue 11): this month's report on screen with its
 * charts; the CSV downloaded and parsed back; the PDF printed from the browser and read back with
 * pdftotext; nothing personal in either.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { callApi, expect, pdfText, setUpDesk, test } from './fixtures';

const complaint = (i: number) => ({
  type: i % 4 === 0 ? 'ASPIRASI' : 'PENGADUAN',
  channel: i % 2 ? 'TELEPON' : 'TATAP_MUKA',
  title: `Saluran air tersumbat di gang ${i}`,
  body: `Sejak minggu lalu saluran air di gang ${i} tersumbat sehingga air meluap ke jalan setiap hujan.`,
  kecamatanCode: '35.13.01',
  // Two desa of Sukapura, so the drill-down has more than one row.
  desaCode: i % 2 ? '35.13.01.2001' : '35.13.01.2002',
  agencyCode: i % 3 ? 'DPUPR' : 'DINKES',
  complainantName: `Pelapor Uji ${i}`,
  phone: `08129876${String(5000 + i)}`,
});

test('a supervisor reads this month’s report, exports CSV and PDF, and neither holds personal data', async ({
  page,
  desk,
  context,
}) => {
  test.setTimeout(90_000);
  await setUpDesk(page, desk.url);
  for (let i = 1; i <= 12; i++) await callApi(page, 'complaints.create', complaint(i));

  await page.keyboard.press('Alt+L');
  await expect(page.getByRole('heading', { name: 'Laporan berkala' })).toBeVisible();
  await page.getByRole('button', { name: 'Tampilkan laporan' }).click();
  await expect(page.locator('.summary-figure', { hasText: 'Diterima' })).toContainText('12');
  const byChannel = page.getByRole('table', { name: 'Kanal' });
  await expect(byChannel.getByRole('row', { name: /Telepon/ })).toContainText('6');
  for (const name of [
    'Grafik pengaduan per hari',
    'Grafik kepatuhan batas waktu',
    'Grafik menurut kanal',
    'Grafik kepatuhan per instansi',
  ])
    await expect(page.getByRole('img', { name })).toBeVisible();
  // Desa on drill-down: the kecamatan opens to its desa, each with its count, and closes again.
  const byKecamatan = page.getByRole('table', { name: 'Kecamatan' });
  const sukapura = byKecamatan.getByRole('button', { name: 'Tampilkan desa di Sukapura' });
  await expect(byKecamatan.getByRole('row')).toHaveCount(2);
  await sukapura.click();
  await expect(byKecamatan.getByRole('button', { name: 'Sembunyikan desa di Sukapura' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  const desaRows = byKecamatan.locator('.report-table__child');
  await expect(desaRows).toHaveCount(2);
  await expect(desaRows.nth(0)).toContainText('6');
  await expect(desaRows.nth(1)).toContainText('6');
  await page.screenshot({ path: 'screens/report.png', fullPage: true });

  // CSV: written to the export folder (and offered as a download), read back with a CSV parser.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^laporan-PBL01-\d{4}-\d\d-01_\d{4}-\d\d-\d\d\.csv$/);
  await expect(page.getByRole('status')).toContainText('Ekspor disimpan:');
  const file = (await page.getByRole('status').textContent())!.replace('Ekspor disimpan: ', '').trim();
  expect(file.startsWith(desk.dataDir)).toBe(true);
  expect(readFileSync(await download.path())).toEqual(readFileSync(file));
  const rows = parse(readFileSync(file), { bom: true, delimiter: ';', columns: true }) as Array<
    Record<string, string>
  >;
  expect(rows).toHaveLength(12);
  expect(rows.filter((r) => r.Kanal?.includes('Telepon'))).toHaveLength(6);
  expect(readFileSync(file, 'utf8')).not.toMatch(/Pelapor Uji|081298765/);

  // PDF: the browser prints the report page.
  const [pdfPage] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'PDF' }).click(),
  ]);
  await pdfPage.waitForLoadState();
  const text = pdfText(await pdfPage.pdf({ preferCSSPageSize: true }));
  expect(text).toContain('Laporan Pengaduan Berkala');
  expect(text).toContain('Pengaduan diterima 12');
  expect(text).toContain('Kepatuhan waktu');
  expect(text).toMatch(/Halaman 1 dari \d/);
  expect(text).not.toMatch(/Pelapor Uji|081298765/);
});
