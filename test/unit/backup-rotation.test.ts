/** Which backups rotation keeps: 7 daily, 4 weekly, 12 monthly, and always the newest. */
import { describe, expect, it } from 'vitest';
import { isoWeek, toKeep } from '../../src/main/backups/rotation';

/** One backup a day at 23:00 WIB (16:00 UTC) for `days` days ending on `last`. */
function daily(last: string, days: number) {
  const end = Date.parse(`${last}T16:00:00Z`);
  return Array.from({ length: days }, (_, i) => ({ takenAt: new Date(end - i * 86_400_000).toISOString() }));
}
const daysOf = (set: Set<{ takenAt: string }>) =>
  [...set].map((b) => new Date(Date.parse(b.takenAt) + 7 * 3600_000).toISOString().slice(0, 10)).sort();

describe('backup rotation', () => {
  it('numbers ISO weeks as the calendar does, across year ends', () => {
    expect(isoWeek('2026-11-30')).toBe('2026-W49'); // a Monday
    expect(isoWeek('2026-11-29')).toBe('2026-W48'); // a Sunday
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // Friday: still the last week of 2026
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // Monday: already week 1 of 2025
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });

  it('keeps everything while there are few', () => {
    const few = daily('2026-11-29', 5);
    expect(toKeep(few).size).toBe(5);
    expect(toKeep([]).size).toBe(0);
  });

  it('keeps the last 7 days, the newest of each of 4 weeks and of 12 months, over a year and a half', () => {
    const all = daily('2026-11-29', 540);
    const kept = daysOf(toKeep(all));
    // The last seven days.
    for (const d of [
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ])
      expect(kept).toContain(d);
    // The Sundays ending the three weeks before (the newest of each week).
    for (const d of ['2026-11-22', '2026-11-15', '2026-11-08']) expect(kept).toContain(d);
    expect(kept).not.toContain('2026-11-01'); // a fifth week back
    // The last day of each of the 11 months before this one.
    for (const d of ['2026-10-31', '2026-09-30', '2026-01-31', '2025-12-31']) expect(kept).toContain(d);
    expect(kept).not.toContain('2025-11-30'); // a thirteenth month back
    expect(kept).toHaveLength(7 + 3 + 11);
  });

  it('keeps the newest of several on one day, not the first', () => {
    const day = [
      { takenAt: '2026-11-29T02:00:00Z' },
      { takenAt: '2026-11-29T09:30:00Z' },
      { takenAt: '2026-11-29T05:00:00Z' },
    ];
    const many = [...day, ...daily('2026-11-28', 40)];
    const kept = toKeep(many);
    expect(kept.has(day[1]!)).toBe(true);
    expect(kept.has(day[0]!)).toBe(false);
    expect(kept.has(day[2]!)).toBe(false);
  });

  it('counts days in WIB: 23:30 WIB and 00:30 WIB the next day are two days', () => {
    const late = { takenAt: '2026-11-28T16:30:00Z' }; // 23:30 WIB on the 28th
    const early = { takenAt: '2026-11-28T17:30:00Z' }; // 00:30 WIB on the 29th
    expect(toKeep([late, early], { daily: 2, weekly: 0, monthly: 0 }).size).toBe(2);
    expect(toKeep([late, early], { daily: 1, weekly: 0, monthly: 0 }).size).toBe(1);
  });
});
