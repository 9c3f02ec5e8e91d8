import { FakeCentral } from '../support/fake-central';
import { expect, setUpDesk, test } from './fixtures';

test('records wait visibly while no server is set, and go once an admin connects the desk', async ({
  page,
  desk,
}) => {
  const central = await new FakeCentral().start();
  await setUpDesk(page, desk.url);
  const bar = page.getByRole('region', { name: 'Pengiriman ke server pusat' });
  await expect(bar).toContainText('Pengiriman belum diaktifkan');
  const saved = await page.evaluate(async () => {
    const r = await fetch('/api/complaints.create', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${sessionStorage.getItem('desk.launchToken')}`,
        'X-Desk-Tab': sessionStorage.getItem('desk.tabId')!,
      },
      body: JSON.stringify({
        type: 'PENGADUAN',
        channel: 'TATAP_MUKA',
        title: 'Air PDAM tidak mengalir tiga hari',
        agencyCode: 'PDAM',
        body: 'Air PDAM di rumah pelapor tidak mengalir sejak tiga hari lalu tanpa pemberitahuan.',
        complainantName: 'Ahmad',
      }),
    });
    return (await r.json()).value as { receiptNumber: string };
  });
  await expect(bar).toContainText('Menunggu: 2', { timeout: 10_000 });
  await page.keyboard.press('Alt+A');
  await expect(
    page.getByRole('listbox', { name: 'Antrean pengaduan' }).getByRole('option').first(),
  ).toContainText('Menunggu kirim');

  await page.getByRole('button', { name: 'Server pusat' }).click();
  await page.getByLabel('Alamat server pusat').fill(central.url);
  await page.getByLabel('Token meja').fill(central.token);
  await page.getByLabel('Aktifkan pengiriman').check();
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await expect(page.getByText('Pengaturan server pusat disimpan.')).toBeVisible();
  await expect(bar).toContainText('Server pusat terhubung', { timeout: 15_000 });
  await expect(bar).toContainText('Menunggu: 0', { timeout: 15_000 });
  expect([...central.complaints.values()].map((c) => JSON.parse(c).receiptNumber)).toEqual([
    saved.receiptNumber,
  ]);
  await page.screenshot({ path: 'screens/forwarding.png' });
  await central.stop();
});
