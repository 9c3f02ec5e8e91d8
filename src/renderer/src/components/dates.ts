/** Dates as officers read them: WIB, Indonesian month names. */
const dayFormat = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDay = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const instant = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "Rabu, 2 Desember 2026" for an ISO calendar date. */
export const longDate = (isoDate: string) => dayFormat.format(new Date(`${isoDate}T00:00:00Z`));
export const shortDate = (isoDate: string) => shortDay.format(new Date(`${isoDate}T00:00:00Z`));
/** "27 Nov 2026 09.00 WIB" for an instant. */
export const wibDateTime = (iso: string) => `${instant.format(new Date(iso))} WIB`;

/** PBL01-20261128-0042-7 -> "PBL01 · 20261128 · 0042 · 7", easier to read aloud. */
export const spacedReceipt = (n: string) => n.split('-').join(' · ');

const clockTime = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  hour: '2-digit',
  minute: '2-digit',
});
/** The time of an instant in WIB: 09.05 */
export const wibTime = (iso: string) => clockTime.format(new Date(iso));
