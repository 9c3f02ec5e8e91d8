/**
 * How dates read, in Indonesian or English, in WIB: one set of formats for the screens and the
 * printed documents. Calendar days are formatted in UTC (no zone moves a day); instants in WIB.
 */
import type { Language } from '../i18n/languages';

function formatsFor(locale: string) {
  return {
    /** Jumat, 27 November 2026 */
    day: new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
    /** 27 Nov 2026 */
    shortDay: new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }),
    /** 27 November 2026 pukul 09.00 */
    dateTime: new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Jakarta',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
    /** 27 Nov 2026 09.00 */
    shortDateTime: new Intl.DateTimeFormat(locale, {
      timeZone: 'Asia/Jakarta',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
    /** 09.00 */
    time: new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit' }),
  };
}

export const dateFormats: Record<Language, ReturnType<typeof formatsFor>> = {
  id: formatsFor('id-ID'),
  en: formatsFor('en-GB'),
};
