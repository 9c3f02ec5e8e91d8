/** Vocabulary of a complaint record, modelled on SP4N-LAPOR! (see docs/domain.md). */
import { complaintActions } from './status-flow';
export const complaintTypes = ['PENGADUAN', 'ASPIRASI', 'PERMINTAAN_INFORMASI'] as const;
export type ComplaintType = (typeof complaintTypes)[number];

export const complaintStatuses = [
  'BARU',
  'TERVERIFIKASI',
  'TERDISPOSISI',
  'DITINDAKLANJUTI',
  'DITANGGAPI',
  'SELESAI',
  'TUNDA',
  'DIARSIPKAN',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/** History event kinds: receipt, each action of the status flow, and the desk's own records. */
export const eventKinds = [
  'DITERIMA',
  ...complaintActions,
  'KOREKSI',
  'CETAK',
  'PEMBUKAAN_DATA_PRIBADI',
  /** A change made centrally (verification, disposition, follow-up...), pulled from the server. */
  'PUSAT',
  /** The supervisor's day review: looked at, or returned to its officer with a note. */
  'TINJAU',
  'KEMBALIKAN',
  /** An attachment added to the record, or taken off it (data: attachmentId, sha256). */
  'LAMPIRAN',
  'LAMPIRAN_DIHAPUS',
] as const;
export type EventKind = (typeof eventKinds)[number];

export interface DeadlineRules {
  /** Verification and forwarding, working days after receipt. */
  verifyWorkingDays: number;
  /** Agency follow-up, working days after forwarding. */
  followUpWorkingDays: number;
  /** Overall answer, calendar days after receipt (UU 25/2009). */
  answerCalendarDays: number;
}

export const defaultDeadlineRules: DeadlineRules = {
  verifyWorkingDays: 3,
  followUpWorkingDays: 5,
  answerCalendarDays: 14,
};
