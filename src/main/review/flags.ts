/**
 * The day review's flags: each rule looks at one saved record and, when it has a point, names it
 * with the reason's parameters (the screen says it with review.flags.<rule>). Pure: the record, the
 * rules as set, and the working calendar; nothing read from anywhere else.
 */
import { addCalendarDays, wibDate, type WorkingCalendar } from '../../shared/calendar/working-days';
import { checklistKeys, reportChecklist, wordCount } from '../../shared/domain/report-checklist';
import type { ReviewRuleName, ReviewRules } from '../../shared/domain/review';
import type { ReviewFlag } from '../../shared/contract/review';

/** What the rules read of a record. */
export interface FlagInput {
  title: string;
  body: string;
  kecamatanCode: string | null;
  desaCode: string | null;
  locationDetail: string | null;
  incidentDate: string | null;
  categoryId: number | null;
  subcategoryId: number | null;
  supervisory: boolean;
  anonymous: boolean;
  agencyCode: string;
  /** Any of phone, e-mail, address given (the values themselves are not needed). */
  reachable: boolean;
  receivedAt: string;
  receivedDay: string;
  corrected: boolean;
  /** The receipt number of an open complaint this one may repeat; null when none. */
  duplicateOf: string | null;
  afterClose: boolean;
}

/** Minutes since midnight of an HH:MM time. */
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** Minutes since midnight, WIB, of an instant. */
const wibMinutes = (instant: string) => {
  const d = new Date(Date.parse(instant) + 7 * 3_600_000);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
};

type Rule = (r: FlagInput, rules: ReviewRules, calendar: WorkingCalendar) => ReviewFlag['params'] | false;

/** Each rule: false when the record is fine, else the parameters of its reason. */
export const reviewRules: Record<ReviewRuleName, Rule> = {
  vagueLocation: (r) => !r.desaCode && !r.locationDetail?.trim() && {},
  noCategory: (r) => (r.categoryId === null || r.subcategoryId === null) && {},
  thinReport: (r, rules) => {
    const words = wordCount(r.body);
    const checklist = reportChecklist(r, rules.minBodyWords);
    const missing = checklistKeys.filter((k) => !checklist[k]);
    if (words >= rules.minBodyWords && missing.length === 0) return false;
    return { words, min: rules.minBodyWords, missing: missing.join(', ') || '-' };
  },
  possibleDuplicate: (r) => r.duplicateOf !== null && { receipt: r.duplicateOf },
  supervisoryNotInspektorat: (r, rules) =>
    r.supervisory && r.agencyCode !== rules.supervisoryAgency && { agency: r.agencyCode },
  unreachable: (r) => !r.anonymous && !r.reachable && {},
  oldIncident: (r, rules) => {
    if (!r.incidentDate) return false;
    const limit = addCalendarDays(r.receivedDay, -rules.maxIncidentAgeDays);
    return r.incidentDate < limit && { date: r.incidentDate, days: rules.maxIncidentAgeDays };
  },
  outsideHours: (r, rules, calendar) => {
    const at = wibMinutes(r.receivedAt);
    const day = wibDate(Date.parse(r.receivedAt));
    const inHours = at >= minutes(rules.workStart) && at < minutes(rules.workEnd);
    if (calendar.isWorkingDay(day) && inHours) return false;
    return { time: `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}` };
  },
  corrected: (r) => r.corrected && {},
  afterClose: (r) => r.afterClose && {},
};

/** The flags a record raises under the rules as set, in the rules' order. */
export function reviewFlags(record: FlagInput, rules: ReviewRules, calendar: WorkingCalendar): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  for (const [name, rule] of Object.entries(reviewRules) as Array<[ReviewRuleName, Rule]>) {
    if (rules.off.includes(name)) continue;
    const params = rule(record, rules, calendar);
    if (params === false) continue;
    flags.push(params && Object.keys(params).length ? { rule: name, params } : { rule: name });
  }
  return flags;
}
