import { admin, expect, setUpDesk, signIn, test } from './fixtures';

test('first run: setup, sign out, sign in again', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await expect(page.getByText('Masuk sebagai Admin Meja (Admin)')).toBeVisible();
  await page.screenshot({ path: 'screens/home.png' });
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk' })).toBeVisible();
  await expect(page.getByText('PBL01 · Mal Pelayanan Publik Kabupaten Probolinggo')).toBeVisible();
  await page.screenshot({ path: 'screens/sign-in.png' });
  await signIn(page, admin.name, admin.secret);
  await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
});
