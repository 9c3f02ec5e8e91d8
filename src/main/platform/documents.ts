/**
 * What the desk's printed documents (receipts, daily registers, reports) share: escaping text into
 * HTML, and dates as people read them (Indonesian or English), in WIB.
 */
import { dateFormats } from '../../shared/calendar/date-formats';
import { callLanguage, type Language } from '../../shared/i18n';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * 27 November 2026 pukul 09.00 (WIB), without the zone's name; in the language of the call that
 * prints (an officer working in English prints in English), Bahasa Indonesia otherwise.
 */
export const wibDateTimeText = (iso: string, lang: Language = callLanguage()) =>
  dateFormats[lang].dateTime.format(new Date(iso));
/** Jumat, 27 November 2026 (a calendar day, no zone shifts it). */
export const longDay = (isoDate: string, lang: Language = callLanguage()) =>
  dateFormats[lang].day.format(new Date(`${isoDate}T00:00:00Z`));
/** 27/11/2026 */
export const shortDay = (isoDate: string) =>
  `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
/** 09.00, in WIB */
export const wibTimeText = (iso: string, lang: Language = callLanguage()) =>
  dateFormats[lang].time.format(new Date(iso));
