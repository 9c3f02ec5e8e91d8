/**
 * The real desktop shell, driven by Playwright's _electron. Runs only where an Electron binary is
 * installed; on the build machines (no binary can be downloaded) it skips and says why.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { repoRoot } from '../support/host-process';

function electronBinary(): string | null {
  const pathFile = join(repoRoot, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(repoRoot, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const skipReason =
  'Electron-only test skipped: no Electron binary is installed (node_modules/electron/dist is absent).';
if (!binary) console.log(skipReason);

test.skip(!binary, skipReason);

test('the desktop window is isolated and reaches main only through window.desk', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'desk-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [repoRoot, `--user-data-dir=${userData}`],
  });
  const page = await app.firstWindow();
  await expect(page.getByRole('heading', { name: 'Penyiapan awal meja pengaduan' })).toBeVisible();
  const globals = await page.evaluate(() => ({
    desk: typeof (window as unknown as { desk?: unknown }).desk,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(globals).toEqual({ desk: 'object', require: 'undefined', process: 'undefined' });
  // Navigation away from the app is refused.
  await page.evaluate(() => (window.location.href = 'https://example.org/'));
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^file:/);
  await app.close();
});

test('a receipt is saved as PDF through the desktop shell', async () => {
  const userData = mkdtempSync(join(tmpdir(), 'desk-electron-'));
  const folder = mkdtempSync(join(tmpdir(), 'desk-pdf-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [repoRoot, `--user-data-dir=${userData}`],
  });
  const page = await app.firstWindow();
  const call = (method: string, input: unknown) =>
    page.evaluate(
      ([m, i]) =>
        (
          window as unknown as {
            desk: Record<string, (x: unknown) => Promise<{ ok: boolean; value: { id: string } }>>;
          }
        ).desk[m]!(i),
      [method, input] as const,
    );
  await call('setup.initialize', {
    deskCode: 'ELC01',
    siteName: 'Uji desktop',
    admin: { name: 'admin', displayName: 'Admin', secret: 'rahasia-1' },
  });
  await call('auth.signIn', { name: 'admin', secret: 'rahasia-1' });
  const printer = await call('printers.save', {
    name: 'PDF',
    kind: 'pdf',
    address: folder,
    paper: '80mm',
    isDefault: true,
  });
  const saved = await call('complaints.create', {
    type: 'PENGADUAN',
    channel: 'TATAP_MUKA',
    title: 'Uji cetak PDF dari aplikasi desktop',
    agencyCode: 'DPUPR',
    body: 'Isi laporan uji untuk memastikan PDF tanda terima tersimpan di folder.',
    anonymous: true,
  });
  const printed = await call('receipts.print', { id: saved.value.id, printerId: printer.value.id });
  expect(printed.ok).toBe(true);
  expect(readdirSync(folder).some((f) => f.endsWith('.pdf'))).toBe(true);
  await app.close();
});
