import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, setUpDesk, test } from './fixtures';

/** The desk's log lines (JSON), as support would read them from the data folder. */
function logLines(dataDir: string): Array<Record<string, unknown>> {
  const dir = join(dataDir, 'logs');
  return readdirSync(dir)
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'))
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function answerWith(page: Page, method: string, value: unknown) {
  await page.route(`**/api/${method}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(value) }),
  );
}

test('a screen that crashes on a malformed answer shows a way back, and the error is in the log', async ({
  page,
  desk,
}) => {
  await setUpDesk(page, desk.url);
  // The forwarding bar's poll gets an answer it cannot show: an impossible date (on a parked record,
  // so the admin's bar shows it).
  await answerWith(page, 'forwarding.status', {
    ok: true,
    value: {
      configured: true,
      enabled: true,
      connection: 'offline',
      pausedReason: null,
      waiting: 1,
      held: 0,
      parked: 1,
      oldestWaitingAt: 'bukan-tanggal',
      lastSuccessAt: null,
      lastPullAt: null,
      alarm: false,
      warning: null,
      plainHttpHost: null,
      workerError: null,
    },
  });
  const notice = page.getByRole('alert').filter({ hasText: 'Layar ini mengalami kesalahan' });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(notice).toContainText('Pengaduan yang sudah disimpan aman');
  await page.screenshot({ path: 'screens/crash-notice.png' });
  await expect
    .poll(
      () => logLines(desk.dataDir).filter((l) => l.event === 'renderer.error' && l.where === 'screen').length,
    )
    .toBeGreaterThan(0);
  // The server answers properly again: "show it again" brings the desk back without a reload.
  await page.unroute('**/api/forwarding.status');
  await page.getByRole('button', { name: 'Coba tampilkan lagi' }).click();
  await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
});

test('a failed load of the reference data says so and offers to try again', async ({ page, desk }) => {
  await setUpDesk(page, desk.url);
  await answerWith(page, 'reference.all', {
    ok: false,
    error: { code: 'INTERNAL', message: 'Terjadi kesalahan di meja. Coba lagi.' },
  });
  await page.reload();
  const notice = page.getByRole('alert').filter({ hasText: 'Data rujukan' });
  await expect(notice).toContainText('gagal dimuat: Terjadi kesalahan di meja');
  await expect
    .poll(
      () =>
        logLines(desk.dataDir).filter((l) => l.event === 'renderer.error' && l.where === 'reference').length,
    )
    .toBeGreaterThan(0);
  await page.unroute('**/api/reference.all');
  await page.getByRole('button', { name: 'Coba lagi' }).click();
  await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
});
