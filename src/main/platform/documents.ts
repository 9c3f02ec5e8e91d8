/**
 * What the desk's printed documents (receipts, daily registers, reports) share: escaping text into
 * HTML, and dates as people read them (Indonesian or English), in WIB.
 */
import { callLanguage, type Language } from '../../shared/i18n';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };
const formats = (locale: string) => ({
  dateTime: new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Jakarta',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
  day: new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
  time: new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' }),
});
const byLanguage = { id: formats(locales.id), en: formats(locales.en) };

/**
 * 27 November 2026 pukul 09.00 (WIB), without the zone's name; in the language of the call that
 * prints (an officer working in English prints in English), Bahasa Indonesia otherwise.
 */
export const wibDateTimeText = (iso: string, lang: Language = callLanguage()) =>
  byLanguage[lang].dateTime.format(new Date(iso));
/** Jumat, 27 November 2026 (a calendar day, no zone shifts it). */
export const longDay = (isoDate: string, lang: Language = callLanguage()) =>
  byLanguage[lang].day.format(new Date(`${isoDate}T00:00:00Z`));
/** 27/11/2026 */
export const shortDay = (isoDate: string) =>
  `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
/** 09.00, in WIB */
export const wibTimeText = (iso: string, lang: Language = callLanguage()) =>
  byLanguage[lang].time.format(new Date(iso));
