/**
 * Working-day calendar of the desk, in WIB (Asia/Jakarta, UTC+7, no daylight saving).
 * Working days are Monday to Friday minus national holidays and cuti bersama. Dates are
 * ISO calendar dates (YYYY-MM-DD); arithmetic is on whole days, so no clock or zone can shift it.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const deskTimeZone = 'Asia/Jakarta';

export type IsoDate = string;

const dayMs = 86_400_000;

function toDayNumber(date: IsoDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / dayMs;
}

function fromDayNumber(n: number): IsoDate {
  return new Date(n * dayMs).toISOString().slice(0, 10);
}

/** The calendar date in WIB of an instant (a receipt issued at 23:30 UTC belongs to the next day). */
export function wibDate(instant: Date | number): IsoDate {
  return format(
    new TZDate(typeof instant === 'number' ? instant : instant.getTime(), deskTimeZone),
    'yyyy-MM-dd',
  );
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export class WorkingCalendar {
  private readonly holidays: ReadonlySet<IsoDate>;

  constructor(holidays: Iterable<IsoDate>) {
    this.holidays = new Set(holidays);
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
    let count = 0;
    for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) {
      if (this.isWorkingDay(fromDayNumber(d))) count++;
    }
    return sign * count;
  }
}
