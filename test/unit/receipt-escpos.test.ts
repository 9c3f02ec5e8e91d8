import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { columnsFor, encodeReceipt } from '../../src/main/receipts/escpos';
import { buildReceiptModel, type ReceiptSource } from '../../src/main/receipts/model';
import { wrapText } from '../../src/main/receipts/wrap';
import { centred, decodeEscPos, rasterToRgba } from '../support/escpos-decode';

export const source: ReceiptSource = {
  siteName: 'Mal Pelayanan Publik Kabupaten Probolinggo',
  deskCode: 'PBL01',
  receiptNumber: 'PBL01-20261128-0042-7',
  type: 'PENGADUAN',
  receivedAt: '2026-11-28T02:15:00.000Z',
  channelName: 'Datang langsung ke meja pengaduan',
  categoryName: 'PEKERJAAN UMUM DAN PENATAAN RUANG',
  agencyName: 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah',
  title:
    'Jalan desa rusak parah dan berlubang di depan SDN Sumberasih sejak musim hujan tahun lalu sehingga membahayakan',
  anonymous: false,
  confidential: false,
  complainantName: 'Raden Ayu Siti Nurhayati Kusumawardhani Prawirodirdjo',
  nik: '3513014507900001',
  verifyBy: '2026-12-02',
  followUpBy: '2026-12-09',
  answerBy: '2026-12-12',
  escalationText:
    'Bila batas waktu terlewati: SP4N-LAPOR! www.lapor.go.id / SMS 1708, atau Ombudsman RI Perwakilan Jawa Timur, Jl. Ngagel Timur 56, Surabaya.',
  officerName: 'Budi Santoso',
  attachments: 2,
  laporTrackingId: '9165816',
  followUpContact: 'WhatsApp Halo SAE 0821-3100-1001',
  statusUrl: 'https://sae.probolinggokab.go.id/status',
  footerText: 'Terima kasih telah menyampaikan pengaduan.',
  copyAt: null,
};

const allText = (bytes: Uint8Array) =>
  decodeEscPos(bytes)
    .lines.map((l) => l.text)
    .join('\n');

describe('code pages', () => {
  const profile = { paperWidthMm: 58, codepageMapping: 'epson', qr: 'native' } as const;
  const selects = (bytes: Uint8Array) =>
    [...bytes.keys()].filter((i) => bytes[i] === 0x1b && bytes[i + 1] === 0x74);

  it('prints a plain-ASCII receipt in one code page, and a name with an accent in one that has it', () => {
    const plain = encodeReceipt(buildReceiptModel(source), profile);
    expect(selects(plain)).toHaveLength(1);
    const accented = encodeReceipt(buildReceiptModel({ ...source, complainantName: 'Ayu Rénata' }), profile);
    // é is 0x82 in CP437 (ESC t 0 on Epson), the code page chosen for it.
    expect(Buffer.from(accented).includes(Buffer.from('R\x82nata', 'latin1'))).toBe(true);
    expect(allText(accented)).toContain('Ayu R');
  });
});

describe('receipt text wrapping', () => {
  it('never cuts a word and never passes the paper width', () => {
    const lines = wrapText(source.title, 32);
    expect(lines.join(' ')).toBe(source.title);
    expect(lines.every((l) => l.length <= 32)).toBe(true);
    expect(wrapText('a'.repeat(70), 32)).toEqual(['a'.repeat(32), 'a'.repeat(32), 'a'.repeat(6)]);
  });
});

describe.each([58, 80] as const)('ESC/POS receipt on %i mm paper', (paper) => {
  const columns = columnsFor(paper);

  it(`keeps every line within ${columns} columns (double width counted twice), with the content a citizen needs`, () => {
    const bytes = encodeReceipt(buildReceiptModel(source), {
      paperWidthMm: paper,
      codepageMapping: 'epson',
      qr: 'native',
    });
    const decoded = decodeEscPos(bytes);
    expect(decoded.initialized).toBe(true);
    for (const line of decoded.lines)
      expect(line.text.length * line.widthScale, line.text).toBeLessThanOrEqual(columns);
    const text = allText(bytes);
    for (const expected of [
      'Mal Pelayanan Publik',
      'Meja PBL01',
      'TANDA TERIMA PENGADUAN',
      'PBL01 - 20261128 - 0042 - 7',
      '28 November 2026 pukul 09.15 WIB',
      'Instansi tujuan:',
      'NIK: 3513********0001',
      'Verifikasi dan penerusan paling lambat Rabu, 2 Desember 2026.',
      'ID SP4N-LAPOR!: 9165816',
      'Petugas: Budi Santoso',
      'Layanan ini tidak dipungut biaya.',
    ]) {
      expect(text.replace(/\n/g, ' ').replace(/\s+/g, ' '), expected).toContain(expected);
    }
    expect(text).not.toContain('3513014507900001');
    // The title wraps between words only.
    const titleWords = source.title.split(' ');
    const printed = decoded.lines
      .map((l) => l.text.trim())
      .filter((t) => titleWords.some((w) => t.startsWith(w)));
    expect(printed.every((l) => l.split(' ').every((w) => titleWords.includes(w) || w.endsWith(':')))).toBe(
      true,
    );
    // The number is printed bold, in tall letters, and centred.
    const numberLine = decoded.lines.find((l) => l.text.includes('0042'))!;
    expect(numberLine.bold).toBe(true);
    expect(centred(numberLine, columns)).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from([0x1d, 0x21, 0x01]))).toBe(true); // GS ! double height
    expect(decoded.cuts).toBe(1);
  });

  it('stores the status URL with the receipt number in the native QR command', () => {
    const decoded = decodeEscPos(
      encodeReceipt(buildReceiptModel(source), {
        paperWidthMm: paper,
        codepageMapping: 'epson',
        qr: 'native',
      }),
    );
    expect(decoded.qrCodes).toEqual(['https://sae.probolinggokab.go.id/status?nomor=PBL01-20261128-0042-7']);
    expect(decoded.images).toEqual([]);
  });

  it('prints the QR as a raster image that decodes, for printers without the QR command', () => {
    const decoded = decodeEscPos(
      encodeReceipt(buildReceiptModel({ ...source, statusUrl: null }), {
        paperWidthMm: paper,
        codepageMapping: 'epson',
        qr: 'raster',
      }),
    );
    expect(decoded.qrCodes).toEqual([]);
    expect(decoded.images).toHaveLength(1);
    const img = decoded.images[0]!;
    expect(img.width).toBeLessThanOrEqual(paper === 58 ? 384 : 576); // printable dots
    const qr = jsQR(rasterToRgba(img), img.width, img.height);
    expect(qr?.data).toBe('PBL01-20261128-0042-7');
  });

  it('leaves out name and NIK when Anonim, and the title when Rahasia', () => {
    const text = allText(
      encodeReceipt(buildReceiptModel({ ...source, anonymous: true, confidential: true }), {
        paperWidthMm: paper,
        codepageMapping: 'epson',
        qr: 'native',
      }),
    );
    expect(text).not.toContain('Nurhayati');
    expect(text).not.toContain('NIK');
    expect(text).not.toContain('Sumberasih');
    expect(text).not.toContain('Judul');
    expect(text).toContain('PBL01 - 20261128 - 0042 - 7');
  });

  it('marks a reprint SALINAN with its time, and names the type in the heading', () => {
    const text = allText(
      encodeReceipt(buildReceiptModel({ ...source, type: 'ASPIRASI', copyAt: '2026-11-29T03:00:00.000Z' }), {
        paperWidthMm: paper,
        codepageMapping: 'epson',
        qr: 'native',
      }),
    ).replace(/\s+/g, ' ');
    expect(text).toContain('TANDA TERIMA ASPIRASI');
    expect(text).toContain('SALINAN - dicetak ulang 29 November 2026 pukul 10.00 WIB');
  });
});
