/**
 * The supervisor's day, as people do it (issue 11): an officer records 30 complaints; the
 * supervisor reviews them by keyboard alone and returns one; the officer sees it on Beranda and
 * corrects it; the supervisor reviews it again and closes the day; the register, printed to PDF and
 * read back with pdftotext, lists the 30 records with the totals and the digest, and a reprint
 * carries the same digest.
 */
import { callApi, expect, pdfText, setUpDesk, signIn, test } from './fixtures';

const complaint = (i: number) => ({
  type: 'PENGADUAN',
  channel: 'TATAP_MUKA',
  title: `Lampu jalan mati di dusun ${i}`,
  body: `Sejak minggu lalu lampu jalan di depan rumah warga dusun ${i} mati sehingga jalan gelap dan membahayakan pengendara pada malam hari.`,
  kecamatanCode: '35.13.01',
  desaCode: '35.13.01.2001',
  agencyCode: 'DPUPR',
  complainantName: `Warga ${i}`,
  phone: `08123456${String(1000 + i)}`,
});

test('a supervisor reviews a day of 30 by keyboard, returns one, the officer corrects it, the day closes into its register', async ({
  page,
  desk,
  context,
}) => {
  test.setTimeout(120_000);
  await setUpDesk(page, desk.url);
  await callApi(page, 'accounts.create', {
    name: 'budi',
    displayName: 'Budi Petugas',
    role: 'officer',
    secret: '2468',
  });
  await callApi(page, 'accounts.create', {
    name: 'sari',
    displayName: 'Sari Supervisor',
    role: 'supervisor',
    secret: '1357',
  });
  await page.getByRole('button', { name: 'Keluar' }).click();

  // The officer's morning: 30 complaints.
  await signIn(page, 'budi', '2468');
  await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
  const saved: Array<{ id: string; receiptNumber: string }> = [];
  for (let i = 1; i <= 30; i++) saved.push(await callApi(page, 'complaints.create', complaint(i)));
  await page.getByRole('button', { name: 'Keluar' }).click();

  // The supervisor, keyboard only: Alt+T opens the review; Tab reaches the list.
  await signIn(page, 'sari', '1357');
  await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
  await page.keyboard.press('Alt+T');
  await expect(page.getByRole('heading', { name: 'Tinjauan harian' })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Pengaduan hari ini' });
  await expect(grid.getByRole('row')).toHaveCount(31);
  await expect(grid).toHaveAttribute('aria-rowcount', '31');
  await expect(page.locator('.summary-figure', { hasText: 'Diterima' })).toContainText('30');
  for (let i = 0; i < 10 && !(await grid.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(grid).toBeFocused();

  const row = (n: number) => page.locator(`#review-row-${saved[n]!.id}`);
  // Rows 1-4 reviewed at machine speed (no waiting between keys), the fifth returned with a note.
  for (let n = 0; n < 4; n++) await page.keyboard.press('t');
  await expect(row(4)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await page.keyboard.type('Lengkapi: sejak tanggal berapa lampu mati?');
  await page.keyboard.press('Enter');
  await expect(row(4)).toContainText('Dikembalikan');
  await expect(grid).toBeFocused();
  await page.keyboard.press('ArrowDown');
  for (let n = 5; n < 30; n++) {
    await expect(row(n)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press(n === 5 ? 'v' : 't');
  }
  for (const n of [0, 1, 2, 3, 6, 29]) await expect(row(n)).toContainText('Ditinjau');
  await expect(row(5)).toContainText('Diverifikasi');
  await page.screenshot({ path: 'screens/day-review.png' });
  await page.getByRole('button', { name: 'Keluar' }).click();

  // The officer finds it on Beranda with the note, and corrects it there.
  await signIn(page, 'budi', '2468');
  await page.getByRole('button', { name: 'Beranda' }).click();
  const returned = page.getByRole('region', { name: 'Dikembalikan untuk dikoreksi' });
  await expect(returned).toContainText('Lengkapi: sejak tanggal berapa lampu mati?');
  await expect(returned).toContainText('Sari Supervisor');
  await returned.getByRole('button', { name: `Koreksi ${saved[4]!.receiptNumber}` }).click();
  const body = returned.getByLabel('Isi laporan');
  await body.fill(`${complaint(5).body} Lampu mati sejak tanggal 20 November 2026.`);
  await returned.getByLabel('Alasan koreksi').fill('Dilengkapi sesuai catatan supervisor');
  await returned.getByRole('button', { name: 'Simpan' }).click();
  await expect(returned).toContainText('Tidak ada pengaduan yang dikembalikan.');
  await page.getByRole('button', { name: 'Keluar' }).click();

  // Back to the supervisor: the corrected record asks for another look; then the day closes.
  await signIn(page, 'sari', '1357');
  await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
  await page.keyboard.press('Alt+T');
  await expect(row(4)).toContainText('Dikoreksi petugas');
  await row(4).click();
  await grid.press('t');
  await expect(row(4)).toContainText('Ditinjau');
  const close = page.getByRole('form', { name: 'Tutup hari' });
  await close.getByRole('button', { name: 'Tutup hari' }).press('Enter');
  const closedNote = page.getByRole('status').filter({ hasText: 'Hari ditutup oleh Sari Supervisor' });
  await expect(closedNote).toContainText('30 pengaduan di register');
  const digest = (await page.locator('.digest').textContent())!.replace('SHA-256 register: ', '').trim();
  expect(digest).toMatch(/^[0-9a-f]{64}$/);
  await page.screenshot({ path: 'screens/day-closed.png' });

  // The register, printed to PDF and read back; a reprint is the same document with the same digest.
  const texts: string[] = [];
  for (let i = 0; i < 2; i++) {
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Cetak register' }).click(),
    ]);
    await popup.waitForLoadState();
    texts.push(pdfText(await popup.pdf({ preferCSSPageSize: true })));
    await popup.close();
  }
  const [text, reprint] = texts as [string, string];
  expect(reprint).toBe(text);
  expect(text).toContain('Buku Register Pengaduan Harian');
  for (const s of saved) expect(text).toContain(s.receiptNumber);
  expect(text).toContain('Jumlah: 30 pengaduan');
  expect(text).toContain('Belum ditinjau saat tutup hari: 0');
  expect(text).toContain('Ditutup oleh Sari Supervisor');
  expect(text.replace(/\s/g, '')).toContain(`SHA-256:${digest}`);
  expect(text).not.toContain('Warga 1 '); // no complainant names on the register
  expect(text).not.toContain('0812345');
});

test('an admin sets the review rules in Pengaturan; a bad time is refused naming the field', async ({
  page,
  desk,
}) => {
  await setUpDesk(page, desk.url);
  await page.getByRole('button', { name: 'Pengaturan' }).click();
  const rules = page.getByRole('group', { name: 'Aturan tinjauan harian' });
  await rules.getByLabel('Lokasi kurang jelas').uncheck();
  await rules.getByLabel('Jumlah kata isi laporan minimal').fill('20');
  await rules.getByLabel('Instansi untuk pengaduan berkadar pengawasan').selectOption('INSPEKTORAT');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status')).toHaveText('Pengaturan disimpan.');
  const saved = await callApi<{ reviewRules: { off: string[]; minBodyWords: number } }>(
    page,
    'settings.get',
    {},
  );
  expect(saved.reviewRules).toMatchObject({ off: ['vagueLocation'], minBodyWords: 20 });

  await rules.getByLabel('Jam layanan mulai (WIB)').fill('');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(rules.getByText('Jam layanan mulai (WIB) tidak valid.')).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('Data belum benar');
});
