import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { FakeCentral, type Fault } from '../support/fake-central';
import { callApi, expect, pdfText, roadComplaint as complaint, setUpDesk, test } from './fixtures';

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** Hands files to the panel as a drop, or as a paste, the way Chromium delivers them. */
async function deliver(page: Page, how: 'drop' | 'paste', name: string, type: string, bytes: Buffer) {
  await page.evaluate(
    ({ how, name, type, b64 }) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type }));
      const panel = document.querySelector('.attachments')!;
      panel.dispatchEvent(
        how === 'drop'
          ? new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
          : new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    },
    { how, name, type, b64: bytes.toString('base64') },
  );
}

async function openDetail(page: Page) {
  await page.keyboard.press('Alt+A');
  await page.getByRole('listbox', { name: 'Antrean pengaduan' }).getByRole('option').first().dblclick();
  await expect(page.getByRole('heading', { name: /Lampiran \(/ })).toBeVisible();
}

test('attaches by picker, by drop and by paste, shows the thumbnails after a reload, refuses a fake .jpg, the receipt counts them, and the central server receives each file once through faults', async ({
  page,
  desk,
  context,
}) => {
  // The central server drops every other piece of a file in some way (after storing it, half of it, or
  // with a 503 before): each file must still arrive once, byte-identical to the one the desk keeps.
  const central = await new FakeCentral().start();
  const faults: Fault[] = ['drop-after-commit', 'store-half-then-drop', '503'];
  let patches = 0;
  central.fault = (req) =>
    req.method === 'PATCH' && patches++ % 2 === 0 ? faults[(patches >> 1) % 3]! : 'ok';
  await setUpDesk(page, desk.url);
  await callApi(page, 'forwarding.saveSettings', { url: central.url, token: central.token, enabled: true });
  const saved = await callApi<{ id: string }>(page, 'complaints.create', complaint);
  await openDetail(page);
  const thumbs = page.getByRole('button', { name: /^Buka lampiran/ });

  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#5a7' } })
    .jpeg()
    .toBuffer();
  await page.locator('.attachments input[type=file]').setInputFiles({
    name: 'jalan.jpg',
    mimeType: 'image/jpeg',
    buffer: photo,
  });
  await expect(thumbs).toHaveCount(1);
  await deliver(page, 'drop', 'surat-kelurahan.pdf', 'application/pdf', pdf);
  await expect(thumbs).toHaveCount(2);
  const screenshot = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#eee' } })
    .png()
    .toBuffer();
  await deliver(page, 'paste', 'image.png', 'image/png', screenshot);
  await expect(thumbs).toHaveCount(3);
  await expect(page.getByRole('heading', { name: 'Lampiran (3)' })).toBeVisible();

  // A photo from the camera (Chromium's fake device).
  await page.getByRole('button', { name: 'Kamera' }).click();
  await page.getByRole('dialog', { name: 'Kamera' }).getByRole('button', { name: 'Ambil foto' }).click();
  await expect(thumbs).toHaveCount(4);
  await expect(page.getByRole('dialog', { name: 'Kamera' })).toHaveCount(0);

  // Named .jpg, but an HTML page: refused by its content, with the reason in words.
  await page.locator('.attachments input[type=file]').setInputFiles({
    name: 'foto.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('<!doctype html><script>alert(1)</script>'),
  });
  await expect(page.locator('.attachments [role=alert]')).toContainText('bukan foto');
  await expect(thumbs).toHaveCount(4);

  // Enter on a thumbnail opens it larger.
  await thumbs.first().focus();
  await page.keyboard.press('Enter');
  const view = page.getByRole('dialog', { name: 'Lampiran' });
  await expect(view.locator('img.attachment-large')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('attachment-view.png') });
  await view.getByRole('button', { name: 'Tutup' }).click();

  await page.reload();
  await page.getByRole('heading', { name: 'Pengaduan baru' }).waitFor();
  await openDetail(page);
  await expect(thumbs).toHaveCount(4);
  await page.locator('.attachments').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('attachments.png') });

  const { url } = await callApi<{ url: string }>(page, 'receipts.prepare', { id: saved.id, paper: 'A4' });
  const receipt = await context.newPage();
  await receipt.route('**/receipt-print.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: '' }),
  );
  await receipt.goto(new URL(url, desk.origin).href);
  const text = pdfText(await receipt.pdf({ format: 'A4' }));
  expect(text).toContain('Lampiran');
  expect(text).toContain('4 berkas');

  await expect.poll(() => central.fileStore.files.size, { timeout: 30_000 }).toBe(4);
  const kept = await callApi<{ attachments: Array<{ id: string; bytes: number }> }>(
    page,
    'attachments.list',
    {
      complaintId: saved.id,
    },
  );
  for (const a of kept.attachments) {
    const { dataUrl } = await callApi<{ dataUrl: string }>(page, 'attachments.open', { id: a.id });
    const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(central.fileStore.files.get(sha)?.equals(bytes)).toBe(true);
    expect(central.fileStore.completions.get(sha)).toBe(1);
  }
  // Every byte stored once, and the faults did happen.
  expect(central.fileStore.bytesStored).toBe(kept.attachments.reduce((n, a) => n + a.bytes, 0));
  expect(patches).toBeGreaterThanOrEqual(4);
  await expect
    .poll(() => (central.eventOrder.get(saved.id) ?? []).length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(5);
  await central.stop();
});

test('takes files in with a new complaint: picked, dropped and pasted while typing, kept across a reload, saved with it and counted on its receipt', async ({
  page,
  desk,
  context,
}) => {
  await setUpDesk(page, desk.url);
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'Pengaduan baru' })).toBeVisible();
  await page.getByLabel('Kanal').selectOption('TATAP_MUKA');
  await page.getByLabel('Judul', { exact: true }).fill('Jalan berlubang di depan SDN Dringu 2');
  const body = page.getByLabel('Isi laporan', { exact: true });
  await body.fill('Jalan berlubang besar di depan sekolah sejak sebulan, anak-anak harus memutar.');
  const files = page.getByRole('group', { name: 'Lampiran pengaduan ini' });

  // Picked (Alt+B opens the picker), dropped on the form, and an image pasted while typing the body.
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#a75' } })
    .jpeg()
    .toBuffer();
  const chooser = page.waitForEvent('filechooser');
  await body.focus();
  await page.keyboard.press('Alt+B');
  await (await chooser).setFiles({ name: 'lubang.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.evaluate((b64) => {
    const transfer = new DataTransfer();
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    transfer.items.add(new File([data], 'surat-rt.pdf', { type: 'application/pdf' }));
    document
      .querySelector('form.intake__form, .intake form')!
      .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, pdf.toString('base64'));
  const screenshot = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#ddd' } })
    .png()
    .toBuffer();
  await body.focus();
  await page.evaluate((b64) => {
    const transfer = new DataTransfer();
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    transfer.items.add(new File([data], 'image.png', { type: 'image/png' }));
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, screenshot.toString('base64'));
  const chips = files.getByRole('listitem');
  await expect(chips).toHaveCount(3);
  await expect(files.locator('li.ready')).toHaveCount(3);
  // The body kept its text: the paste was a file, not words.
  await expect(body).toHaveValue(/anak-anak harus memutar\.$/);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: test.info().outputPath('intake-files.png') });

  // A reload brings the form back with its files (the desk still holds the uploads).
  await page.waitForTimeout(400);
  await page.reload();
  await page.getByRole('heading', { name: 'Pengaduan baru' }).waitFor();
  await expect(page.getByLabel('Judul', { exact: true })).toHaveValue(
    'Jalan berlubang di depan SDN Dringu 2',
  );
  await expect(chips).toHaveCount(3);
  await expect(chips.first()).toContainText('lubang.jpg');
  // One is dropped again before the save.
  await files.getByRole('button', { name: 'Batalkan lampiran image.png' }).click();
  await expect(chips).toHaveCount(2);

  const agency = page.getByRole('combobox', { name: 'Instansi tujuan', exact: true });
  await agency.focus();
  await page.keyboard.type('pupr');
  await expect(
    page.getByRole('listbox', { name: 'Instansi tujuan', exact: true }).getByRole('option').first(),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByLabel('Nama pelapor', { exact: true }).fill('Bambang');
  await page.keyboard.press('Control+Enter');
  const number = page.locator('[data-receipt-number]');
  await expect(number).toBeVisible();
  const receiptNumber = await number.getAttribute('data-receipt-number');

  const found = await callApi<{ id: string }>(page, 'complaints.findByReceipt', { receiptNumber });
  const kept = await callApi<{ attachments: Array<{ name: string; mime: string }> }>(
    page,
    'attachments.list',
    {
      complaintId: found.id,
    },
  );
  expect(kept.attachments.map((a) => [a.name, a.mime])).toEqual([
    ['lubang.jpg', 'image/jpeg'],
    ['surat-rt.pdf', 'application/pdf'],
  ]);
  const { url } = await callApi<{ url: string }>(page, 'receipts.prepare', { id: found.id, paper: 'A4' });
  const receipt = await context.newPage();
  await receipt.route('**/receipt-print.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: '' }),
  );
  await receipt.goto(new URL(url, desk.origin).href);
  expect(pdfText(await receipt.pdf({ format: 'A4' }))).toContain('2 berkas');
});
