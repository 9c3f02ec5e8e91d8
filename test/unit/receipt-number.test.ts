import { describe, expect, it } from 'vitest';
import {
  formatReceiptNumber,
  looksLikeReceiptNumber,
  checkChar,
  hasValidCheck,
  parseReceiptNumber,
} from '../../src/shared/domain/receipt-number';

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const samples = [
  { deskCode: 'PBL01', day: '20261128', sequence: 42 },
  { deskCode: 'MPP', day: '20250331', sequence: 1 },
  { deskCode: 'KRAKSAAN', day: '20261231', sequence: 9999 },
  { deskCode: 'A1', day: '20260101', sequence: 123456 },
];

describe('receipt numbers', () => {
  it('are <desk>-<YYYYMMDD>-<sequence>-<check> with a zero-padded sequence', () => {
    const n = formatReceiptNumber({ deskCode: 'PBL01', day: '20261128', sequence: 7 });
    expect(n).toMatch(/^PBL01-20261128-0007-[0-9A-Z]$/);
    expect(parseReceiptNumber(n)).toEqual({
      valid: true,
      number: n,
      parts: { deskCode: 'PBL01', day: '20261128', sequence: 7 },
    });
  });

  it('are read back whatever the case, spacing or dashes an officer types', () => {
    for (const parts of samples) {
      const n = formatReceiptNumber(parts);
      const variants = [
        n.toLowerCase(),
        n.replace(/-/g, ''),
        n.replace(/-/g, ' '),
        ` ${n.replace(/-/g, ' - ')} `,
      ];
      for (const v of variants) {
        const parsed = parseReceiptNumber(v);
        expect(parsed, v).toMatchObject({ valid: true, number: n });
      }
    }
  });

  it('are read back with only some separators, or the separators the screen shows (issue 9, item 21)', () => {
    for (const parts of samples) {
      const n = formatReceiptNumber(parts);
      const [desk, day, seq, check] = n.split('-');
      for (const v of [
        `${desk}-${day}${seq}${check}`,
        `${desk}${day}-${seq}-${check}`,
        `${desk}-${day}-${seq}${check}`,
        `${desk} · ${day} · ${seq} · ${check}`,
        `${desk}–${day}–${seq}–${check}`,
      ]) {
        expect(parseReceiptNumber(v), v).toMatchObject({ valid: true, number: n });
        expect(looksLikeReceiptNumber(v), v).toBe(true);
      }
    }
  });

  it('need a whole desk code: nothing before or after the number is taken as part of it (item 21)', () => {
    const n = formatReceiptNumber({ deskCode: 'PBL01', day: '20261128', sequence: 42 });
    for (const v of [`X${n}`, `${n}X`, `PBL01!-${n.slice(6)}`, `ABCDEFGHI-${n.slice(6)}`, `-${n.slice(6)}`])
      expect(parseReceiptNumber(v).valid, v).toBe(false);
    expect(looksLikeReceiptNumber(`nomor ${n}`)).toBe(false);
  });

  it('need a real day from 2000 on, and the right shape in each part (mutation testing)', () => {
    const withDay = (day: string) => formatReceiptNumber({ deskCode: 'PBL01', day, sequence: 42 });
    for (const day of ['20261301', '20260230', '20260001', '19991231', '20261232'])
      expect(parseReceiptNumber(withDay(day)).valid, day).toBe(false);
    expect(parseReceiptNumber(withDay('20000101')).valid).toBe(true);
    expect(parseReceiptNumber(withDay('20240229')).valid).toBe(true); // a leap day
    const n = withDay('20261128');
    const [desk, day, seq, check] = n.split('-');
    for (const v of [
      `${desk}-${day}x-${seq}-${check}`,
      `${desk}-x${day}-${seq}-${check}`,
      `${desk}-${day}-${seq}x-${check}`,
      `${desk}-${day}-x${seq}-${check}`,
      `${desk}-${day}-${seq}-${check}x`,
      `${desk}-${day}-${seq}-x${check}`,
      `${desk}-${day}-0${seq}-${check}`,
    ])
      expect(parseReceiptNumber(v).valid, v).toBe(false);
    expect(looksLikeReceiptNumber(`${n} x`)).toBe(false);
    expect(looksLikeReceiptNumber(`x ${n}`)).toBe(false);
    expect(hasValidCheck('7')).toBe(false);
    expect(hasValidCheck(`${n.replace(/-/g, '')}-`)).toBe(false);
    expect(() => checkChar('pbl01')).toThrow(/not alphanumeric/);
  });

  it('catch every single-character substitution', () => {
    for (const parts of samples) {
      const payload = formatReceiptNumber(parts).replace(/-/g, '');
      expect(hasValidCheck(payload)).toBe(true);
      for (let i = 0; i < payload.length; i++) {
        for (const c of alphabet) {
          if (c === payload[i]) continue;
          const typo = payload.slice(0, i) + c + payload.slice(i + 1);
          expect(hasValidCheck(typo), typo).toBe(false);
        }
      }
    }
  });

  it('catch every adjacent transposition of any two symbols, in any position and state', () => {
    // Exhaustive over the quasigroup: (c∘x)∘y = (c∘y)∘x only when x = y.
    for (let c = 0; c < 36; c++) {
      const prefix = alphabet[c]!;
      for (const x of alphabet) {
        for (const y of alphabet) {
          if (x === y) continue;
          const a = prefix + x + y;
          const b = prefix + y + x;
          expect(checkChar(a), a + ' vs ' + b).not.toBe(checkChar(b));
        }
      }
    }
  });

  it('catch every adjacent transposition in real numbers', () => {
    for (const parts of samples) {
      const payload = formatReceiptNumber(parts).replace(/-/g, '');
      for (let i = 0; i + 1 < payload.length; i++) {
        if (payload[i] === payload[i + 1]) continue;
        const swapped = payload.slice(0, i) + payload[i + 1] + payload[i] + payload.slice(i + 2);
        expect(hasValidCheck(swapped), swapped).toBe(false);
      }
    }
  });

  it('refuse a mistyped number instead of guessing', () => {
    const n = formatReceiptNumber(samples[0]!);
    const typo = n.slice(0, 7) + (n[7] === '9' ? '8' : '9') + n.slice(8);
    expect(parseReceiptNumber(typo)).toEqual({ valid: false });
    expect(parseReceiptNumber('PBL01-20261340-0001-' + checkChar('PBL01202613400001'))).toEqual({
      valid: false,
    });
    expect(parseReceiptNumber('hello')).toEqual({ valid: false });
  });

  it('tell a receipt-like search text from words', () => {
    expect(looksLikeReceiptNumber('pbl01 20261128 0042 7')).toBe(true);
    expect(looksLikeReceiptNumber('jalan rusak')).toBe(false);
  });

  it('have exactly one valid check character for any payload', () => {
    for (const payload of ['0', 'A', 'ZZZZ', 'PBL01202611280001']) {
      const check = checkChar(payload);
      const others = [...alphabet].filter((c) => c !== check && hasValidCheck(payload + c));
      expect(hasValidCheck(payload + check)).toBe(true);
      expect(others).toEqual([]);
    }
  });
});
