/**
 * Receipt numbers: <desk code>-<YYYYMMDD>-<daily sequence>-<check character>, e.g. PBL01-20261128-0042-7.
 * The desk code makes them unique across desks without coordination; the ISO 7064 MOD 37,36
 * check character catches every single-character error and every adjacent transposition.
 */
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = 36;

function charValue(c: string): number {
  const v = alphabet.indexOf(c);
  if (v < 0) throw new Error(`not alphanumeric: ${c}`);
  return v;
}

/** ISO/IEC 7064 MOD 37,36 (hybrid system) check character over upper-case alphanumerics. */
export function mod3736CheckChar(payload: string): string {
  let p = M;
  for (const c of payload) {
    p = (p + charValue(c)) % M || M;
    p = (p * 2) % (M + 1);
  }
  return alphabet[(M + 1 - p) % M] as string;
}

export function mod3736IsValid(withCheck: string): boolean {
  if (!/^[0-9A-Z]{2,}$/.test(withCheck)) return false;
  let p = M;
  for (const c of withCheck.slice(0, -1)) {
    p = (p + charValue(c)) % M || M;
    p = (p * 2) % (M + 1);
  }
  return (p + charValue(withCheck.slice(-1))) % M === 1;
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
  return `${deskCode}-${day}-${seq}-${mod3736CheckChar(deskCode + day + seq)}`;
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
  const cleaned = raw.toUpperCase().replace(/[\s_./]+/g, '');
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
    if (!mod3736IsValid(deskCode + day + seq + check)) continue;
    const parts = { deskCode, day, sequence: Number(seq) };
    return { valid: true, number: `${deskCode}-${day}-${seq}-${check}`, parts };
  }
  return { valid: false };
}

/** Whether text typed into a search box looks like an attempt at a receipt number. */
export function looksLikeReceiptNumber(raw: string): boolean {
  return /^[A-Za-z0-9]{2,8}[\s-]*\d{8}[\s-]*\d{4,6}[\s-]*[A-Za-z0-9]$/.test(raw.trim());
}
