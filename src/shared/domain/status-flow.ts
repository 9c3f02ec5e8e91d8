/**
 * The status flow of a complaint, as one table (after the SP4N-LAPOR! life cycle, domain.md).
 * Every action a person takes on a complaint is listed here with the statuses it may start from
 * and the status it leads to; anything not in the table is refused.
 */
import type { ComplaintStatus } from './complaint';

export const complaintActions = [
  'VERIFY',
  'FORWARD',
  'FOLLOW_UP',
  'CITIZEN_REPLY',
  'DONE',
  'POSTPONE',
  'RESUME',
  'REROUTE',
  'ARCHIVE',
  'NOTE',
  'LAPOR_ID',
] as const;
export type ComplaintAction = (typeof complaintActions)[number];

export interface ActionRule {
  from: readonly ComplaintStatus[];
  /** 'same' keeps the status; 'previous' returns to the status before the postponement. */
  to: ComplaintStatus | 'same' | 'previous';
  /** A reason/text the person must give. */
  needsReason: boolean;
}

const open: readonly ComplaintStatus[] = [
  'BARU',
  'TERVERIFIKASI',
  'TERDISPOSISI',
  'DITINDAKLANJUTI',
  'DITANGGAPI',
  'TUNDA',
];

export const statusFlow: Record<ComplaintAction, ActionRule> = {
  VERIFY: { from: ['BARU'], to: 'TERVERIFIKASI', needsReason: false },
  FORWARD: { from: ['TERVERIFIKASI'], to: 'TERDISPOSISI', needsReason: false },
  FOLLOW_UP: { from: ['TERDISPOSISI'], to: 'DITINDAKLANJUTI', needsReason: true },
  CITIZEN_REPLY: { from: ['DITINDAKLANJUTI'], to: 'DITANGGAPI', needsReason: true },
  DONE: { from: ['DITINDAKLANJUTI', 'DITANGGAPI'], to: 'SELESAI', needsReason: false },
  POSTPONE: { from: ['BARU', 'TERVERIFIKASI'], to: 'TUNDA', needsReason: true },
  RESUME: { from: ['TUNDA'], to: 'previous', needsReason: false },
  REROUTE: {
    from: ['TERVERIFIKASI', 'TERDISPOSISI', 'DITINDAKLANJUTI'],
    to: 'TERDISPOSISI',
    needsReason: true,
  },
  ARCHIVE: { from: ['BARU', 'TERVERIFIKASI', 'TUNDA'], to: 'DIARSIPKAN', needsReason: true },
  NOTE: { from: [...open, 'SELESAI', 'DIARSIPKAN'], to: 'same', needsReason: true },
  LAPOR_ID: { from: open, to: 'same', needsReason: false },
};

export function allowedActions(status: ComplaintStatus): ComplaintAction[] {
  return complaintActions.filter((a) => statusFlow[a].from.includes(status));
}

export function isAllowed(action: ComplaintAction, status: ComplaintStatus): boolean {
  return statusFlow[action].from.includes(status);
}

export const openStatuses = open;
export const closedStatuses: readonly ComplaintStatus[] = ['SELESAI', 'DIARSIPKAN'];

export const archiveReasons = ['TIDAK_VALID', 'DUPLIKAT', 'DI_LUAR_KEWENANGAN'] as const;
export type ArchiveReason = (typeof archiveReasons)[number];
