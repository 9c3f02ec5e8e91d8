/**
 * What the desk's printed documents (receipts, daily registers, reports) share: escaping text into
 * HTML, and dates as Indonesians read them, in WIB.
 */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const dateTimeFormat = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dayFormat = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  hour: '2-digit',
  minute: '2-digit',
});

/** 27 November 2026 pukul 09.00 (WIB), without the zone's name. */
export const wibDateTimeText = (iso: string) => dateTimeFormat.format(new Date(iso));
/** Jumat, 27 November 2026 (a calendar day, no zone shifts it). */
export const longDay = (isoDate: string) => dayFormat.format(new Date(`${isoDate}T00:00:00Z`));
/** 27/11/2026 */
export const shortDay = (isoDate: string) =>
  `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
/** 09.00, in WIB */
export const wibTimeText = (iso: string) => timeFormat.format(new Date(iso));
