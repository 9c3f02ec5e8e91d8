import { admin, expect, setUpDesk, signIn, test } from './fixtures';

test('a wrong PIN is refused, and five lock the account even against the right PIN', async ({
  page,
  desk,
}) => {
  await setUpDesk(page, desk.url);
  await page.getByRole('button', { name: 'Keluar' }).click();

  await signIn(page, admin.name, 'salah-pin');
  await expect(page.getByRole('alert').first()).toHaveText('Nama atau PIN salah. Sisa percobaan: 4.');
  for (const left of [3, 2, 1]) {
    await signIn(page, admin.name, 'salah-pin');
    await expect(page.getByRole('alert').first()).toHaveText(`Nama atau PIN salah. Sisa percobaan: ${left}.`);
  }
  await signIn(page, admin.name, 'salah-pin');
  await expect(page.getByRole('alert').first()).toContainText('Akun dikunci sementara');

  await signIn(page, admin.name, admin.secret);
  await expect(page.getByRole('alert').first()).toContainText('Akun dikunci sementara');
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await page.screenshot({ path: 'screens/locked-account.png' });
});

test('an admin resets an officer’s PIN: the old one stops working, the new one signs in', async ({
  page,
  desk,
}) => {
  await setUpDesk(page, desk.url);
  await page.getByRole('button', { name: 'Akun' }).click();
  await page.getByLabel('Nama pengguna').fill('budi');
  await page.getByLabel('Nama lengkap').fill('Budi Santoso');
  await page.getByLabel('PIN/kata sandi').fill('2468');
  await page.getByRole('button', { name: 'Tambah akun' }).click();
  await expect(page.getByRole('cell', { name: 'Budi Santoso' })).toBeVisible();
  await page.getByRole('button', { name: 'Atur ulang PIN budi' }).click();
  await page.getByLabel('PIN/kata sandi baru (budi)').fill('13579');
  await page
    .getByRole('form', { name: 'Atur ulang PIN budi' })
    .getByRole('button', { name: 'Simpan' })
    .click();
  await expect(page.getByRole('status').first()).toHaveText(
    'PIN budi diatur ulang; kunci akunnya dibuka dan sesinya diakhiri.',
  );
  await page.getByRole('button', { name: 'Keluar' }).click();
  await signIn(page, 'budi', '2468');
  await expect(page.getByRole('alert').first()).toHaveText('Nama atau PIN salah. Sisa percobaan: 4.');
  await signIn(page, 'budi', '13579');
  await expect(page.getByText('Masuk sebagai Budi Santoso (Petugas)')).toBeVisible();
});

test('an officer cannot reach admin screens, and main refuses the admin call itself', async ({
  page,
  desk,
}) => {
  await setUpDesk(page, desk.url);
  await page.getByRole('button', { name: 'Akun' }).click();
  await page.getByLabel('Nama pengguna').fill('budi');
  await page.getByLabel('Nama lengkap').fill('Budi Santoso');
  await page.getByLabel('Peran').selectOption('officer');
  await page.getByLabel('PIN/kata sandi').fill('2468');
  await page.getByRole('button', { name: 'Tambah akun' }).click();
  await expect(page.getByRole('status')).toHaveText('Akun budi ditambahkan.');
  await expect(page.getByRole('cell', { name: 'Budi Santoso' })).toBeVisible();
  await page.screenshot({ path: 'screens/accounts.png' });
  await page.getByRole('button', { name: 'Keluar' }).click();

  await signIn(page, 'budi', '2468');
  await expect(page.getByText('Masuk sebagai Budi Santoso (Petugas)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Akun' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pengaturan' })).toHaveCount(0);

  // Hiding a button is not security: the same call from this signed-in page is refused by main.
  const result = await page.evaluate(async () => {
    const token = sessionStorage.getItem('desk.launchToken');
    const tab = sessionStorage.getItem('desk.tabId');
    const response = await fetch('/api/accounts.create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Desk-Tab': tab! },
      body: JSON.stringify({ name: 'penyusup', displayName: 'Penyusup', role: 'admin', secret: '9999' }),
    });
    return { status: response.status, body: await response.json() };
  });
  expect(result).toEqual({
    status: 403,
    body: {
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'Peran Anda tidak diizinkan melakukan tindakan ini.',
        text: { key: 'errors.FORBIDDEN' },
      },
    },
  });
});

test('the screen locks and unlocks with the same PIN; a reload keeps the session', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
  await page.getByRole('button', { name: 'Kunci layar' }).click();
  await expect(page.getByRole('heading', { name: 'Layar terkunci' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Layar terkunci' })).toBeVisible();
  await page.getByLabel('PIN/kata sandi').fill(admin.secret);
  await page.getByRole('button', { name: 'Buka kunci' }).click();
  await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
});

test('reference data is editable, and text with markup is shown as text', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await page.getByRole('button', { name: 'Data referensi' }).click();
  await expect(page.getByText('24 kecamatan, 330 desa/kelurahan, 38 kategori, 10 kanal.')).toBeVisible();
  await page.getByLabel('Tanggal').fill('2026-12-31');
  await page.getByLabel('Keterangan').fill('Cuti bersama akhir tahun');
  await page.getByRole('button', { name: 'Tambah hari libur' }).click();
  await expect(page.getByRole('cell', { name: 'Cuti bersama akhir tahun' })).toBeVisible();

  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  await page.getByLabel('Kode', { exact: true }).fill('UJI_XSS');
  await page.getByLabel('Instansi tujuan').fill(markup);
  await page.getByRole('button', { name: 'Simpan instansi' }).click();
  await expect(page.getByRole('cell', { name: markup })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
  await page.screenshot({ path: 'screens/reference.png', fullPage: false });

  // Categories and channels change with the times: a new subcategory and a new channel.
  await page.getByLabel('Nama kategori').fill('Jembatan Gantung');
  await page.getByLabel('Kategori induk').selectOption({ label: 'PEKERJAAN UMUM DAN PENATAAN RUANG' });
  await page.getByRole('button', { name: 'Simpan kategori' }).click();
  await expect(page.getByRole('button', { name: 'Jembatan Gantung' })).toBeVisible();
  await page.getByLabel('Kode kanal').fill('posko_desa');
  await page.getByLabel('Nama kanal').fill('Posko pengaduan desa');
  await page.getByRole('button', { name: 'Simpan kanal' }).click();
  await expect(page.getByRole('cell', { name: 'POSKO_DESA', exact: true })).toBeVisible();
  // Every admin table is edited by keyboard too: the row's "Ubah" button loads it into the form.
  await page.getByRole('button', { name: 'Ubah POSKO_DESA' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Nama kanal')).toHaveValue('Posko pengaduan desa');
  await page.keyboard.press('Alt+N');
  await expect(page.getByLabel('Kanal').locator('option', { hasText: 'Posko pengaduan desa' })).toHaveCount(
    1,
  );
});

test('the page can switch to English', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await page.getByLabel('Bahasa').selectOption('en');
  await expect(page.getByText('Signed in as Admin Meja (Admin)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('an error already on screen follows the switch to English (main sends it as a key)', async ({
  page,
  desk,
}) => {
  await setUpDesk(page, desk.url);
  await page.getByRole('button', { name: 'Akun' }).click();
  await page.getByLabel('Nama pengguna').fill('ADMIN');
  await page.getByLabel('Nama lengkap').fill('Admin Kedua');
  await page.getByLabel('PIN/kata sandi').fill('2468');
  await page.getByRole('button', { name: 'Tambah akun' }).click();
  await expect(page.getByRole('alert').first()).toHaveText('Nama pengguna "ADMIN" sudah dipakai.');
  await expect(page.getByText('Nama pengguna "ADMIN" sudah dipakai.').nth(1)).toBeVisible();

  await page.getByLabel('Bahasa').selectOption('en');
  await expect(page.getByRole('alert').first()).toHaveText('User name "ADMIN" is already taken.');
  await expect(page.getByText('User name "ADMIN" is already taken.').nth(1)).toBeVisible();
  await expect(page.getByText('sudah dipakai')).toHaveCount(0);
});
