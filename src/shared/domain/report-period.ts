/**
 * Report periods: a month, a triwulan (quarter), a semester, a year, or any range of WIB days, and
 * the period before it (for the change beside each figure). Whole days, inclusive at both ends.
 */
import { addCalendarDays } from '../calendar/working-days';

export const periodKinds = ['month', 'quarter', 'semester', 'year', 'range'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export type PeriodInput =
  | { kind: 'month'; year: number; index: number } // index 1-12
  | { kind: 'quarter'; year: number; index: number } // 1-4
  | { kind: 'semester'; year: number; index: number } // 1-2
  | { kind: 'year'; year: number }
  | { kind: 'range'; from: string; to: string };

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const months = (year: number, first: number, count: number): Period => ({
  from: `${year}-${pad(first)}-01`,
  to: `${year}-${pad(first + count - 1)}-${pad(lastDay(year, first + count - 1))}`,
});

/** The days a period covers. */
export function resolvePeriod(p: PeriodInput): Period {
  switch (p.kind) {
    case 'month':
      return months(p.year, p.index, 1);
    case 'quarter':
      return months(p.year, (p.index - 1) * 3 + 1, 3);
    case 'semester':
      return months(p.year, (p.index - 1) * 6 + 1, 6);
    case 'year':
      return months(p.year, 1, 12);
    case 'range':
      return { from: p.from, to: p.to };
  }
}

/** The period before: the previous month, quarter, semester or year; for a range, as many days just before. */
export function previousPeriod(p: PeriodInput): Period {
  switch (p.kind) {
    case 'month':
      return p.index === 1 ? months(p.year - 1, 12, 1) : months(p.year, p.index - 1, 1);
    case 'quarter':
      return resolvePeriod(
        p.index === 1 ? { ...p, year: p.year - 1, index: 4 } : { ...p, index: p.index - 1 },
      );
    case 'semester':
      return resolvePeriod(
        p.index === 1 ? { ...p, year: p.year - 1, index: 2 } : { ...p, index: p.index - 1 },
      );
    case 'year':
      return months(p.year - 1, 1, 12);
    case 'range': {
      const days = Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000) + 1;
      return { from: addCalendarDays(p.from, -days), to: addCalendarDays(p.from, -1) };
    }
  }
}

/** Days in a period (inclusive). */
export const periodDays = (p: Period) => Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000) + 1;
