/** A receipt's QR read by a USB scanner that types like a keyboard (issue 13, item 4). */
import { describe, expect, it } from 'vitest';
import { formatReceiptNumber } from '../../src/shared/domain/receipt-number';
import { receiptFromScan, ScanDetector } from '../../src/shared/domain/scanned';

const receipt = formatReceiptNumber({ deskCode: 'PBL01', day: '20261128', sequence: 42 });

describe('what a scanner typed', () => {
  it('reads the bare number and the status URL with nomor=', () => {
    expect(receiptFromScan(receipt)).toBe(receipt);
    expect(receiptFromScan(receipt.toLowerCase())).toBe(receipt);
    expect(receiptFromScan(`https://pengaduan.probolinggokab.go.id/status?nomor=${receipt}`)).toBe(receipt);
    expect(receiptFromScan(`https://x.example/cek?a=1&nomor=${encodeURIComponent(receipt)}`)).toBe(receipt);
    expect(receiptFromScan(`HTTP://X.EXAMPLE/?nomor=${receipt}`)).toBe(receipt);
  });

  it('ignores anything that is not one of our receipts', () => {
    expect(receiptFromScan('')).toBeNull();
    expect(receiptFromScan('8991234567890')).toBeNull(); // a product barcode
    expect(receiptFromScan('https://lapor.go.id/laporan/9165816')).toBeNull();
    expect(receiptFromScan(`https://x.example/?no=${receipt}`)).toBeNull();
    expect(receiptFromScan(receipt.replace('0042', '0024'))).toBeNull(); // check character fails
    expect(receiptFromScan('https://%%%')).toBeNull();
    expect(receiptFromScan(`https://x.example/?nomor=${receipt}`.padEnd(3000, 'x'))).toBeNull();
  });
});

describe('a scanner told from a person', () => {
  const feed = (d: ScanDetector, text: string, start: number, gap: number) => {
    let at = start;
    for (const c of text) {
      d.key(c, at);
      at += gap;
    }
    return at;
  };

  it('takes a burst of a few milliseconds a key ending in Enter', () => {
    const d = new ScanDetector();
    const end = feed(d, receipt, 1000, 4);
    expect(d.enter(end)).toBe(receipt);
  });

  it('takes a scanner at 0 ms a key (all keys in one tick)', () => {
    const d = new ScanDetector();
    feed(d, receipt, 1000, 0);
    expect(d.enter(1000)).toBe(receipt);
  });

  it('does not take a person typing fast (60 ms a key), nor a pause before Enter', () => {
    const d = new ScanDetector();
    const end = feed(d, receipt, 1000, 60);
    expect(d.enter(end)).toBeNull();
    const slowEnter = feed(d, receipt, 5000, 3);
    expect(d.enter(slowEnter + 400)).toBeNull();
  });

  it('starts a new burst after a pause, so typed text before a scan does not spoil it', () => {
    const d = new ScanDetector();
    const typed = feed(d, 'jalan rusak ', 1000, 150);
    const end = feed(d, receipt, typed + 2000, 5);
    expect(d.enter(end)).toBe(receipt);
  });

  it('needs at least ten characters, and forgets the burst after Enter or a reset', () => {
    const d = new ScanDetector();
    expect(d.enter(feed(d, '123456789', 0, 2))).toBeNull();
    feed(d, receipt, 100, 2);
    d.reset();
    expect(d.enter(200)).toBeNull();
    expect(d.length).toBe(0);
  });

  it('says when a key starts a new burst', () => {
    const d = new ScanDetector();
    expect(d.key('a', 0)).toBe(true);
    expect(d.key('b', 10)).toBe(false);
    expect(d.key('c', 200)).toBe(true);
    expect(d.length).toBe(1);
  });
});
