/** What Beranda is told about backups: the newest attempts, and the warnings they call for (pure). */
import { desc, eq } from 'drizzle-orm';
import type { backupWarnings } from '../../shared/contract/backups';
import type { Db } from '../platform/database';
import { backups } from './schema';

/** A good backup older than this is a warning on Beranda. */
export const staleAfterMs = 24 * 60 * 60 * 1000;

/** The newest backup with this outcome. */
export function newestWith(db: Db, outcome: 'good' | 'failed') {
  return db
    .select({
      takenAt: backups.takenAt,
      fileName: backups.fileName,
      second: backups.secondOutcome,
      error: backups.error,
    })
    .from(backups)
    .where(eq(backups.outcome, outcome))
    .orderBy(desc(backups.id))
    .limit(1)
    .get();
}

export function warningsFor(s: {
  now: number;
  damaged: boolean;
  lastGood: { takenAt: string; second: string | null } | undefined;
  lastFailed: { takenAt: string } | undefined;
  recoverySet: boolean;
  second: string | null;
  secondExists: boolean;
}): Array<(typeof backupWarnings)[number]> {
  const warnings: Array<(typeof backupWarnings)[number]> = [];
  if (s.damaged) warnings.push('damaged');
  if (!s.lastGood) warnings.push('none');
  else if (s.now - Date.parse(s.lastGood.takenAt) > staleAfterMs) warnings.push('stale');
  if (!s.recoverySet) warnings.push('noRecovery');
  if (!s.second) warnings.push('noSecond');
  else if (!s.secondExists || (s.lastGood && s.lastGood.second !== 'good')) warnings.push('secondMissing');
  if (s.lastFailed && (!s.lastGood || s.lastFailed.takenAt > s.lastGood.takenAt)) warnings.push('lastFailed');
  return warnings;
}

/** What a backup that was made reports. */
export interface BackupSummary {
  fileName: string;
  path: string;
  takenAt: string;
  bytes: number;
  durationMs: number;
  counts: { complaints: number; events: number; audit: number; accounts: number };
  withRecovery: boolean;
  second: string | null;
  removed: number;
}
