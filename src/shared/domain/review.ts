/**
 * The supervisor's day review: the rules that flag a saved record for a closer look, and where a
 * record stands in the review. Rules are named, each with the reason shown to the supervisor;
 * thresholds and which rules run are desk settings an admin changes (settings.reviewRules).
 */
export const reviewRuleNames = [
  'vagueLocation',
  'noCategory',
  'thinReport',
  'possibleDuplicate',
  'supervisoryNotInspektorat',
  'unreachable',
  'oldIncident',
  'outsideHours',
  'corrected',
  'afterClose',
] as const;
export type ReviewRuleName = (typeof reviewRuleNames)[number];

export interface ReviewRules {
  /** Rules that do not run. */
  off: ReviewRuleName[];
  /** A body with fewer words than this is too thin to act on. */
  minBodyWords: number;
  /** An incident older than this many days when the complaint was received (Perpres 76/2013: 30). */
  maxIncidentAgeDays: number;
  /** The counter's working hours, WIB, HH:MM; a save outside them (or on a day off) is flagged. */
  workStart: string;
  workEnd: string;
  /** The agency that takes berkadar pengawasan complaints (Permendagri 8/2023). */
  supervisoryAgency: string;
}

export const defaultReviewRules: ReviewRules = {
  off: [],
  minBodyWords: 15,
  maxIncidentAgeDays: 30,
  workStart: '07:30',
  workEnd: '16:00',
  supervisoryAgency: 'INSPEKTORAT',
};

/**
 * Where a record stands in the review: not looked at yet, marked reviewed, verified, returned to
 * its officer with a note, or corrected after a return (to be looked at again).
 */
export const reviewStates = ['open', 'reviewed', 'verified', 'returned', 'corrected'] as const;
export type ReviewState = (typeof reviewStates)[number];
/** States that count as done for closing the day. */
export const reviewDone: readonly ReviewState[] = ['reviewed', 'verified'];

/** History event kinds of the review (kept on the desk; the central server is not told). */
export const reviewEventKinds = ['TINJAU', 'KEMBALIKAN'] as const;
