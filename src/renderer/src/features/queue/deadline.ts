/** How a deadline stands today, counted in working days (the calendar skips weekends and holidays). */
import type { WorkingCalendar } from '../../../../shared/calendar/working-days';

export type DeadlineState =
  { kind: 'none' } | { kind: 'late'; days: number } | { kind: 'today' } | { kind: 'future'; days: number };

export function deadlineState(due: string | null, today: string, calendar: WorkingCalendar): DeadlineState {
  if (!due) return { kind: 'none' };
  if (due === today) return { kind: 'today' };
  const days = calendar.workingDaysBetween(due, today);
  if (due < today) return { kind: 'late', days: Math.max(1, days) };
  return { kind: 'future', days: -days };
}
