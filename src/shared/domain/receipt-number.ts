/**
 * Receipt numbers: <desk code>-<YYYYMMDD>-<daily sequence>-<check character>, e.g. PBL01-20261128-0042-7.
 * The desk code makes them unique across desks without coordination.
 *
 * The check character is a Damm check over a totally anti-symmetric quasigroup of order 36, so it
 * catches every single-character error and every adjacent transposition over 0-9A-Z. (ISO 7064
 * MOD 37,36, the obvious choice, lets about 0.15% of adjacent transpositions through; MOD 37-2
 * needs a 37th symbol, '*', that is awkward to read aloud.) The quasigroup is the direct product
 * GF(4) x GF(9) with x∘y = a·x + y (a = a primitive element in each field): a product of totally
 * anti-symmetric quasigroups is one, and a·x + y is one in any field when a ∉ {0, 1}.
 */
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** GF(4) as 2-bit polynomials mod x²+x+1; multiplying by x. Addition is XOR. */
const gf4TimesX = (b: number) => (((b >> 1) ^ (b & 1)) << 1) | (b >> 1);
/** GF(9) as p + q·i with i² = -1, encoded 3q + p; multiplying by i gives -q + p·i. */
const gf9TimesI = (v: number) => 3 * (v % 3) + ((3 - Math.floor(v / 3)) % 3);
const gf9Add = (a: number, b: number) => 3 * ((Math.floor(a / 3) + Math.floor(b / 3)) % 3) + ((a + b) % 3);
const gf9Neg = (v: number) => 3 * ((3 - Math.floor(v / 3)) % 3) + ((3 - (v % 3)) % 3);

/** The quasigroup operation on symbol values 0..35 (value = 9·u + v, u in GF(4), v in GF(9)). */
function op(x: number, y: number): number {
  const u = gf4TimesX(Math.floor(x / 9)) ^ Math.floor(y / 9);
  const v = gf9Add(gf9TimesI(x % 9), y % 9);
  return 9 * u + v;
}

function charValue(c: string): number {
  const v = alphabet.indexOf(c);
  if (v < 0) throw new Error(`not alphanumeric: ${c}`);
  return v;
}

function interim(text: string): number {
  let r = 0;
  for (const c of text) r = op(r, charValue(c));
  return r;
}

/** The check character c with interim(payload) ∘ c = 0. */
export function checkChar(payload: string): string {
  const r = interim(payload);
  const u = gf4TimesX(Math.floor(r / 9)); // -(a·u) = a·u in characteristic 2
  const v = gf9Neg(gf9TimesI(r % 9));
  return alphabet[9 * u + v] as string;
}

export function hasValidCheck(withCheck: string): boolean {
  return /^[0-9A-Z]{2,}$/.test(withCheck) && interim(withCheck) === 0;
}

export const deskCodePattern = /^[A-Z0-9]{2,8}$/;

export interface ReceiptParts {
  deskCode: string;
  /** YYYYMMDD in WIB. */
  day: string;
  sequence: number;
}

export function formatReceiptNumber({ deskCode, day, sequence }: ReceiptParts): string {
  const seq = String(sequence).padStart(4, '0');
  return `${deskCode}-${day}-${seq}-${checkChar(deskCode + day + seq)}`;
}

export type ParsedReceipt = { valid: true; number: string; parts: ReceiptParts } | { valid: false };

function isRealDay(day: string): boolean {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(4, 6));
  const d = Number(day.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Reads what an officer typed or a citizen read aloud: case, spaces and missing dashes are
 * tolerated. Returns the canonical number, or valid:false when it cannot be a receipt number
 * (so the screen can say "nomor tidak valid" instead of "tidak ditemukan").
 */
export function parseReceiptNumber(raw: string): ParsedReceipt {
  // Every separator the desk prints or shows (" - " on paper, " · " on screen) counts as a dash.
  const cleaned = raw
    .toUpperCase()
    .replace(/[–—·•]/g, '-')
    .replace(/[\s_./]+/g, '');
  const dashed = cleaned.split('-').filter(Boolean);
  const candidates: Array<[string, string, string, string]> = [];
  if (dashed.length === 4) {
    candidates.push(dashed as [string, string, string, string]);
  } else {
    // No (or misplaced) dashes: try every split that fits the shape.
    const flat = dashed.join('');
    for (let deskLen = 2; deskLen <= 8; deskLen++) {
      for (let seqLen = 4; seqLen <= 6; seqLen++) {
        if (flat.length !== deskLen + 8 + seqLen + 1) continue;
        candidates.push([
          flat.slice(0, deskLen),
          flat.slice(deskLen, deskLen + 8),
          flat.slice(deskLen + 8, deskLen + 8 + seqLen),
          flat.slice(-1),
        ]);
      }
    }
  }
  for (const [deskCode, day, seq, check] of candidates) {
    if (!deskCodePattern.test(deskCode) || !/^\d{8}$/.test(day) || !/^\d{4,6}$/.test(seq)) continue;
    if (!/^[0-9A-Z]$/.test(check) || !isRealDay(day)) continue;
    if (!hasValidCheck(deskCode + day + seq + check)) continue;
    const parts = { deskCode, day, sequence: Number(seq) };
    return { valid: true, number: `${deskCode}-${day}-${seq}-${check}`, parts };
  }
  return { valid: false };
}

/** Whether text typed into a search box looks like an attempt at a receipt number. */
export function looksLikeReceiptNumber(raw: string): boolean {
  return /^[A-Za-z0-9]{2,8}[\s\-–—·•./_]*\d{8}[\s\-–—·•./_]*\d{4,6}[\s\-–—·•./_]*[A-Za-z0-9]$/.test(
    raw.trim(),
  );
}
