import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { renderReceiptHtml, type Paper } from '../../src/main/receipts/html';
import { buildReceiptModel, type ReceiptSource } from '../../src/main/receipts/model';
import { FakePrinter } from '../support/fake-printer';
import { decodeEscPos } from '../support/escpos-decode';
import { callApi, expect, pdfText, roadComplaint as complaint, setUpDesk, test } from './fixtures';

/**
 * A tab for a receipt page. The page opens the print dialog by itself (receipt-print.js); headless
 * Chromium would hold that dialog open, so here the dialog is replaced by making the PDF directly.
 */
async function receiptPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  let printScriptLoaded = false;
  await page.route('**/receipt-print.js', (route) => {
    printScriptLoaded = true;
    return route.fulfill({ contentType: 'text/javascript', body: '' });
  });
  page.on('load', () => expect(printScriptLoaded).toBe(true));
  return page;
}

async function decodeQr(page: Page): Promise<string | undefined> {
  const png = PNG.sync.read(await page.locator('img.qr').screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

test('a receipt prints on a network thermal printer; with the printer off the complaint stays and Cetak ulang works later', async ({
  page,
  desk,
}) => {
  const printer = await new FakePrinter().start();
  await setUpDesk(page, desk.url);
  await page.getByRole('button', { name: 'Printer', exact: true }).click();
  await page.getByLabel('Nama printer').fill('Thermal loket 1');
  await page.getByLabel('Alamat/perangkat').fill(printer.address);
  await page.getByLabel('Kertas').selectOption('58mm');
  await page.getByRole('button', { name: 'Simpan printer' }).click();
  await expect(page.getByRole('button', { name: 'Thermal loket 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Cetak halaman uji' }).click();
  await expect(page.getByRole('status')).toHaveText('Halaman uji dikirim ke Thermal loket 1.');

  const saved = await callApi<{ id: string; receiptNumber: string }>(page, 'complaints.create', complaint);
  await page.keyboard.press('Alt+A');
  await page.getByLabel('Cari').fill(saved.receiptNumber);
  await page.getByRole('listbox', { name: 'Antrean pengaduan' }).getByRole('option').first().dblclick();
  const panel = page.getByRole('group', { name: 'Cetak tanda terima' });
  await panel.getByRole('button', { name: 'Cetak tanda terima' }).click();
  await expect(panel.getByRole('status')).toHaveText('Tanda terima dicetak di Thermal loket 1.');
  const job = decodeEscPos(printer.jobs.at(-1)!);
  expect(job.lines.map((l) => l.text).join(' ')).toContain(saved.receiptNumber.split('-').join(' - '));

  await printer.stop();
  await panel.getByRole('button', { name: 'Cetak ulang' }).click();
  await expect(panel.getByRole('alert')).toContainText('tidak dapat dihubungi');
  await expect(panel.getByRole('alert')).toContainText('Pengaduan tetap tersimpan');
  await page.screenshot({ path: 'screens/print-failed.png' });
  // The complaint is intact and its history holds exactly the one successful print.
  await expect(page.locator('ol.history > li', { hasText: 'Dicetak' })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: saved.receiptNumber })).toBeVisible();
});

test('the PDF receipt holds the number and the masked NIK, never the full NIK, and its QR code decodes', async ({
  page,
  desk,
  context,
}) => {
  await setUpDesk(page, desk.url);
  await callApi(page, 'settings.update', { statusUrl: 'https://sae.probolinggokab.go.id/status' });
  const saved = await callApi<{ id: string; receiptNumber: string }>(page, 'complaints.create', complaint);
  for (const paper of ['80mm', 'A4'] as const) {
    const { url } = await callApi<{ url: string }>(page, 'receipts.prepare', { id: saved.id, paper });
    const receipt = await receiptPage(context);
    await receipt.goto(new URL(url, desk.origin).href);
    const text = pdfText(
      await receipt.pdf(paper === 'A4' ? { format: 'A4' } : { width: '80mm', height: '297mm' }),
    );
    expect(text).toContain(saved.receiptNumber.split('-').join(' - '));
    expect(text).toContain('3513********0001');
    expect(text).not.toContain('3513014507900001');
    expect(text).toContain('Layanan ini tidak dipungut biaya.');
    expect(await decodeQr(receipt)).toBe(
      `https://sae.probolinggokab.go.id/status?nomor=${saved.receiptNumber}`,
    );
    await receipt.close();
  }
  // An unknown link is refused.
  const again = await page.request.get(new URL('/receipt/AAAAAAAAAAAAAAAAAAAAAAAA', desk.origin).href);
  expect(again.status()).toBe(404);
});

test('the receipt page declares a page size Chromium honours: 58 mm, 80 mm and A4 (issue 9, item 3); its link answers once', async ({
  page,
  desk,
  context,
}) => {
  await setUpDesk(page, desk.url);
  const saved = await callApi<{ id: string }>(page, 'complaints.create', complaint);
  for (const [paper, widthMm] of [
    ['58mm', 58],
    ['80mm', 80],
    ['A4', 210],
  ] as const) {
    const { url } = await callApi<{ url: string }>(page, 'receipts.prepare', { id: saved.id, paper });
    const receipt = await receiptPage(context);
    await receipt.goto(new URL(url, desk.origin).href);
    const dir = mkdtempSync(join(tmpdir(), 'receipt-size-'));
    writeFileSync(join(dir, 'r.pdf'), await receipt.pdf({ preferCSSPageSize: true }));
    const info = execFileSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' });
    const [, w] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Math.round((Number(w) / 72) * 25.4), paper).toBe(widthMm);
    await receipt.close();
    const second = await page.request.get(new URL(url, desk.origin).href);
    expect(second.status(), 'a one-time link').toBe(404);
  }
});

test('Anonim and Rahasia receipts leave out the name, NIK and title', async ({ page, desk, context }) => {
  await setUpDesk(page, desk.url);
  const saved = await callApi<{ id: string; receiptNumber: string }>(page, 'complaints.create', {
    ...complaint,
    anonymous: true,
    confidential: true,
  });
  const { url } = await callApi<{ url: string }>(page, 'receipts.prepare', { id: saved.id, paper: '58mm' });
  const receipt = await receiptPage(context);
  await receipt.goto(new URL(url, desk.origin).href);
  const text = pdfText(await receipt.pdf({ width: '58mm', height: '297mm' }));
  expect(text).toContain(saved.receiptNumber.split('-').join(' - '));
  expect(text).not.toContain('Siti');
  expect(text).not.toContain('NIK');
  expect(text).not.toContain('Sumberasih');
  expect(await decodeQr(receipt)).toBe(saved.receiptNumber);
});

const longest: ReceiptSource = {
  siteName: 'Mal Pelayanan Publik Kabupaten Probolinggo',
  deskCode: 'PBL01',
  receiptNumber: 'PBL01-20261128-0042-7',
  type: 'PERMINTAAN_INFORMASI',
  receivedAt: '2026-11-28T02:15:00.000Z',
  channelName: 'WhatsApp (termasuk Halo SAE 0821-3100-1001)',
  categoryName: 'PEKERJAAN UMUM DAN PENATAAN RUANG',
  agencyName: 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
  title:
    'Permohonan salinan dokumen rencana perbaikan jalan kabupaten ruas Kraksaan–Krejengan beserta jadwal pelaksanaan dan anggaran tahun 2027',
  anonymous: false,
  confidential: false,
  complainantName: 'Raden Ayu Siti Nurhayati Kusumawardhani Prawirodirdjo Hadiningrat',
  nik: '3513014507900001',
  verifyBy: '2026-12-02',
  followUpBy: '2026-12-09',
  answerBy: '2026-12-12',
  escalationText:
    'Bila batas waktu terlewati: SP4N-LAPOR! www.lapor.go.id / SMS 1708, atau Ombudsman RI Perwakilan Jawa Timur, Jl. Ngagel Timur 56, Surabaya.',
  officerName: 'Budi Santoso',
  attachments: 0,
  laporTrackingId: '9165816',
  followUpContact: 'WhatsApp Halo SAE 0821-3100-1001',
  statusUrl: 'https://sae.probolinggokab.go.id/status',
  footerText: 'Simpan tanda terima ini sampai pengaduan Anda selesai.',
  copyAt: '2026-11-29T03:00:00.000Z',
};

for (const paper of ['58mm', '80mm', 'A4'] as Paper[]) {
  test(`the ${paper} receipt looks right with a long title, agency and name`, async ({ page }) => {
    await page.setViewportSize({ width: paper === 'A4' ? 900 : 420, height: 1300 });
    await page.setContent(await renderReceiptHtml(buildReceiptModel(longest), paper));
    await page.emulateMedia({ media: 'print' });
    const receipt = page.locator('main.receipt');
    // Nothing sticks out past the paper.
    const overflow = await receipt.evaluate((m) =>
      [...m.querySelectorAll('*')].some(
        (el) => el.getBoundingClientRect().right > m.getBoundingClientRect().right + 0.5,
      ),
    );
    expect(overflow).toBe(false);
    await receipt.screenshot({ path: `screens/receipt-${paper}.png` });
    await expect(receipt).toHaveScreenshot(`receipt-${paper}.png`, { maxDiffPixelRatio: 0.01 });
  });
}
