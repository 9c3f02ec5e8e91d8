/**
 * Deadlines count only the holidays in the table. When the year a deadline may fall in has no
 * holidays yet (the SKB 3 Menteri for next year is published in the autumn), the desk says so.
 */
import type { IsoDate } from './working-days';

/** Years that deadlines set today may reach (from October on, next year too) with no holiday entered. */
export function yearsWithoutHolidays(today: IsoDate, holidays: Iterable<IsoDate>): number[] {
  const have = new Set<number>();
  for (const h of holidays) have.add(Number(h.slice(0, 4)));
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const needed = month >= 10 ? [year, year + 1] : [year];
  return needed.filter((y) => !have.has(y));
}
