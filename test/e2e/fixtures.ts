import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startHost, type RunningHost } from '../support/host-process';

export const test = base.extend<{ desk: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern
  desk: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
});
export { expect };

export const admin = { name: 'admin', displayName: 'Admin Meja', secret: 'rahasia-admin-1' };

/** First-run setup through the screen, as the person installing the desk would do it. */
export async function setUpDesk(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Penyiapan awal meja pengaduan' })).toBeVisible();
  await page.getByLabel('Kode meja').fill('pbl01');
  await page.getByLabel('Nama pengguna').fill(admin.name);
  await page.getByLabel('Nama lengkap').fill(admin.displayName);
  await page.getByLabel('PIN/kata sandi', { exact: true }).fill(admin.secret);
  await page.getByLabel('Ulangi PIN/kata sandi').fill(admin.secret);
  await page.getByRole('button', { name: 'Siapkan meja' }).click();
  await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
}

export async function signIn(page: Page, name: string, secret: string) {
  await expect(page.getByRole('heading', { name: 'Masuk', exact: true })).toBeVisible();
  await page.getByLabel('Nama pengguna').fill(name);
  await page.getByLabel('PIN/kata sandi').fill(secret);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/** A contract method called from the page, with its launch token and tab: what the screen would send. */
export async function callApi<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, body]) => {
      const response = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${sessionStorage.getItem('desk.launchToken')}`,
          'X-Desk-Tab': sessionStorage.getItem('desk.tabId')!,
        },
        body: JSON.stringify(body),
      });
      const result = await response.json();
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value;
    },
    [method, input] as const,
  );
}

/** The PDF's text as pdftotext reads it back. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'receipt-pdf-'));
  writeFileSync(join(dir, 'r.pdf'), pdf);
  // Words as a reader meets them: line breaks and layout spaces count as one space.
  return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
}

/** A citizen's complaint as the receipts and attachments tests save it (with a NIK and a phone). */
export const roadComplaint = {
  type: 'PENGADUAN',
  channel: 'TATAP_MUKA',
  title: 'Jalan berlubang di depan SDN Sumberasih membahayakan anak sekolah',
  body: 'Jalan di depan sekolah berlubang besar sejak dua minggu dan membahayakan anak-anak yang berangkat sekolah.',
  agencyCode: 'DPUPR',
  complainantName: 'Siti Aminah',
  nik: '3513014507900001',
  phone: '081299887766',
};
