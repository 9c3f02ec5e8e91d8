/**
 * Working-day calendar of the desk, in WIB (Asia/Jakarta, UTC+7, no daylight saving).
 * Working days are Monday to Friday minus national holidays and cuti bersama. Dates are
 * ISO calendar dates (YYYY-MM-DD); arithmetic is on whole days, so no clock or zone can shift it.
 */
import { TZDate } from '@date-fns/tz';
// The one function, not the package's index: the index loads all of date-fns (1.3 s in a fresh
// thread here, against 0.18 s), which the desk paid at every start.
import { format } from 'date-fns/format';

export const deskTimeZone = 'Asia/Jakarta';

export type IsoDate = string;

const dayMs = 86_400_000;

/** Day numbers already worked out: a year's report asks for the same few hundred days 400,000 times. */
const dayNumbers = new Map<string, number>();

function toDayNumber(date: IsoDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const n = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / dayMs;
  if (dayNumbers.size > 50_000) dayNumbers.clear();
  dayNumbers.set(date, n);
  return n;
}

function fromDayNumber(n: number): IsoDate {
  return new Date(n * dayMs).toISOString().slice(0, 10);
}

/** The calendar date in WIB of an instant (a receipt issued at 23:30 UTC belongs to the next day). */
export function wibDate(instant: Date | number): IsoDate {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  // The zone's offsets since 1970 are whole half hours, so a day never changes inside a half-hour
  // slot: the last slot's answer is reused (a save asks several times; the zone lookup is not cheap).
  const slot = Math.floor(ms / halfHourMs);
  if (ms >= 0 && slot === lastSlot) return lastDay;
  const day = format(new TZDate(ms, deskTimeZone), 'yyyy-MM-dd');
  if (ms >= 0) [lastSlot, lastDay] = [slot, day];
  return day;
}
const halfHourMs = 1_800_000;
let lastSlot = Number.NaN;
let lastDay = '';

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Weekdays (Monday to Friday) among the day numbers lo..hi, inclusive; 0 when hi < lo. */
function weekdaysIn(lo: number, hi: number): number {
  if (hi < lo) return 0;
  const total = hi - lo + 1;
  let count = Math.floor(total / 7) * 5;
  for (let d = lo + Math.floor(total / 7) * 7; d <= hi; d++) {
    const weekday = (d + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

export class WorkingCalendar {
  private readonly holidays: ReadonlySet<IsoDate>;
  /** Day numbers of the holidays that fall on a weekday, sorted: what a count must take off. */
  private readonly weekdayHolidays: number[];

  constructor(holidays: Iterable<IsoDate>) {
    this.holidays = new Set(holidays);
    this.weekdayHolidays = [...this.holidays]
      .map(toDayNumber)
      .filter((d) => (d + 4) % 7 !== 0 && (d + 4) % 7 !== 6)
      .sort((a, b) => a - b);
  }

  /** The holidays it was made with, to make the same calendar elsewhere (a worker thread). */
  holidayDates(): IsoDate[] {
    return [...this.holidays];
  }

  /** How many weekday holidays fall before day number x (binary search of the sorted list). */
  private holidaysBefore(x: number): number {
    let l = 0;
    let h = this.weekdayHolidays.length;
    while (l < h) {
      const m = (l + h) >> 1;
      if (this.weekdayHolidays[m]! < x) l = m + 1;
      else h = m;
    }
    return l;
  }

  /** Weekday holidays among lo..hi. */
  private holidaysIn(lo: number, hi: number): number {
    return hi < lo ? 0 : this.holidaysBefore(hi + 1) - this.holidaysBefore(lo);
  }

  isWorkingDay(date: IsoDate): boolean {
    const weekday = (toDayNumber(date) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date);
  }

  /**
   * The n-th working day after `date` (the start day itself never counts, as in "within 3
   * working days of receipt"). n = 0 gives `date` itself, or the next working day if it is not one.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number >= 0');
    let day = toDayNumber(date);
    if (n === 0) {
      while (!this.isWorkingDay(fromDayNumber(day))) day++;
      return fromDayNumber(day);
    }
    let left = n;
    while (left > 0) {
      day++;
      if (this.isWorkingDay(fromDayNumber(day))) left--;
    }
    return fromDayNumber(day);
  }

  /**
   * Working days from `from` to `to`: counts the working days in (from, to]; negative when `to`
   * is before `from`. A deadline is late when workingDaysBetween(deadline, today) > 0.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    const sign = b >= a ? 1 : -1;
    // Counted, not walked: weekdays in the range less the weekday holidays in it (a report judges
    // tens of thousands of deadlines at once).
    const lo = Math.min(a, b) + 1;
    const hi = Math.max(a, b);
    const count = weekdaysIn(lo, hi) - this.holidaysIn(lo, hi);
    return count === 0 ? 0 : sign * count; // never -0
  }
}
