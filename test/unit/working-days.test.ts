import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, wibDate, WorkingCalendar } from '../../src/shared/calendar/working-days';
import { referenceDataDir } from '../support/core';

const holidays = readFileSync(join(referenceDataDir, 'hari-libur-2025-2026.csv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => line.split(',')[0]!);
const calendar = new WorkingCalendar(holidays);

describe('working-day calendar (WIB)', () => {
  it('skips weekends', () => {
    expect(calendar.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Fri -> Mon
    expect(calendar.addWorkingDays('2026-11-28', 3)).toBe('2026-12-02'); // received Sat
    expect(calendar.addWorkingDays('2026-11-28', 0)).toBe('2026-11-30');
    expect(calendar.addWorkingDays('2026-11-26', 0)).toBe('2026-11-26');
  });

  it('crosses the 2025 Idulfitri week (holidays and cuti bersama)', () => {
    // Thu 27 Mar 2025; 28 Mar cuti Nyepi, 31 Mar-1 Apr Idulfitri, 2-4 and 7 Apr cuti bersama.
    expect(calendar.addWorkingDays('2025-03-27', 1)).toBe('2025-04-08');
    expect(calendar.addWorkingDays('2025-03-27', 3)).toBe('2025-04-10');
    expect(calendar.workingDaysBetween('2025-03-27', '2025-04-10')).toBe(3);
    expect(calendar.isWorkingDay('2025-04-07')).toBe(false);
    expect(calendar.isWorkingDay('2025-04-08')).toBe(true);
  });

  it('crosses the 2026 Idulfitri week', () => {
    // Tue 17 Mar 2026; 18 cuti, 19 Nyepi, 20 cuti, 21-22 Idulfitri (weekend), 23-24 cuti.
    expect(calendar.addWorkingDays('2026-03-17', 1)).toBe('2026-03-25');
    expect(calendar.addWorkingDays('2026-03-17', 3)).toBe('2026-03-27');
    expect(calendar.addWorkingDays('2026-03-17', 5)).toBe('2026-03-31');
    expect(calendar.workingDaysBetween('2026-03-17', '2026-03-31')).toBe(5);
  });

  it('crosses year ends', () => {
    // 2025: 25 Dec Natal, 26 Dec cuti, 1 Jan 2026 new year.
    expect(calendar.addWorkingDays('2025-12-24', 3)).toBe('2025-12-31');
    expect(calendar.addWorkingDays('2025-12-24', 4)).toBe('2026-01-02');
    expect(calendar.workingDaysBetween('2025-12-24', '2026-01-02')).toBe(4);
    // 2026: 24 Dec cuti, 25 Dec Natal.
    expect(calendar.addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
    expect(calendar.addWorkingDays('2026-12-23', 4)).toBe('2026-12-31');
  });

  it('counts days between backwards as negative, and zero for the same day', () => {
    expect(calendar.workingDaysBetween('2026-11-30', '2026-11-27')).toBe(-1);
    expect(calendar.workingDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
    expect(calendar.workingDaysBetween('2026-11-27', '2026-11-29')).toBe(0);
    // One day that is a holiday (cuti bersama, then Natal): nothing to count.
    expect(calendar.workingDaysBetween('2026-12-23', '2026-12-24')).toBe(0);
    expect(calendar.workingDaysBetween('2026-12-24', '2026-12-25')).toBe(0);
    expect(calendar.workingDaysBetween('2026-12-25', '2026-12-24')).toBe(0);
  });

  it('takes the date in WIB, not UTC', () => {
    expect(wibDate(new Date('2026-11-27T16:59:59Z'))).toBe('2026-11-27');
    expect(wibDate(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
    expect(wibDate(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
  });

  it('gives the WIB date of every instant when asked again and again (its reuse of the last answer)', () => {
    const wib = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
    // Walking across day ends by the millisecond, minute and hour, and jumping back and forth.
    const end = Date.parse('2026-11-27T17:00:00Z');
    const instants = [
      ...[-2, -1, 0, 1, 2].map((d) => end + d),
      ...Array.from({ length: 200 }, (_, i) => end - 100 * 60_000 + i * 60_000),
      ...Array.from({ length: 200 }, (_, i) => Date.parse('2025-01-01T00:00:00Z') + i * 3_599_999),
      end - 1,
      end,
      end - 1,
      Date.parse('1999-12-31T16:59:59.999Z'),
      Date.parse('1999-12-31T17:00:00Z'),
      Date.parse('2040-02-28T17:00:00Z'),
    ];
    for (const ms of instants) expect(wibDate(ms), new Date(ms).toISOString()).toBe(wib(ms));
  });

  it('adds calendar days across months and leap years', () => {
    expect(addCalendarDays('2026-11-27', 14)).toBe('2026-12-11');
    expect(addCalendarDays('2028-02-20', 14)).toBe('2028-03-05');
  });

  it('uses an edited holiday table', () => {
    const moved = new WorkingCalendar([...holidays, '2026-11-30']);
    expect(moved.addWorkingDays('2026-11-27', 1)).toBe('2026-12-01');
    expect(() => calendar.addWorkingDays('27-11-2026', 1)).toThrow(RangeError);
  });

  it('counts the days between as walking them one by one would, for 400 pairs of days over 2025-2027', () => {
    // The count is arithmetic (weekdays less weekday holidays); this walks, day by day, as a check.
    const walk = (from: string, to: string) => {
      let n = 0;
      for (let d = from; d < to;) {
        d = addCalendarDays(d, 1);
        if (calendar.isWorkingDay(d)) n++;
      }
      return n;
    };
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 400; i++) {
      const a = addCalendarDays('2025-01-01', Math.floor(next() * 1095));
      const b = addCalendarDays(a, Math.floor(next() * 120) - 40);
      const forward = a <= b ? walk(a, b) : 0 - walk(b, a);
      expect(calendar.workingDaysBetween(a, b), `${a} → ${b}`).toBe(forward);
    }
  });
});
