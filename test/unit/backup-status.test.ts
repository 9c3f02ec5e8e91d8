/** What Beranda warns about backups, decided from the newest attempts (pure). */
import { describe, expect, it } from 'vitest';
import { warningsFor } from '../../src/main/backups/status';

const now = Date.parse('2026-11-29T10:00:00Z');
const base = {
  now,
  damaged: false,
  lastGood: { takenAt: '2026-11-29T09:00:00Z', second: 'good' },
  lastFailed: undefined,
  recoverySet: true,
  second: 'E:\\Cadangan',
  secondExists: true,
};

describe('backup warnings', () => {
  it('says nothing when a verified backup of today reached the second place and a passphrase is set', () => {
    expect(warningsFor(base)).toEqual([]);
  });
  it('warns of a backup older than a day, not of one a minute younger than that', () => {
    expect(warningsFor({ ...base, lastGood: { takenAt: '2026-11-28T09:59:00Z', second: 'good' } })).toEqual([
      'stale',
    ]);
    expect(warningsFor({ ...base, lastGood: { takenAt: '2026-11-28T10:01:00Z', second: 'good' } })).toEqual(
      [],
    );
  });
  it('warns of no backup, no passphrase, no second place, in that order, damage first', () => {
    expect(
      warningsFor({
        ...base,
        damaged: true,
        lastGood: undefined,
        recoverySet: false,
        second: null,
        secondExists: false,
      }),
    ).toEqual(['damaged', 'none', 'noRecovery', 'noSecond']);
  });
  it('warns when the second place is gone, or the last copy there failed', () => {
    expect(warningsFor({ ...base, secondExists: false })).toEqual(['secondMissing']);
    expect(
      warningsFor({ ...base, lastGood: { takenAt: '2026-11-29T09:00:00Z', second: 'failed: disk penuh' } }),
    ).toEqual(['secondMissing']);
  });
  it('warns of a failed attempt only when it is newer than the last good backup', () => {
    expect(warningsFor({ ...base, lastFailed: { takenAt: '2026-11-29T09:30:00Z' } })).toEqual(['lastFailed']);
    expect(warningsFor({ ...base, lastFailed: { takenAt: '2026-11-29T08:30:00Z' } })).toEqual([]);
    expect(
      warningsFor({ ...base, lastGood: undefined, lastFailed: { takenAt: '2026-11-29T08:30:00Z' } }),
    ).toEqual(['none', 'lastFailed']);
  });
});
