/**
 * The receipt-number floor after a restore (complaints/numbering.ts), decided on a real migrated
 * database: each restore takes a range above every earlier one, above what the restored days
 * already used, and above what a note beside the backup says was used; the days before the backup
 * keep their own numbering.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { floorStep, nextSequenceSql, reserveNumbersAfterRestore } from '../../src/main/complaints/numbering';
import { openDatabase } from '../../src/main/platform/database';
import { migrationsFolder, tempDir } from '../support/core';

const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

function database() {
  const dir = tempDir('desk-numbering-');
  const opened = openDatabase({ file: `${dir.path}/desk.sqlite`, migrationsFolder });
  cleanup.push(() => {
    opened.close();
    dir.remove();
  });
  return opened.sqlite;
}

const at = new Date('2026-11-27T05:00:00Z');
/** The next number of a day, as complaints.create takes it (the same statement). */
const next = (sqlite: ReturnType<typeof database>, isoDay: string) =>
  (sqlite.prepare(nextSequenceSql).get({ day: isoDay.replace(/-/g, ''), isoDay }) as { last: number }).last;

describe('receipt numbers after a restore', () => {
  it('start the first restore at 10001 from the backup day on, and leave earlier days alone', () => {
    const sqlite = database();
    expect(next(sqlite, '2026-11-25')).toBe(1);
    expect(next(sqlite, '2026-11-26')).toBe(1);
    expect(next(sqlite, '2026-11-26')).toBe(2);
    const r = reserveNumbersAfterRestore(sqlite, '2026-11-26', '2026-11-26T10:00:00Z', at);
    expect(r).toEqual({ generation: 1, fromDay: '2026-11-26', firstSequence: floorStep + 1 });
    expect(next(sqlite, '2026-11-26')).toBe(10_001); // the backup's own day, already begun
    expect(next(sqlite, '2026-11-26')).toBe(10_002);
    expect(next(sqlite, '2026-11-27')).toBe(10_001); // a day after
    expect(next(sqlite, '2026-11-25')).toBe(2); // a day before the backup keeps counting
  });

  it('take the next range at each further restore, above the days already used and any noted elsewhere', () => {
    const sqlite = database();
    reserveNumbersAfterRestore(sqlite, '2026-11-26', '2026-11-26T10:00:00Z', at);
    expect(reserveNumbersAfterRestore(sqlite, '2026-11-20', '2026-11-20T10:00:00Z', at).generation).toBe(2);
    // A backup note says generation 5 was used on another PC.
    expect(reserveNumbersAfterRestore(sqlite, '2026-11-26', '2026-11-26T10:00:00Z', at, 5).generation).toBe(
      6,
    );
    expect(next(sqlite, '2026-11-28')).toBe(6 * floorStep + 1);
  });

  it('stay above what the restored days already reached, even without a floor recorded', () => {
    const sqlite = database();
    sqlite.prepare("INSERT INTO receipt_sequences (day, last) VALUES ('20261126', 23456)").run();
    sqlite.prepare("INSERT INTO receipt_sequences (day, last) VALUES ('20261120', 99999)").run(); // before: ignored
    const r = reserveNumbersAfterRestore(sqlite, '2026-11-26', '2026-11-26T10:00:00Z', at);
    expect(r.generation).toBe(3);
    expect(next(sqlite, '2026-11-26')).toBe(30_001);
  });

  it('refuse a restore that would need more than six sequence digits', () => {
    const sqlite = database();
    expect(() => reserveNumbersAfterRestore(sqlite, '2026-11-26', '2026-11-26T10:00:00Z', at, 99)).toThrow(
      /no receipt-number range/,
    );
    expect(reserveNumbersAfterRestore(sqlite, '2026-11-26', '2026-11-26T10:00:00Z', at, 98).generation).toBe(
      99,
    );
  });
});
