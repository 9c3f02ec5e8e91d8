/**
 * Dates as officers read them, in WIB, in the language the screen shows (Indonesian month and day
 * names, or English ones once the officer switches).
 */
import { dateFormats } from '../../../shared/calendar/date-formats';
import i18next from '../i18n';

const f = () => dateFormats[i18next.language === 'en' ? 'en' : 'id'];

/** "Rabu, 2 Desember 2026" for an ISO calendar date. */
export const longDate = (isoDate: string) => f().day.format(new Date(`${isoDate}T00:00:00Z`));
export const shortDate = (isoDate: string) => f().shortDay.format(new Date(`${isoDate}T00:00:00Z`));
/** "27 Nov 2026 09.00 WIB" for an instant. */
export const wibDateTime = (iso: string) => `${f().shortDateTime.format(new Date(iso))} WIB`;

/** PBL01-20261128-0042-7 -> "PBL01 · 20261128 · 0042 · 7", easier to read aloud. */
export const spacedReceipt = (n: string) => n.split('-').join(' · ');

/** The time of an instant in WIB: 09.05 */
export const wibTime = (iso: string) => f().time.format(new Date(iso));
