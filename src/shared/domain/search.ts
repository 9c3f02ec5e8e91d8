/**
 * What the officer typed into Cari: a receipt number (valid or mistyped), a phone number, a NIK,
 * or words. Shared so the screen can say what it is searching for before main answers.
 */
import { normalizeNik } from './nik';
import { normalizePhone } from './phone';
import { looksLikeReceiptNumber, parseReceiptNumber } from './receipt-number';

export type SearchIntent =
  | { kind: 'empty' }
  | { kind: 'receipt'; number: string }
  | { kind: 'receipt-invalid' }
  | { kind: 'phone'; phone: string }
  | { kind: 'nik'; nik: string }
  | { kind: 'lapor'; id: string }
  | { kind: 'words'; tokens: string[] };

export function classifySearch(raw: string): SearchIntent {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  // "#1234567": a SP4N-LAPOR! tracking ID (numeric, 5-10 digits; 7 in 2025).
  const lapor = /^#\s*(\d{5,10})$/.exec(text);
  if (lapor) return { kind: 'lapor', id: lapor[1]! };
  // Sixteen digits however grouped (3513014507900001, 3513 0145 0790 0001, 3513.0145.0790.0001) are a
  // NIK: a receipt number always has its eight-digit day between a desk code and a sequence.
  const nik = normalizeNik(text);
  if (/^\d{16}$/.test(nik) && /^[\d\s.-]+$/.test(text)) return { kind: 'nik', nik };
  if (looksLikeReceiptNumber(text)) {
    const parsed = parseReceiptNumber(text);
    return parsed.valid ? { kind: 'receipt', number: parsed.number } : { kind: 'receipt-invalid' };
  }
  if (/^[+\d][\d\s.\-()]{7,}$/.test(text)) {
    const phone = normalizePhone(text);
    if (phone) return { kind: 'phone', phone };
  }
  const tokens = searchTokens(text);
  return tokens.length ? { kind: 'words', tokens } : { kind: 'empty' };
}

/** Lower-case words of 2+ letters or digits, accents removed, at most 8. */
export function searchTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length >= 2)
    .slice(0, 8);
}

/** FTS5 query: every word must appear, each as a prefix ("jal" finds "jalan"). */
export function ftsQuery(tokens: string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '')}"*`).join(' ');
}
