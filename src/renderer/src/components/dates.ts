/**
 * Dates as officers read them, in WIB, in the language the screen shows (Indonesian month and day
 * names, or English ones once the officer switches).
 */
import i18next from '../i18n';

const formatsFor = (locale: string) => ({
  day: new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
  short: new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }),
  instant: new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Jakarta',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
  clock: new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' }),
});
const formats = { id: formatsFor('id-ID'), en: formatsFor('en-GB') };
const f = () => (i18next.language === 'en' ? formats.en : formats.id);

/** "Rabu, 2 Desember 2026" for an ISO calendar date. */
export const longDate = (isoDate: string) => f().day.format(new Date(`${isoDate}T00:00:00Z`));
export const shortDate = (isoDate: string) => f().short.format(new Date(`${isoDate}T00:00:00Z`));
/** "27 Nov 2026 09.00 WIB" for an instant. */
export const wibDateTime = (iso: string) => `${f().instant.format(new Date(iso))} WIB`;

/** PBL01-20261128-0042-7 -> "PBL01 · 20261128 · 0042 · 7", easier to read aloud. */
export const spacedReceipt = (n: string) => n.split('-').join(' · ');

/** The time of an instant in WIB: 09.05 */
export const wibTime = (iso: string) => f().clock.format(new Date(iso));
