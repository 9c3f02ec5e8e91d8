/**
 * Operations as an admin does them: a recovery code made and read off the Cadangan screen, a backup
 * taken there, the desk closed, `npm run restore` onto a fresh data folder with only the file and
 * the code, and the desk started on it: the complaint is there and the next number is a new one.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { admin, callApi, expect, setUpDesk, signIn, test } from './fixtures';
import { hostEnv, node22, repoRoot, startHost } from '../support/host-process';

test('an admin backs up from Cadangan and restores onto a fresh PC with only the file and the recovery code', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const oldPc = mkdtempSync(join(tmpdir(), 'desk-old-pc-'));
  const newPc = mkdtempSync(join(tmpdir(), 'desk-new-pc-'));
  const usb = mkdtempSync(join(tmpdir(), 'desk-usb-'));
  try {
    const first = await startHost({ dataDir: oldPc });
    await setUpDesk(page, first.url);
    const saved = await callApi<{ receiptNumber: string }>(page, 'complaints.create', {
      type: 'PENGADUAN',
      channel: 'TATAP_MUKA',
      title: 'Air PDAM keruh sejak seminggu',
      body: 'Air dari PDAM di rumah kami keruh dan berbau sejak seminggu, sudah lapor lewat telepon belum ada tindak lanjut.',
      agencyCode: 'DPUPR',
      complainantName: 'Wahyuni',
      nik: '3513014507900001',
    });

    // Beranda tells the admin there is no backup, no recovery passphrase, no second place.
    await page.getByRole('button', { name: 'Beranda' }).click();
    const panel = page.getByRole('region', { name: 'Cadangan data' });
    await expect(panel).toContainText('Belum pernah ada cadangan');
    await expect(panel).toContainText('Frasa pemulihan belum diatur');
    await panel.getByRole('button', { name: 'Kelola cadangan' }).click();

    await expect(page.getByRole('heading', { name: 'Cadangan', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Buat kode pemulihan' }).click();
    const code = (await page.getByTestId('recovery-code').textContent())!.trim();
    expect(code).toMatch(/^([2-9A-Z]{4}-){5}[2-9A-Z]{4}$/);
    await page.getByLabel('Folder cadangan kedua').fill(usb);
    await page.getByRole('region', { name: 'Tempat kedua' }).getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText('Tempat kedua disimpan.')).toBeVisible();
    await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
    await expect(page.getByText(/Cadangan meja-PBL01-.*\.mpbak dibuat dan diperiksa/)).toBeVisible();
    const list = page.getByRole('region', { name: 'Cadangan yang disimpan' });
    await expect(list.getByRole('row')).toHaveCount(2);
    await expect(list).toContainText('Baik, diperiksa');
    await expect(page.getByRole('region', { name: 'Cadangan data' })).toContainText(
      'Cadangan terakhir yang baik',
    );
    await page.screenshot({ path: test.info().outputPath('cadangan-1366x768.png'), fullPage: true });
    // The trail's chain, checked from the audit screen.
    await page.getByRole('button', { name: 'Jejak audit' }).click();
    await page.getByRole('button', { name: 'Periksa rantai jejak' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Rantai utuh' })).toBeVisible();
    const [backup] = await callApi<Array<{ fileName: string }>>(page, 'backups.list', {});
    await first.stop();

    // The old PC is gone; the USB disk and the code from the safe are all there is.
    rmSync(oldPc, { recursive: true, force: true });
    // The restore command as an admin runs it on the new PC, with the code from the safe.
    const restoreWith = (passphrase: string) =>
      spawnSync(
        node22,
        [
          join(repoRoot, 'out', 'main', 'restore.js'),
          '--from',
          join(usb, backup!.fileName),
          '--data',
          newPc,
          '--yes',
        ],
        { env: hostEnv(newPc, { MEJA_RECOVERY_PASSPHRASE: passphrase }), encoding: 'utf8' },
      );
    const wrong = restoreWith('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Frasa pemulihan salah');
    const restored = restoreWith(code);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('1 pengaduan');
    expect(restored.stdout).toContain('Pemulihan selesai dan diperiksa');

    const second = await startHost({ dataDir: newPc });
    try {
      await page.goto(second.url);
      await signIn(page, admin.name, admin.secret);
      await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
      const found = await callApi<{ title: string; nik: string }>(page, 'complaints.findByReceipt', {
        receiptNumber: saved.receiptNumber,
      });
      expect(found.title).toBe('Air PDAM keruh sejak seminggu');
      expect(found.nik).toMatch(/^3513\*+0001$|^3513/);
      const next = await callApi<{ receiptNumber: string }>(page, 'complaints.create', {
        type: 'PENGADUAN',
        channel: 'TELEPON',
        title: 'Pengaduan sesudah pemulihan',
        body: 'Pengaduan pertama yang dicatat di PC pengganti sesudah cadangan dipulihkan dari disk USB kantor.',
        agencyCode: 'DPUPR',
        complainantName: 'Budi',
      });
      expect(next.receiptNumber).toMatch(/^PBL01-\d{8}-10001-[0-9A-Z]$/);
      // Tentang says where everything is, and that this desk was restored.
      await page.getByRole('button', { name: 'Tentang' }).click();
      const about = page.locator('dl.about');
      await expect(about).toContainText(newPc);
      await expect(about).toContainText('Dipulihkan dari cadangan');
      await expect(about).toContainText('2 pengaduan');
      await expect(about).not.toContainText('Belum pernah ada cadangan');
      await expect(about).not.toContainText(join(newPc, 'desk.key'));
      await page.screenshot({ path: test.info().outputPath('tentang-1366x768.png') });
    } finally {
      await second.stop();
    }
  } finally {
    for (const d of [oldPc, newPc, usb, `${oldPc}.config`, `${newPc}.config`])
      rmSync(d, { recursive: true, force: true });
  }
});

test('a supervisor finds a person by NIK, gives them their copy, and erases their personal data', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpDesk(page, desk.url);
  for (const title of ['Pungutan liar di loket KTP', 'Jalan rusak di Sukapura'])
    await callApi(page, 'complaints.create', {
      type: 'PENGADUAN',
      channel: 'TATAP_MUKA',
      title,
      body: 'Warga diminta membayar di luar ketentuan saat mengurus dokumen kependudukan di kecamatan minggu lalu.',
      agencyCode: 'DPUPR',
      complainantName: 'Suryani Rahayu',
      nik: '3513014507900001',
      phone: '081298765432',
    });
  await page.getByRole('button', { name: 'Data pribadi' }).click();
  await page.getByLabel('NIK').fill('3513 0145 0790 0001');
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  const found = page.getByRole('region', { name: 'Ditemukan 2 pengaduan' });
  await expect(found.getByRole('row')).toHaveCount(3);
  await page
    .getByLabel('Alasan (permintaan pemilik data, nomor surat)')
    .fill('Permintaan tertulis pemilik data');
  const [copy] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Salinan data untuk pemilik (PDF)' }).click(),
  ]);
  await expect(
    copy.getByRole('heading', { name: 'Salinan data pribadi yang disimpan Meja Pengaduan' }),
  ).toBeVisible();
  await expect(copy.locator('body')).toContainText('3513014507900001');
  await expect(copy.locator('body')).toContainText('Suryani Rahayu');
  await copy.close();
  await page.screenshot({ path: test.info().outputPath('data-pribadi-1366x768.png'), fullPage: true });
  // The records have not reached a central server (none is set up): the desk says so and keeps them.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Hapus data pribadi' }).click();
  await expect(page.getByText(/Belum dihapus karena belum terkirim ke server pusat/)).toBeVisible();
  await expect(found.getByText('Belum terkirim ke server pusat')).toHaveCount(2);
});

test('an admin prepares a restore in Cadangan, and the desk carries it out when it opens again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-inapp-'));
  try {
    const first = await startHost({ dataDir });
    await setUpDesk(page, first.url);
    const create = (title: string) =>
      callApi<{ receiptNumber: string }>(page, 'complaints.create', {
        type: 'PENGADUAN',
        channel: 'TATAP_MUKA',
        title,
        body: 'Isi pengaduan uji pemulihan dari layar Cadangan, cukup panjang untuk memenuhi aturan isi laporan.',
        agencyCode: 'DPUPR',
        complainantName: 'Rina',
      });
    const kept = await create('Tercatat sebelum cadangan');
    await callApi(page, 'backups.setRecovery', { kind: 'passphrase', passphrase: 'frasa pemulihan kantor' });
    await page.getByRole('button', { name: 'Cadangan', exact: true }).click();
    await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
    await expect(page.getByText(/dibuat dan diperiksa/)).toBeVisible();
    const after = await create('Tercatat sesudah cadangan');
    await page
      .getByRole('button', { name: /^Pulihkan dari ini/ })
      .first()
      .click();
    await page
      .getByRole('region', { name: 'Memulihkan' })
      .getByLabel('Frasa pemulihan')
      .fill('frasa pemulihan kantor');
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Siapkan pemulihan' }).click();
    await expect(page.getByText(/siap dipulihkan\. Tutup lalu buka kembali/)).toBeVisible();
    await expect(page.getByText(/Pemulihan dari cadangan .* siap/)).toBeVisible();
    await first.stop();

    const second = await startHost({ dataDir });
    try {
      expect(second.output()).toContain('dipulihkan');
      await page.goto(second.url);
      await signIn(page, admin.name, admin.secret);
      await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
      await callApi(page, 'complaints.findByReceipt', { receiptNumber: kept.receiptNumber });
      await expect(
        callApi(page, 'complaints.findByReceipt', { receiptNumber: after.receiptNumber }),
      ).rejects.toThrow(/NOT_FOUND/);
      const next = await create('Tercatat sesudah pemulihan');
      expect(next.receiptNumber).not.toBe(after.receiptNumber);
      expect(next.receiptNumber).toMatch(/-10001-/);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.config`, { recursive: true, force: true });
  }
});
