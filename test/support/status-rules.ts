/** The status flow's rules written out by hand from docs/domain.md, independent of the code under test. */
import type { ComplaintStatus } from '../../src/shared/domain/complaint';
import type { ComplaintAction } from '../../src/shared/domain/status-flow';

/**
 * The domain rules written out by hand (docs/domain.md, the SP4N-LAPOR! life cycle), not read from
 * the table under test: 1 = allowed. Columns: BARU, TERVERIFIKASI, TERDISPOSISI, DITINDAKLANJUTI,
 * DITANGGAPI, SELESAI, TUNDA, DIARSIPKAN. The status each allowed action leads to is written too.
 */
export const columns: ComplaintStatus[] = [
  'BARU',
  'TERVERIFIKASI',
  'TERDISPOSISI',
  'DITINDAKLANJUTI',
  'DITANGGAPI',
  'SELESAI',
  'TUNDA',
  'DIARSIPKAN',
];
export const expected: Record<
  ComplaintAction,
  { allowed: number[]; to: ComplaintStatus | 'same' | 'previous' }
> = {
  VERIFY: { allowed: [1, 0, 0, 0, 0, 0, 0, 0], to: 'TERVERIFIKASI' },
  FORWARD: { allowed: [0, 1, 0, 0, 0, 0, 0, 0], to: 'TERDISPOSISI' },
  FOLLOW_UP: { allowed: [0, 0, 1, 0, 0, 0, 0, 0], to: 'DITINDAKLANJUTI' },
  CITIZEN_REPLY: { allowed: [0, 0, 0, 1, 0, 0, 0, 0], to: 'DITANGGAPI' },
  // Done after the agency's follow-up, or after the citizen replied to it.
  DONE: { allowed: [0, 0, 0, 1, 1, 0, 0, 0], to: 'SELESAI' },
  POSTPONE: { allowed: [1, 1, 0, 0, 0, 0, 0, 0], to: 'TUNDA' },
  RESUME: { allowed: [0, 0, 0, 0, 0, 0, 1, 0], to: 'previous' },
  REROUTE: { allowed: [0, 1, 1, 1, 0, 0, 0, 0], to: 'TERDISPOSISI' },
  ARCHIVE: { allowed: [1, 1, 0, 0, 0, 0, 1, 0], to: 'DIARSIPKAN' },
  NOTE: { allowed: [1, 1, 1, 1, 1, 1, 1, 1], to: 'same' },
  LAPOR_ID: { allowed: [1, 1, 1, 1, 1, 0, 1, 0], to: 'same' },
};

/** Actions that need a written reason: follow-ups, replies, postponing, re-routing, archiving, notes. */
export const needsReason: ComplaintAction[] = [
  'FOLLOW_UP',
  'CITIZEN_REPLY',
  'POSTPONE',
  'REROUTE',
  'ARCHIVE',
  'NOTE',
];
export const closed: ComplaintStatus[] = ['SELESAI', 'DIARSIPKAN'];
