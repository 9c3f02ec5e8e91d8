/**
 * The counter at 1366×768, as an officer works it (issue 13): a complaint recorded without the mouse
 * and without scrolling (keys counted and reported), the queue worked by keyboard (a saved view, an
 * action on several records, Esc back to the list), a receipt's QR scanned from any screen, the
 * citizen's earlier complaints, the SP4N-LAPOR! copy and tracking ID, and the cheat sheet.
 */
import type { CDPSession, Page } from '@playwright/test';
import { formatReceiptNumber } from '../../src/shared/domain/receipt-number';
import { scanInto } from '../support/scanner';
import { admin, callApi, expect, setUpDesk, signIn, test } from './fixtures';

const counter = { width: 1366, height: 768 };
const officer = { name: 'ani', displayName: 'Ani Rahmawati', role: 'officer', secret: 'rahasia-ani-1' };

const complaint = (i: number, extra: Record<string, unknown> = {}) => ({
  type: 'PENGADUAN',
  channel: 'TATAP_MUKA',
  title: `Jalan berlubang di depan SDN Sumberasih nomor ${i}`,
  body: 'Jalan di depan sekolah berlubang besar sejak dua minggu dan membahayakan anak-anak yang lewat.',
  agencyCode: 'DPUPR',
  complainantName: 'Budi Santoso',
  ...extra,
});
const record = (page: Page, input: Record<string, unknown>) =>
  callApi<{ id: string; receiptNumber: string }>(page, 'complaints.create', input);

/** Keys pressed to move, choose and save, apart from the characters typed into fields. */
class Keys {
  navigation = 0;
  typed = 0;
  constructor(
    private readonly page: Page,
    private readonly delay: number,
  ) {}
  async press(key: string, times = 1) {
    for (let i = 0; i < times; i++) {
      this.navigation++;
      await this.page.keyboard.press(key);
    }
  }
  async type(text: string) {
    this.typed += text.length;
    await this.page.keyboard.type(text, { delay: this.delay });
  }
  /** Type into the field that has the focus, then Tab on. */
  async field(text: string) {
    await this.type(text);
    await this.press('Tab');
  }
  /** A combobox: type part of a name, Enter to choose, Tab on. */
  async choose(text: string) {
    await this.type(text);
    await this.press('Enter');
    await this.press('Tab');
  }
}

async function officerAtCounter(page: Page, url: string) {
  await page.setViewportSize(counter);
  await setUpDesk(page, url);
  await callApi(page, 'accounts.create', officer);
  await page.getByRole('button', { name: 'Keluar' }).click();
  await signIn(page, officer.name, officer.secret);
  await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
}

/** Every control of the form lies inside the window, and nothing has scrolled. */
async function expectWholeFormOnScreen(page: Page) {
  const outside = await page.evaluate(() => {
    const h = window.innerHeight;
    const w = window.innerWidth;
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        'form.intake__form input, form.intake__form select, form.intake__form textarea, form.intake__form button[type=submit]',
      ),
    ];
    return controls
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.top < 0 || r.bottom > h || r.left < 0 || r.right > w)
      .map(({ el }) => el.id || el.getAttribute('aria-label') || el.textContent);
  });
  expect(outside).toEqual([]);
  expect(await page.evaluate(() => [window.scrollY, document.querySelector('.content')!.scrollTop])).toEqual([
    0, 0,
  ]);
}

async function recordByKeyboard(page: Page, keys: Keys, n: number) {
  await expect(page.getByLabel('Jenis laporan')).toBeFocused();
  await expectWholeFormOnScreen(page);
  await keys.press('Tab'); // Jenis laporan: Pengaduan, as it stands
  await keys.press('Tab'); // Kanal: walk-in, as it stands
  await keys.field(`Lampu penerangan jalan mati di depan pasar Dringu ${n}`);
  await keys.field('Sudah dua minggu lampu di depan pasar mati, warga takut lewat pada malam hari.');
  await keys.field('kemarin');
  await keys.choose('dring'); // Kecamatan
  await keys.choose('dringu'); // Desa
  await keys.field('Depan pasar, sisi utara');
  await keys.press('Tab'); // Kategori: left empty
  await keys.press('Tab'); // Subkategori
  await keys.choose('perhubungan'); // Instansi tujuan
  await keys.press('Tab', 3); // Berkadar pengawasan, Anonim, Rahasia
  await keys.field('Siti Aminah');
  await keys.press('Tab'); // NIK: not given
  await keys.field('081234567890');
  await expectWholeFormOnScreen(page);
  await keys.press('Control+Enter');
  await expect(page.locator('.saved__number')).toBeVisible();
  const number = (await page.locator('.saved__number').textContent())!.trim();
  await keys.press('Enter'); // Pengaduan berikutnya
  await expect(page.getByLabel('Jenis laporan')).toBeFocused();
  return number;
}

test('an officer records complaints at 1366×768 without scrolling and without the mouse; the keys are counted', async ({
  page,
  desk,
}) => {
  await officerAtCounter(page, desk.url);
  // Human speed first, then machine speed, then machine speed with the CPU slowed four times.
  const runs: Array<{ how: string; delay: number; throttle: number }> = [
    { how: 'human speed (60 ms a key)', delay: 60, throttle: 1 },
    { how: 'machine speed', delay: 0, throttle: 1 },
    { how: 'machine speed, CPU ×4 slower', delay: 0, throttle: 4 },
  ];
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const report: string[] = [];
  for (const [i, run] of runs.entries()) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: run.throttle });
    const keys = new Keys(page, run.delay);
    const number = await recordByKeyboard(page, keys, i);
    const saved = await callApi<{ complaint: { title: string; agencyCode: string; desaCode: string } }>(
      page,
      'complaints.get',
      { id: (await callApi<{ id: string }>(page, 'complaints.findByReceipt', { receiptNumber: number })).id },
    );
    expect(saved.complaint.title).toBe(`Lampu penerangan jalan mati di depan pasar Dringu ${i}`);
    expect(saved.complaint.agencyCode).toBe('DISHUB');
    expect(saved.complaint.desaCode).toMatch(/^35\.13\./);
    report.push(`${run.how}: ${keys.navigation} navigation keys, ${keys.typed} characters typed`);
    expect(keys.navigation).toBeLessThanOrEqual(22);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  test.info().annotations.push({ type: 'keys', description: report.join('; ') });
  console.log(`[counter] keys to record a complaint: ${report.join('; ')}`);
});

test('the form says what is required, and a failed save lists each problem with a link to its field', async ({
  page,
  desk,
}) => {
  await officerAtCounter(page, desk.url);
  for (const name of ['Judul', 'Isi laporan', 'Nama pelapor'])
    await expect(page.getByLabel(name, { exact: true })).toHaveAttribute('aria-required', 'true');
  const agency = page.getByRole('combobox', { name: 'Instansi tujuan' });
  await expect(agency).toHaveAttribute('aria-required', 'true');
  await expect(agency).toHaveAttribute('placeholder', 'Ketik untuk mencari…');
  await page.keyboard.press('Control+Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'Periksa 4 kolom berikut:' });
  await expect(summary).toBeVisible();
  await summary.getByRole('link', { name: 'Instansi tujuan wajib diisi.' }).click();
  await expect(agency).toBeFocused();
  // Anonymous: the name is no longer required.
  await page.getByLabel('Anonim').check();
  await expect(page.getByLabel('Nama pelapor')).not.toHaveAttribute('aria-required', 'true');
  await page.screenshot({ path: 'screens/counter-form-errors-1366.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: 'screens/counter-form-errors-1920.png' });
});

test('an officer sees a compact status line, and no warning only an admin can act on', async ({
  page,
  desk,
}) => {
  await officerAtCounter(page, desk.url);
  const line = page.getByRole('region', { name: 'Pengiriman ke server pusat' });
  await expect(line).toContainText('Pengiriman belum diaktifkan');
  await expect(line).toContainText('Menunggu: 0');
  // The admin's own bar and the holiday warning (2027 holidays are not in the shipped table) stay away.
  await expect(page.getByRole('region', { name: 'Pengiriman perlu ditangani' })).toHaveCount(0);
  await expect(page.getByText('Tabel hari libur tahun')).toHaveCount(0);
  await page.screenshot({ path: 'screens/counter-form-1366.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: 'screens/counter-form-1920.png' });
  // The admin sees both, and where to act.
  await page.getByRole('button', { name: 'Keluar' }).click();
  await signIn(page, admin.name, admin.secret);
  await expect(page.getByRole('region', { name: 'Pengiriman perlu ditangani' })).toBeVisible();
});

test('the queue by keyboard: 20+ rows, a saved view, an action on several records, the drawer and Esc back', async ({
  page,
  desk,
}) => {
  await officerAtCounter(page, desk.url);
  for (let i = 0; i < 26; i++) await record(page, complaint(i));
  await page.keyboard.press('Alt+A');
  const list = page.getByRole('listbox', { name: 'Antrean pengaduan' });
  await expect(list.getByRole('option').first()).toBeVisible();
  // At least twenty rows wholly inside the list's box at 1366×768.
  const shown = await list.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('[role=option]')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= box.top && b.bottom <= box.bottom && b.bottom <= window.innerHeight;
    }).length;
  });
  expect(shown).toBeGreaterThanOrEqual(20);
  await page.screenshot({ path: 'screens/counter-queue-1366.png' });

  await page.keyboard.press('/');
  await page.keyboard.press('ArrowDown');
  await expect(list).toBeFocused();
  // 5: "Menunggu verifikasi", with its count.
  const views = page.getByRole('group', { name: 'Tampilan tersimpan' });
  await expect(views.getByRole('button', { name: /^Menunggu verifikasi 26/ })).toBeVisible();
  await page.keyboard.press('5');
  await expect(views.getByRole('button', { name: /^Menunggu verifikasi/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // Mark three rows with Space, then V goes to "Verifikasi (3)" and Enter does it.
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  const bulk = page.getByRole('region', { name: 'Tindakan untuk pengaduan yang ditandai' });
  await expect(bulk).toContainText('3 ditandai');
  await page.keyboard.press('v');
  await expect(bulk.getByRole('button', { name: /^Verifikasi \(3\)/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bulk.getByRole('status')).toContainText('Verifikasi: 3 pengaduan tercatat.');
  await expect(list).toBeFocused();
  await expect(views.getByRole('button', { name: /^Menunggu verifikasi 23/ })).toBeVisible();
  await expect(list.getByRole('option')).toHaveCount(23);

  // Enter opens the drawer; V then Enter verifies; the focus lands on the next action.
  await page.keyboard.press('ArrowDown');
  const current = list.locator('[aria-current=true]');
  const opened = (await current.locator('.queue-row__receipt').textContent())!;
  const following = (await current
    .locator('xpath=following-sibling::*[1]')
    .locator('.queue-row__receipt')
    .textContent())!;
  await page.keyboard.press('Enter');
  const drawer = page.locator('.detail');
  await expect(drawer.getByRole('heading', { name: opened })).toBeFocused();
  await page.keyboard.press('v');
  await expect(drawer.getByRole('button', { name: /^Lakukan/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(drawer.locator('.detail__top .status')).toHaveText('Terverifikasi');
  await expect(drawer.getByRole('button', { name: /^Teruskan ke instansi/ })).toBeFocused();
  await page.screenshot({ path: 'screens/counter-drawer-1366.png' });
  // Esc closes it and the focus is back on the list where the officer was: the verified record has
  // left "Menunggu verifikasi", so the one after it is next.
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await expect(list).toBeFocused();
  await expect(list.getByRole('option')).toHaveCount(22);
  await expect(current).toContainText(following);
  // "Milik saya" (2) holds all 26, recorded by this officer.
  await page.keyboard.press('2');
  await expect(list.getByRole('option')).toHaveCount(26);
});

test('typed date filters with today, this week and this month', async ({ page, desk }) => {
  await officerAtCounter(page, desk.url);
  await record(page, complaint(1));
  await page.keyboard.press('Alt+A');
  const from = page.getByLabel('Dari tanggal');
  await from.fill('31/02/2026');
  await from.press('Tab');
  await expect(page.getByText('Dari tanggal: tanggal tidak dikenali')).toBeVisible();
  await from.fill('01/01/2020');
  await page.getByLabel('Sampai tanggal').fill('31/12/2020');
  await page.getByLabel('Sampai tanggal').press('Tab');
  await expect(page.getByText('Tidak ada pengaduan yang cocok.')).toBeVisible();
  await page.getByRole('button', { name: 'Hari ini', exact: true }).click();
  const today = await page.evaluate(() =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta' }).format(new Date()),
  );
  await expect(from).toHaveValue(today);
  await expect(page.getByLabel('Sampai tanggal')).toHaveValue(today);
  await expect(page.getByRole('listbox', { name: 'Antrean pengaduan' }).getByRole('option')).toHaveCount(1);
  await page.getByRole('button', { name: 'Bulan ini', exact: true }).click();
  await expect(from).toHaveValue(`01/${today.slice(3)}`);
});

/** A scanner: the whole text in a burst, a few milliseconds a key, then Enter. */
const scan = (page: Page, text: string) => scanInto(page, text);

test("a receipt's QR read by a scanner opens the record from the queue, the form and Beranda", async ({
  page,
  desk,
}) => {
  await page.setViewportSize(counter);
  await setUpDesk(page, desk.url);
  await callApi(page, 'settings.update', { statusUrl: 'https://pengaduan.probolinggokab.go.id/status' });
  const a = await record(page, complaint(1));
  const b = await record(page, complaint(2));
  const url = (n: string) => `https://pengaduan.probolinggokab.go.id/status?nomor=${n}`;
  const drawer = page.locator('.detail');

  // On the form, while the officer is typing a title: the title keeps what was typed.
  await page.getByLabel('Judul').fill('Air PDAM mati');
  await page.getByLabel('Judul').focus();
  await scan(page, url(a.receiptNumber));
  await expect(drawer.getByRole('heading', { name: a.receiptNumber })).toBeVisible();
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('Judul')).toHaveValue('Air PDAM mati');

  // On the queue, the list focused (its keys 1-7 and letters must not act on the URL's characters).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+A');
  const views = page.getByRole('group', { name: 'Tampilan tersimpan' });
  await expect(views.getByRole('button', { name: /^Semua/ })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('listbox', { name: 'Antrean pengaduan' }).focus();
  await scan(page, url(b.receiptNumber));
  await expect(drawer.getByRole('heading', { name: b.receiptNumber })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Cari')).toHaveValue('');
  await expect(views.getByRole('button', { name: /^Semua/ })).toHaveAttribute('aria-pressed', 'true');
  // In Cari itself, the bare number (a QR printed without a status page): Cari keeps what it had.
  await page.getByLabel('Cari').fill('lampu');
  await page.getByLabel('Cari').focus();
  await scan(page, a.receiptNumber);
  await expect(drawer.getByRole('heading', { name: a.receiptNumber })).toBeVisible();
  await expect(page.getByLabel('Cari')).toHaveValue('lampu');
  await drawer.getByRole('button', { name: /^Tutup/ }).click();
  await page.getByLabel('Cari').fill('');

  // On Beranda, with nothing focused.
  await page.getByRole('button', { name: 'Beranda' }).click();
  await page.locator('body').focus();
  await scan(page, url(a.receiptNumber).toLowerCase().replace('https', 'HTTPS'));
  await expect(drawer.getByRole('heading', { name: a.receiptNumber })).toBeVisible();

  // A receipt of another desk: said so, nothing opens.
  await page.getByRole('button', { name: 'Beranda' }).click();
  const foreign = formatReceiptNumber({ deskCode: 'KRS02', day: '20261128', sequence: 7 });
  await scan(page, foreign);
  await expect(page.getByRole('alert').filter({ hasText: `Tanda terima ${foreign} dipindai` })).toBeVisible();
  await expect(drawer).toHaveCount(0);

  // A person typing the number in Cari at a person's pace does not trigger it: Cari finds it.
  await page.keyboard.press('Alt+A');
  await drawer.getByRole('button', { name: /^Tutup/ }).click();
  await expect(drawer).toHaveCount(0);
  await page.getByLabel('Cari').focus();
  await page.keyboard.type(b.receiptNumber, { delay: 70 });
  await page.keyboard.press('Enter');
  await expect(drawer).toHaveCount(0);
  await expect(page.getByRole('listbox', { name: 'Antrean pengaduan' }).getByRole('option')).toHaveCount(1);
});

test("the citizen's earlier complaints on the form and in the drawer; LAPOR! copy, ID and #search", async ({
  page,
  desk,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize(counter);
  await setUpDesk(page, desk.url);
  const first = await record(
    page,
    complaint(1, { phone: '081299887766', incidentDate: '2026-11-20', kecamatanCode: '35.13.14' }),
  );
  const second = await record(
    page,
    complaint(2, { phone: '081299887766', anonymous: true, complainantName: undefined }),
  );
  await callApi(page, 'complaints.act', { action: 'VERIFY', id: first.id });

  // On the form: the same phone brings the list, with each status and deadline.
  await page.getByLabel('Nomor HP').fill('0812-9988-7766');
  const earlier = page.getByRole('region', { name: /Pengaduan pelapor ini \(2\)/ });
  await expect(earlier).toBeVisible();
  await expect(earlier.getByRole('listitem').filter({ hasText: first.receiptNumber })).toContainText(
    'Terverifikasi',
  );
  await expect(earlier.getByRole('listitem').filter({ hasText: second.receiptNumber })).toContainText('Baru');
  await expect(earlier).toContainText('tenggat');

  // In the drawer of one, the other.
  await earlier.getByRole('button', { name: second.receiptNumber }).click();
  const drawer = page.locator('.detail');
  await expect(drawer.getByRole('heading', { name: second.receiptNumber })).toBeVisible();
  const inDrawer = drawer.getByRole('region', { name: /Pengaduan pelapor ini \(1\)/ });
  await expect(inDrawer).toContainText(first.receiptNumber);
  await inDrawer.getByRole('button', { name: first.receiptNumber }).click();
  await expect(drawer.getByRole('heading', { name: first.receiptNumber })).toBeFocused();

  // K copies it in LAPOR!'s order.
  await page.keyboard.press('k');
  await expect(drawer.getByText(/^Tersalin/)).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const labels = copied
    .split('\n')
    .filter((l) => /^[A-Z][a-z ]+:/.test(l))
    .map((l) => l.split(':')[0]);
  expect(labels).toEqual([
    'Judul',
    'Isi laporan',
    'Tanggal kejadian',
    'Lokasi kejadian',
    'Kategori',
    'Instansi tujuan',
    'Anonim',
    'Rahasia',
  ]);
  expect(copied).toContain(`Judul: ${complaint(1).title}`);
  expect(copied).toContain('Instansi tujuan: Dinas Pekerjaan Umum dan Penataan Ruang');
  expect(copied).not.toContain('081299887766');

  // D: the tracking ID, validated, then findable as #ID, and gone from "Belum di LAPOR!".
  const views = page.getByRole('group', { name: 'Tampilan tersimpan' });
  await expect(views.getByRole('button', { name: /^Belum di LAPOR! 2/ })).toBeVisible();
  await page.keyboard.press('d');
  const form = page.getByRole('form', { name: 'Tindakan: Simpan ID LAPOR!' });
  await expect(form.getByLabel('ID pelacakan LAPOR!')).toBeFocused();
  await page.keyboard.type('91658');
  await page.keyboard.type('x');
  await page.keyboard.press('Enter');
  await expect(form.getByText('ID pelacakan LAPOR!', { exact: false }).last()).toBeVisible();
  await expect(form.locator('.field__error')).toBeVisible();
  await form.getByLabel('ID pelacakan LAPOR!').fill('9165816');
  await page.keyboard.press('Enter');
  await expect(drawer.locator('.detail__meta')).toContainText('LAPOR! #9165816');
  await expect(views.getByRole('button', { name: /^Belum di LAPOR! 1/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByLabel('Cari').fill('#9165816');
  const rows = page.getByRole('listbox', { name: 'Antrean pengaduan' }).getByRole('option');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(first.receiptNumber);
  await expect(page.getByText('mencari ID LAPOR! (tepat)')).toBeVisible();
});

test('F1 and ? open the cheat sheet from any screen; Esc closes it', async ({ page, desk }) => {
  await page.setViewportSize(counter);
  await setUpDesk(page, desk.url);
  await page.keyboard.press('F1');
  const sheet = page.getByRole('dialog', { name: 'Pintasan papan ketik' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Salin untuk LAPOR!');
  await page.screenshot({ path: 'screens/counter-help-1366.png' });
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.keyboard.press('Alt+A');
  await page.getByRole('listbox', { name: 'Antrean pengaduan' }).focus();
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  // In a text field "?" is a character.
  await page.getByLabel('Cari').focus();
  await page.keyboard.type('apa?');
  await expect(sheet).toBeHidden();
  await expect(page.getByLabel('Cari')).toHaveValue('apa?');
});
