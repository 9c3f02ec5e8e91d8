/**
 * One key per action of the status flow, shown on its button and the same in both languages (the
 * hand learns them): V verifikasi, T teruskan, I (jawaban) instansi, P (tanggapan) pelapor, S selesai,
 * U tunda, L lanjutkan, A alihkan, R arsipkan, C catatan, D ID LAPOR!. K copies for LAPOR!.
 */
import type { ComplaintAction } from '../../../../shared/domain/status-flow';

export const actionKeys: Record<ComplaintAction, string> = {
  VERIFY: 'V',
  FORWARD: 'T',
  FOLLOW_UP: 'I',
  CITIZEN_REPLY: 'P',
  DONE: 'S',
  POSTPONE: 'U',
  RESUME: 'L',
  REROUTE: 'A',
  ARCHIVE: 'R',
  NOTE: 'C',
  LAPOR_ID: 'D',
};

export const copyForLaporKey = 'K';

/** The actions that may be done on several records at once (they need no text). */
export const bulkActions = ['VERIFY', 'FORWARD', 'DONE'] as const;

/** A plain letter typed outside a text field, as a shortcut (no modifier). */
export function shortcutLetter(e: KeyboardEvent | React.KeyboardEvent): string | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.key.length !== 1) return null;
  const target = e.target as HTMLElement;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable) return null;
  return e.key.toUpperCase();
}
