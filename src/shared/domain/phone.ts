/**
 * Indonesian phone numbers arrive as 0812…, +62 812…, 62812…, with spaces, dots or dashes.
 * They are one number; normalise to the national form 0812… so lookups match.
 * Returns null when the input cannot be an Indonesian number.
 */
export function normalizePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()/]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  let digits = compact.replace(/^\+/, '');
  if (digits.startsWith('62')) digits = '0' + digits.slice(2);
  if (!digits.startsWith('0')) return null;
  // Mobile 08xx: 10-13 digits; landline 0xx: 9-12 digits (e.g. 0335 841xxx for Probolinggo).
  if (digits.startsWith('08')) return digits.length >= 10 && digits.length <= 13 ? digits : null;
  return digits.length >= 9 && digits.length <= 12 ? digits : null;
}

/** 0812****7890: enough to confirm with the citizen, not enough to call. */
export function maskPhone(normalized: string): string {
  if (normalized.length <= 6) return '*'.repeat(normalized.length);
  return normalized.slice(0, 4) + '*'.repeat(normalized.length - 8) + normalized.slice(-4);
}
