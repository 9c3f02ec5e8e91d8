/**
 * Which backups to keep: the newest of each of the last 7 days that have one, of the last 4 ISO weeks
 * and of the last 12 months (grandfather-father-son), and always the newest good one. Pure: a list of
 * taken times in, the set to keep out. Days, weeks and months are WIB.
 */
import { wibDate } from '../../shared/calendar/working-days';

export interface Rotation {
  daily: number;
  weekly: number;
  monthly: number;
}
export const defaultRotation: Rotation = { daily: 7, weekly: 4, monthly: 12 };

/** Monday-based ISO week of a YYYY-MM-DD day, as YYYY-Www (the ISO year may differ at the edges). */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7;
  const week1Monday = firstThursday.getTime() - firstWeekday * 86_400_000;
  const week = Math.floor((thursday.getTime() - week1Monday) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function toKeep<T extends { takenAt: string }>(backups: T[], rotation = defaultRotation): Set<T> {
  const newestFirst = [...backups].sort((a, b) =>
    a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0,
  );
  const keep = new Set<T>();
  if (newestFirst[0]) keep.add(newestFirst[0]);
  const buckets: Array<[number, (day: string) => string]> = [
    [rotation.daily, (day) => day],
    [rotation.weekly, isoWeek],
    [rotation.monthly, (day) => day.slice(0, 7)],
  ];
  for (const [count, bucketOf] of buckets) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const bucket = bucketOf(wibDate(new Date(backup.takenAt)));
      if (seen.has(bucket)) continue;
      if (seen.size >= count) break;
      seen.add(bucket);
      keep.add(backup);
    }
  }
  return keep;
}
