/**
 * The receipt as ESC/POS bytes for 58 mm (32 columns) and 80 mm (48 columns) thermal printers,
 * through @point-of-sale/receipt-printer-encoder. The QR code is the printer's own QR command,
 * or a raster image for cheap clones that lack it.
 */
import ImageData from '@canvas/image-data';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import QRCode from 'qrcode';
import type { ReceiptModel } from './model';
import { labelled, wrapText } from './wrap';

export interface EscPosProfile {
  paperWidthMm: 58 | 80;
  /** Code page mapping of the printer family (epson, star, xprinter, pos-5890 ...). */
  codepageMapping: string;
  qr: 'native' | 'raster';
}

export const columnsFor = (paperWidthMm: 58 | 80) => (paperWidthMm === 58 ? 32 : 48);

/** A QR code as a black-and-white image, width a multiple of 8 as raster commands need. */
export function qrImage(content: string, moduleSize: number) {
  const qr = QRCode.create(content, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const side = Math.ceil(((n + quiet * 2) * moduleSize) / 8) * 8;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!qr.modules.get(x, y)) continue;
      for (let dy = 0; dy < moduleSize; dy++) {
        for (let dx = 0; dx < moduleSize; dx++) {
          const p = (((y + quiet) * moduleSize + dy) * side + (x + quiet) * moduleSize + dx) * 4;
          data[p] = data[p + 1] = data[p + 2] = 0;
        }
      }
    }
  }
  return { image: new ImageData(data, side, side), side };
}

/** Every string the receipt prints, joined (nested labels included). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return Object.values(value).map(textOf).join(' ');
  return '';
}

export function encodeReceipt(model: ReceiptModel, profile: EscPosProfile): Uint8Array {
  const columns = columnsFor(profile.paperWidthMm);
  const e = new ReceiptPrinterEncoder({
    columns,
    language: 'esc-pos',
    imageMode: 'raster',
    codepageMapping: profile.codepageMapping as never,
    feedBeforeCut: 4,
  });
  const lines = (texts: string[]) => texts.forEach((t) => e.line(t));
  const rule = () => e.line('-'.repeat(columns));

  // Almost every receipt is plain ASCII, the same bytes in every code page: then one fixed code page.
  // 'auto' (for a name like "Ayu Rénata") picks a code page per character and costs ~35 ms of the
  // main process a receipt in the encoder (a copy of a code-page table per character).
  e.initialize().codepage(/^[\x20-\x7e]*$/.test(textOf(model)) ? 'cp437' : 'auto');
  e.align('center');
  lines(wrapText(model.siteName, columns));
  e.line(model.labels.desk);
  rule();
  e.bold(true);
  lines(wrapText(model.heading, columns));
  e.bold(false);
  e.line(model.labels.number);
  // Large and spaced so it is easy to read aloud; double width only where it still fits.
  const big = model.spokenNumber.length * 2 <= columns;
  e.bold(true).size(big ? 2 : 1, 2);
  lines(big ? [model.spokenNumber] : wrapText(model.spokenNumber, columns));
  e.size(1, 1).bold(false);
  e.line(model.receivedAt);
  if (model.copy) {
    e.bold(true);
    lines(wrapText(model.copy, columns));
    e.bold(false);
  }
  e.align('left');
  rule();
  for (const [label, value] of model.rows) lines(labelled(label, value, columns));
  if (model.title) {
    e.line(model.labels.title);
    lines(wrapText(model.title, columns));
  }
  for (const [label, value] of model.identity) lines(labelled(label, value, columns));
  rule();
  e.line(model.labels.next);
  for (const step of model.nextSteps) lines(wrapText(step, columns));
  rule();
  for (const f of model.followUp) lines(wrapText(f, columns));
  e.align('center');
  if (profile.qr === 'native') {
    e.qrcode(model.qrContent, { model: 2, size: profile.paperWidthMm === 58 ? 5 : 6, errorlevel: 'm' });
  } else {
    const { image, side } = qrImage(model.qrContent, profile.paperWidthMm === 58 ? 4 : 5);
    e.image(image, side, side, 'threshold');
  }
  e.align('left');
  lines(labelled(model.labels.officer, model.officer, columns));
  e.bold(true);
  lines(wrapText(model.free, columns));
  e.bold(false);
  if (model.footer) lines(wrapText(model.footer, columns));
  return e.cut('partial').encode();
}
