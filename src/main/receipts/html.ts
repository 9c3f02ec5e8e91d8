/**
 * The receipt as a self-contained HTML document for system printers, PDF and the browser:
 * 58 mm, 80 mm or A4. No script runs in it; the QR code is an inline SVG image.
 */
import QRCode from 'qrcode';
import { escapeHtml } from '../platform/documents';
import type { ReceiptModel } from './model';

export const papers = ['58mm', '80mm', 'A4'] as const;
export type Paper = (typeof papers)[number];

/** Page widths in microns, for Electron's silent printing (pageSize) and PDF. */
export const paperMicrons: Record<Paper, { width: number; height: number }> = {
  '58mm': { width: 58_000, height: 297_000 },
  '80mm': { width: 80_000, height: 297_000 },
  A4: { width: 210_000, height: 297_000 },
};

const layout: Record<Paper, { page: string; width: string; font: string; big: string; qr: string }> = {
  // A roll has no fixed length, but `auto` is not a valid height and Chromium then prints on Letter
  // or A4: an A4-long strip of the roll's width (the printer cuts after the content).
  '58mm': { page: '58mm 297mm', width: '52mm', font: '8.5pt', big: '13pt', qr: '30mm' },
  '80mm': { page: '80mm 297mm', width: '72mm', font: '9.5pt', big: '16pt', qr: '36mm' },
  A4: { page: 'A4', width: '150mm', font: '11pt', big: '22pt', qr: '45mm' },
};

export const receiptCsp =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; base-uri 'none'; form-action 'none'";

export async function renderReceiptHtml(
  model: ReceiptModel,
  paper: Paper,
  options: { printScript?: string } = {},
): Promise<string> {
  const l = layout[paper];
  const qr = await QRCode.toString(model.qrContent, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const qrSrc = `data:image/svg+xml;base64,${Buffer.from(qr).toString('base64')}`;
  const e = escapeHtml;
  const rows = (pairs: Array<[string, string]>) =>
    pairs.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('');
  return `<!doctype html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${receiptCsp}">
<title>${e(model.heading)} ${e(model.receiptNumber)}</title>
<style>
  @page { size: ${l.page}; margin: ${paper === 'A4' ? '20mm' : '3mm'}; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: 'DejaVu Sans', 'Noto Sans', Arial, sans-serif; font-size: ${l.font}; color: #000; }
  main { overflow-wrap: anywhere; width: ${l.width}; margin: 0 auto; ${paper === 'A4' ? 'border: 1px solid #000; padding: 8mm;' : ''} }
  .center { text-align: center; }
  h1 { font-size: 1.05em; margin: 0.6em 0 0.3em; letter-spacing: 0.04em; }
  .site { font-weight: bold; }
  .number { font-size: ${l.big}; font-weight: bold; letter-spacing: 0.04em; margin: 0.1em 0; }
  .number .group { white-space: nowrap; }
  .copy { font-weight: bold; border: 1px solid #000; padding: 0.2em; margin: 0.3em 0; }
  hr { border: 0; border-top: 1px dashed #000; margin: 0.5em 0; }
  table { width: 100%; border-collapse: collapse; }
  th { text-align: left; vertical-align: top; font-weight: normal; white-space: nowrap; padding: 0 0.5em 0.15em 0; width: 1%; }
  td { vertical-align: top; overflow-wrap: anywhere; padding: 0 0 0.15em; }
  .title { margin: 0.3em 0; overflow-wrap: anywhere; }
  .label { font-weight: bold; }
  ul { margin: 0.2em 0; padding-left: 1.1em; }
  .qr { display: block; width: ${l.qr}; height: ${l.qr}; margin: 0.4em auto; }
  .free { font-weight: bold; text-align: center; margin: 0.5em 0 0.2em; }
  .footer { text-align: center; overflow-wrap: anywhere; }
</style>
${options.printScript ? `<script src="${e(options.printScript)}"></script>` : ''}
</head>
<body>
<main class="receipt receipt--${paper}">
  <div class="center">
    <div class="site">${e(model.siteName)}</div>
    <div>${e(model.labels.desk)}</div>
    <h1>${e(model.heading)}</h1>
    <div>${e(model.labels.number)}</div>
    <div class="number" data-receipt-number="${e(model.receiptNumber)}">${model.receiptNumber
      .split('-')
      .map((g) => `<span class="group">${e(g)}</span>`)
      .join(' - ')}</div>
    <div>${e(model.receivedAt)}</div>
    ${model.copy ? `<div class="copy">${e(model.copy)}</div>` : ''}
  </div>
  <hr>
  <table>${rows(model.rows)}</table>
  ${model.title ? `<div class="title"><span class="label">${e(model.labels.title)}</span> ${e(model.title)}</div>` : ''}
  ${model.identity.length ? `<table>${rows(model.identity)}</table>` : ''}
  <hr>
  <div class="label">${e(model.labels.next)}</div>
  <ul>${model.nextSteps.map((s) => `<li>${e(s)}</li>`).join('')}</ul>
  <hr>
  ${model.followUp.map((f) => `<div>${e(f)}</div>`).join('')}
  <img class="qr" alt="${e(model.labels.qrAlt)}" src="${qrSrc}">
  <table>${rows([[model.labels.officer, model.officer]])}</table>
  <p class="free">${e(model.free)}</p>
  ${model.footer ? `<p class="footer">${e(model.footer)}</p>` : ''}
</main>
</body>
</html>`;
}
