/**
 * A record's milestones for the periodic reports: what its history says (status at a period's end,
 * the days it was verified, forwarded, followed up and answered, the pauses), from its events in memory.
 * The desk keeps the same on the record's row (migration 0015), so that a report reads no history.
 */

/** A status change (or a RESUME, which says how long the clock stood still). */
export interface ReportEvent {
  complaintId: string;
  kind: string;
  at: string;
  toStatus: string | null;
  pausedWorkingDays: number | null;
}

const verified = new Set(['TERVERIFIKASI', 'TERDISPOSISI', 'DITINDAKLANJUTI', 'DITANGGAPI', 'SELESAI', 'DIARSIPKAN']);
const followedUp = new Set(['DITINDAKLANJUTI', 'DITANGGAPI', 'SELESAI']);
const answered = new Set([...followedUp, 'DIARSIPKAN']);

/**
 * The WIB day of an instant (UTC+7, no daylight saving), for hundreds of thousands of events: the
 * day of each UTC hour is worked out once.
 */
const wibDays = new Map<string, string>();
export function wibDay(iso: string): string {
  const hour = iso.slice(0, 13);
  let day = wibDays.get(hour);
  if (day === undefined) {
    day = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
    if (wibDays.size > 100_000) wibDays.clear();
    wibDays.set(hour, day);
  }
  return day;
}

export interface Pause {
  day: string;
  days: number;
}
/** Working days the clock stood still up to a day (RESUME events on or before it). */
export function pausedBy(pauses: Pause[] | null, done: string | null): number {
  if (done === null || pauses === null) return 0;
  let sum = 0;
  for (const p of pauses) if (p.day <= done) sum += p.days;
  return sum;
}

/**
 * What a record's history says for a report: its status at the period's end and the WIB days of its
 * milestones. The desk keeps these on the record's row (the view complaint_milestones_of in migration
 * 0015, written by a trigger), so a report reads no history; this is the same definition over events
 * in memory, for computeFigures and for the test that holds the two against each other.
 */
export interface Milestones {
  statusAtEnd: string;
  /** The first change into a working status or the archive. */
  verifiedOn: string | null;
  /** The first TERDISPOSISI. */
  forwardedOn: string | null;
  /** The first follow-up (DITINDAKLANJUTI, DITANGGAPI or SELESAI) after the first TERDISPOSISI. */
  followedUpOn: string | null;
  /** The first follow-up, or the archive. */
  answeredOn: string | null;
  /** The working days each RESUME says the clock stood still, on the RESUME's day. */
  pauses: Pause[] | null;
}

/** The milestones of a record from its events in order of time, with its status at the end of `periodTo`. */
export function milestonesOf(events: readonly ReportEvent[], periodTo: string): Milestones {
  const m: Milestones = {
    statusAtEnd: 'BARU',
    verifiedOn: null,
    forwardedOn: null,
    followedUpOn: null,
    answeredOn: null,
    pauses: null,
  };
  for (const e of events) {
    const day = wibDay(e.at);
    if (e.kind === 'RESUME' && e.pausedWorkingDays) (m.pauses ??= []).push({ day, days: e.pausedWorkingDays });
    if (!e.toStatus) continue;
    if (day <= periodTo) m.statusAtEnd = e.toStatus;
    if (m.verifiedOn === null && verified.has(e.toStatus)) m.verifiedOn = day;
    if (m.forwardedOn === null && e.toStatus === 'TERDISPOSISI') m.forwardedOn = day;
    if (m.forwardedOn !== null && m.followedUpOn === null && followedUp.has(e.toStatus)) m.followedUpOn = day;
    if (m.answeredOn === null && answered.has(e.toStatus)) m.answeredOn = day;
  }
  return m;
}

/** The pauses as the milestone column keeps them ("day|days;…"), or null for none. */
export function pausesOf(text: string | null): Pause[] | null {
  if (!text) return null;
  return text.split(';').map((part) => {
    const [day, days] = part.split('|') as [string, string];
    return { day, days: Number(days) };
  });
}
