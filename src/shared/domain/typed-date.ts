/**
 * A date as an Indonesian officer types it: 20/11/2026, 20-11-26, 20112026, 2026-11-20,
 * "hari ini" or "kemarin". Day before month, always, whatever the computer's locale says.
 * Returns the ISO date, or null when it is not a real date.
 */
import { addCalendarDays, type IsoDate } from '../calendar/working-days';

function isoOf(y: number, m: number, d: number): IsoDate | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export function parseTypedDate(raw: string, today: IsoDate): IsoDate | null {
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === 'hari ini' || text === 'hariini' || text === 'today') return today;
  if (text === 'kemarin' || text === 'yesterday') return addCalendarDays(today, -1);
  if (text === 'kemarin lusa') return addCalendarDays(today, -2);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})$/.exec(text) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!m) return null;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return isoOf(year, Number(m[2]), Number(m[1]));
}
