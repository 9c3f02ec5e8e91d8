import type { Page } from '@playwright/test';
import { callApi, expect, setUpDesk, test } from './fixtures';

/** Records a complaint through the page's own API client (setup for tests about the queue). */
const record = (page: Page, input: Record<string, unknown>) =>
  callApi<{ id: string; receiptNumber: string }>(page, 'complaints.create', input);

const base = {
  type: 'PENGADUAN',
  channel: 'TATAP_MUKA',
  title: 'Jalan berlubang di depan SDN Sumberasih',
  body: 'Jalan di depan sekolah berlubang besar sejak dua minggu dan membahayakan anak-anak yang berangkat sekolah.',
  agencyCode: 'DPUPR',
  complainantName: 'Budi',
  phone: '081299887766',
};

async function openInQueue(page: Page, receipt: string) {
  await page.keyboard.press('Alt+A');
  const search = page.getByLabel('Cari');
  await search.fill(receipt);
  const rows = page.getByRole('listbox', { name: 'Antrean pengaduan' }).getByRole('option');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(receipt);
  await rows.first().dblclick();
  await expect(page.getByRole('heading', { name: receipt })).toBeVisible();
}

/** An action as the officer does it: its button (or key), what it needs, Lakukan. */
async function act(page: Page, action: string, fill: Record<string, string> = {}) {
  const detail = page.locator('.detail');
  await detail
    .getByRole('toolbar', { name: 'Tindakan' })
    .getByRole('button', { name: new RegExp(`^${action.replace(/[()!]/g, '\\$&')} `) })
    .click();
  const form = page.getByRole('form', { name: `Tindakan: ${action}` });
  for (const [label, value] of Object.entries(fill)) {
    const field = form.locator('input, select, textarea').and(form.getByLabel(label, { exact: true }));
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption({ label: value });
    else await field.fill(value);
    if ((await field.getAttribute('role')) === 'combobox') await page.keyboard.press('Enter');
  }
  await form.getByRole('button', { name: /^Lakukan/ }).click();
  await expect(detail.getByRole('status').filter({ hasText: 'Tindakan tercatat.' })).toBeVisible();
}

test('a complaint walks the whole status flow, with every step in its history', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const c = await record(page, base);
  await openInQueue(page, c.receiptNumber);
  const detail = page.locator('.detail');
  await act(page, 'Verifikasi');
  await expect(detail.locator('.detail__top .status')).toHaveText('Terverifikasi');
  await act(page, 'Teruskan ke instansi');
  await expect(detail.locator('.detail__top .status')).toHaveText('Terdisposisi');
  await act(page, 'Catat tindak lanjut instansi', {
    'Jawaban instansi': 'Sudah dijadwalkan penambalan minggu depan.',
  });
  await act(page, 'Catat tanggapan pelapor', { 'Tanggapan pelapor': 'Pelapor menerima jadwal tersebut.' });
  await act(page, 'Simpan ID LAPOR!', { 'ID pelacakan LAPOR!': '9165816' });
  await act(page, 'Catatan', { Catatan: 'Dikonfirmasi lewat telepon.' });
  await act(page, 'Selesai');
  await expect(detail.locator('.detail__top .status')).toHaveText('Selesai');
  const history = detail.locator('ol.history > li');
  await expect(history).toHaveCount(8);
  await expect(history.nth(3)).toContainText('Sudah dijadwalkan penambalan minggu depan.');
  await expect(history.nth(5)).toContainText('LAPOR! 9165816');
  // Done is final: only a note remains possible.
  await expect(detail.getByRole('toolbar', { name: 'Tindakan' }).getByRole('button')).toHaveText([
    'Catatan C',
  ]);
  await page.screenshot({ path: 'screens/detail-done.png' });
});

test('re-routing to another agency and archiving a duplicate', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  const original = await record(page, base);
  const copy = await record(page, { ...base, title: 'Jalan berlubang depan SDN Sumberasih (lagi)' });
  await openInQueue(page, copy.receiptNumber);
  await act(page, 'Arsipkan', {
    'Alasan pengarsipan': 'Duplikat',
    'Nomor laporan asli': original.receiptNumber.toLowerCase(),
    'Alasan / keterangan': 'Sudah dilaporkan oleh warga yang sama',
  });
  const detail = page.locator('.detail');
  await expect(detail.locator('.detail__top .status')).toHaveText('Diarsipkan');
  await expect(detail.getByText(`duplikat dari ${original.receiptNumber}`)).toBeVisible();

  await openInQueue(page, original.receiptNumber);
  await act(page, 'Verifikasi');
  await act(page, 'Teruskan ke instansi');
  await act(page, 'Bukan wewenang (alihkan)', {
    'Instansi baru': 'Dinas Pendidikan',
    'Alasan / keterangan': 'Halaman sekolah, bukan jalan kabupaten',
  });
  await expect(
    detail.getByText('Dinas Pekerjaan Umum dan Penataan Ruang → Dinas Pendidikan dan Kebudayaan'),
  ).toBeVisible();
  await expect(detail.locator('dd', { hasText: 'Dinas Pendidikan dan Kebudayaan' }).first()).toBeVisible();
});

test('after a reload everything is as it was, the half-typed draft included', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await page.getByLabel('Judul').fill('Pelayanan KTP elektronik sangat lambat');
  await page.getByLabel('NIK').fill('3513014507900001');
  await page.getByLabel('Isi laporan', { exact: true }).fill('Sudah tiga bulan menunggu');
  await page.waitForTimeout(600); // the draft is saved a moment after typing stops
  await page.reload();
  await expect(page.getByText('Draf yang belum disimpan dipulihkan.')).toBeVisible();
  await page.screenshot({ path: 'screens/draft-restored.png' });
  await expect(page.getByLabel('Judul')).toHaveValue('Pelayanan KTP elektronik sangat lambat');
  await expect(page.getByLabel('NIK')).toHaveValue('3513014507900001');
  await expect(page.getByLabel('Isi laporan', { exact: true })).toHaveValue('Sudah tiga bulan menunggu');

  // Esc asks before throwing the draft away.
  page.once('dialog', (d) => void d.accept());
  await page.getByLabel('Judul').press('Escape');
  await expect(page.getByLabel('Judul')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('Judul')).toHaveValue('');

  // The queue remembers its filters.
  const filters = page.locator('.queue-filters');
  await page.keyboard.press('Alt+A');
  await filters.getByLabel('Instansi tujuan').selectOption({ label: 'Dinas Kesehatan' });
  await filters.getByRole('button', { name: 'Filter lain' }).click();
  await filters.getByLabel('Hanya yang terlambat').check();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
  await page.keyboard.press('Alt+A');
  await expect(page.getByRole('heading', { name: 'Antrean pengaduan' })).toBeVisible();
  await expect(filters.getByLabel('Instansi tujuan')).toHaveValue('DINKES');
  // A filter set behind "Filter lain" keeps it open, and says how many are set there.
  await expect(filters.getByRole('button', { name: 'Filter lain (1)' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(filters.getByLabel('Hanya yang terlambat')).toBeChecked();
});

test('text with HTML or script in it is shown as text everywhere', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const markup = '<img src=x onerror="alert(1)"> <script>alert(2)</script>';
  const c = await record(page, {
    ...base,
    title: `Judul ${markup}`,
    body: `Isi laporan dengan ${markup} di dalamnya, cukup panjang.`,
    complainantName: `<b>Budi</b>`,
  });
  await openInQueue(page, c.receiptNumber);
  await expect(page.locator('.detail__title')).toHaveText(`Judul ${markup}`);
  await expect(
    page.getByRole('listbox', { name: 'Antrean pengaduan' }).getByRole('option').first(),
  ).toContainText(markup);
  await expect(page.locator('.detail').getByText('<b>Budi</b>')).toBeVisible();
  await expect(page.locator('img[src="x"], b:text("Budi")')).toHaveCount(0);
  expect(dialogs).toBe(0);
});
