/**
 * Receipt numbers after a restore. A backup is older than the moment the PC failed: the numbers the
 * desk issued in between are on citizens' receipts but not in the restored database. The restore
 * therefore raises the floor of the daily sequence, from the backup's day on, above anything those
 * lost hours could have issued: generation 1 numbers from 10001, generation 2 from 20001, and so on
 * (a desk issues far fewer than 10,000 numbers a day). The floors are append-only. The same old
 * backup restored twice must not hand out one range twice: the restore notes the generation it used
 * beside the backup file (backups/restore.ts), and the next restore starts above it.
 */
import type { Sqlite } from '../platform/database';

export const floorStep = 10_000;

/**
 * A day's next number (named parameters :day = YYYYMMDD, :isoDay = YYYY-MM-DD), never below the floor
 * a restore set for that day; run inside the save's transaction.
 */
export const nextSequenceSql = `INSERT INTO receipt_sequences (day, last)
   VALUES (:day, (SELECT coalesce(max(floor), 0) FROM receipt_sequence_floors WHERE from_day <= :isoDay) + 1)
 ON CONFLICT(day) DO UPDATE SET last = max(last, excluded.last - 1) + 1 RETURNING last`;

export interface ReservedNumbers {
  generation: number;
  fromDay: string;
  /** The first sequence number the desk issues on and after fromDay. */
  firstSequence: number;
}

/** Raises the floor in a restored database (which the caller holds open and migrated). */
export function reserveNumbersAfterRestore(
  sqlite: Sqlite,
  backupDay: string,
  backupTakenAt: string,
  at: Date,
  /** Generations earlier restores of this backup used (noted beside the backup file). */
  usedElsewhere = 0,
): ReservedNumbers {
  return sqlite.transaction(() => {
    const previous = sqlite
      .prepare('SELECT coalesce(max(generation), 0) FROM receipt_sequence_floors')
      .pluck()
      .get() as number;
    // Past floors, and what the restored days already used, both stay below the new one.
    const highest = sqlite
      .prepare('SELECT coalesce(max(last), 0) FROM receipt_sequences WHERE day >= ?')
      .pluck()
      .get(backupDay.replace(/-/g, '')) as number;
    const generation = Math.max(previous + 1, Math.floor(highest / floorStep) + 1, usedElsewhere + 1);
    // Receipt numbers carry at most six sequence digits.
    if (generation > 99) throw new Error('no receipt-number range left for another restore');
    const floor = generation * floorStep;
    sqlite
      .prepare(
        'INSERT INTO receipt_sequence_floors (generation, from_day, floor, restored_at, backup_taken_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(generation, backupDay, floor, at.toISOString(), backupTakenAt);
    return { generation, fromDay: backupDay, firstSequence: floor + 1 };
  })();
}
