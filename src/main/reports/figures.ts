/**
 * The figures of a periodic report, computed from the records received in the period and their
 * status changes: pure, so a test can hold every figure against an independent count.
 *
 * Time-limit compliance, per stage, over the records received in the period:
 * - verification: from receipt to the first change out of BARU into a working status or the archive;
 * - agency follow-up: from the first TERDISPOSISI to the first follow-up (DITINDAKLANJUTI, DITANGGAPI
 *   or SELESAI) after it;
 * - answer: from receipt to the first follow-up, or to the archive.
 * A stage is kept when it was done on or before its deadline as the record holds it (deadlines are
 * fixed when computed and moved only by a postponement); late when done after it, or not done while
 * the deadline passed before the period's end. Durations are in working days of the desk's calendar,
 * with the working days a postponement stood still taken out.
 */
import type { WorkingCalendar } from '../../shared/calendar/working-days';
import { LateList } from './late-list';
import { milestonesOf, pausedBy, type Milestones, type ReportEvent } from './milestones';

export type { ReportEvent } from './milestones';

export interface ReportRow {
  id: string;
  receiptNumber: string;
  receivedDay: string;
  type: string;
  channel: string;
  categoryId: number | null;
  subcategoryId: number | null;
  agencyCode: string;
  kecamatanCode: string | null;
  desaCode: string | null;
  officerName: string;
  anonymous: number;
  confidential: number;
  supervisory: number;
  verifyDue: string;
  followUpDue: string;
  answerDue: string;
  delivery: 'sent' | 'waiting' | 'parked' | null;
}

export interface StageFigures {
  /** Records whose stage is judged: done, or not done with its deadline passed by the period's end. */
  judged: number;
  kept: number;
  /** kept / judged, or null when nothing is judged. */
  share: number | null;
  medianDays: number | null;
  p90Days: number | null;
  /**
   * Not done at the period's end although the deadline has passed, oldest first: all of them, or
   * the oldest `lateLimit` when the figures were asked with one (a report on screen).
   */
  lateAtEnd: Array<{ receiptNumber: string; due: string; workingDaysLate: number }>;
  /** How many are late at the end, listed or not. */
  lateCount: number;
}

export interface Figures {
  received: number;
  byType: Record<string, number>;
  byChannel: Record<string, number>;
  byCategory: Record<string, number>;
  bySubcategory: Record<string, number>;
  byAgency: Record<string, number>;
  byKecamatan: Record<string, number>;
  byDesa: Record<string, number>;
  byOfficer: Record<string, number>;
  statusAtEnd: Record<string, number>;
  compliance: { verify: StageFigures; followUp: StageFigures; answer: StageFigures };
  /**
   * Per agency (as routed now): its own follow-up stage and the answer stage, judged and kept, for the
   * compliance-per-agency chart and table.
   */
  complianceByAgency: Record<string, { followUp: AgencyStage; answer: AgencyStage }>;
  anonymous: number;
  confidential: number;
  supervisory: number;
  delivery: { sent: number; waiting: number; parked: number; none: number };
  topSubcategories: Array<{ id: number; count: number }>;
  /** Intake per day, or per week (Monday) for periods longer than 92 days. */
  series: { unit: 'day' | 'week'; points: Array<{ start: string; count: number }> };
}

type Key = string | number | null;
const bump = (counts: Map<Key, number>, key: Key) => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};
/** Counts as the figures give them: keys as text, none as '-'. */
const asRecord = (counts: Map<Key, number>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [k, n] of counts) out[k === null ? '-' : String(k)] = n;
  return out;
};
const breakdowns = ['byType', 'byChannel', 'byCategory', 'bySubcategory', 'byAgency', 'byKecamatan', 'byDesa', 'byOfficer', 'statusAtEnd'] as const;
type Breakdown = (typeof breakdowns)[number];

/** The nearest-rank percentile of sorted numbers; null for none. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The Monday on or before a day. */
const weekOf = (day: string) => {
  const t = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - weekday * 86_400_000).toISOString().slice(0, 10);
};

type Outcome = 'kept' | 'late' | null;
/** Judged and kept records of a stage, for one agency. */
export interface AgencyStage {
  judged: number;
  kept: number;
}
const judge = (into: AgencyStage, outcome: Outcome) => {
  if (outcome === null) return;
  into.judged++;
  if (outcome === 'kept') into.kept++;
};

class Stage {
  private durations: number[] = [];
  private judged = 0;
  private kept = 0;
  private readonly late: LateList;
  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly end: string,
    lateLimit: number | null,
  ) {
    this.late = new LateList(lateLimit);
  }

  /** Judges one record's stage: 'kept', 'late', or null when not judged (not begun, or not yet due). */
  add(receipt: string, start: string | null, done: string | null, due: string, paused: number): Outcome {
    if (start === null) return null; // the stage never began (not forwarded, say)
    if (done !== null && done <= this.end) {
      this.judged++;
      this.durations.push(Math.max(0, this.calendar.workingDaysBetween(start, done) - paused));
      if (done <= due) {
        this.kept++;
        return 'kept';
      }
      return 'late';
    }
    if (due < this.end) {
      this.judged++;
      this.late.add(receipt, due);
      return 'late';
    }
    return null;
  }

  figures(): StageFigures {
    const sorted = [...this.durations].sort((a, b) => a - b);
    return {
      judged: this.judged,
      kept: this.kept,
      share: this.judged ? this.kept / this.judged : null,
      medianDays: percentile(sorted, 50),
      p90Days: percentile(sorted, 90),
      lateAtEnd: this.late
        .sorted()
        .map((l) => ({ ...l, workingDaysLate: this.calendar.workingDaysBetween(l.due, this.end) })),
      lateCount: this.late.count,
    };
  }
}

/**
 * The figures of a period, counted one record at a time (a year's report never holds its 340,000
 * records at once): `add` each record with its milestones (milestones.ts), then `result`.
 */
export class FiguresTally {
  /** What is counted as records come; the breakdowns, stages and series are made into figures at the end. */
  private readonly f: Pick<
    Figures,
    'received' | 'anonymous' | 'confidential' | 'supervisory' | 'delivery' | 'complianceByAgency'
  > = {
    received: 0,
    anonymous: 0,
    confidential: 0,
    supervisory: 0,
    delivery: { sent: 0, waiting: 0, parked: 0, none: 0 },
    complianceByAgency: {},
  };
  private readonly stages: Record<'verify' | 'followUp' | 'answer', Stage>;
  private readonly weekly: boolean;
  private readonly perPoint = new Map<string, number>();
  private day = '';
  private point = '';
  private readonly counts = Object.fromEntries(breakdowns.map((b) => [b, new Map<Key, number>()])) as Record<
    Breakdown,
    Map<Key, number>
  >;

  constructor(
    private readonly period: { from: string; to: string },
    calendar: WorkingCalendar,
    /** How many of the late records to list, oldest first (null: all); the count is of all. */
    lateLimit: number | null = null,
  ) {
    this.stages = {
      verify: new Stage(calendar, period.to, lateLimit),
      followUp: new Stage(calendar, period.to, lateLimit),
      answer: new Stage(calendar, period.to, lateLimit),
    };
    this.weekly = Date.parse(period.to) - Date.parse(period.from) > 92 * 86_400_000;
  }

  /** Counts one record; keeps neither object (the caller may fill the same ones in for the next). */
  add(r: ReportRow, m: Milestones) {
    const { f, stages, counts } = this;
    f.received++;
    bump(counts.byType, r.type);
    bump(counts.byChannel, r.channel);
    bump(counts.byCategory, r.categoryId);
    bump(counts.bySubcategory, r.subcategoryId);
    bump(counts.byAgency, r.agencyCode);
    bump(counts.byKecamatan, r.kecamatanCode);
    bump(counts.byDesa, r.desaCode);
    bump(counts.byOfficer, r.officerName);
    if (r.anonymous) f.anonymous++;
    if (r.confidential) f.confidential++;
    if (r.supervisory) f.supervisory++;
    f.delivery[r.delivery ?? 'none']++;
    // Records come mostly in order of their day: its point is worked out once per run of a day.
    if (r.receivedDay !== this.day) {
      this.day = r.receivedDay;
      this.point = this.weekly ? weekOf(r.receivedDay) : r.receivedDay;
    }
    this.perPoint.set(this.point, (this.perPoint.get(this.point) ?? 0) + 1);

    const { verifiedOn, forwardedOn, followedUpOn, answeredOn, pauses } = m;
    bump(counts.statusAtEnd, m.statusAtEnd);
    stages.verify.add(r.receiptNumber, r.receivedDay, verifiedOn, r.verifyDue, pausedBy(pauses, verifiedOn));
    const followUp = stages.followUp.add(
      r.receiptNumber,
      forwardedOn,
      followedUpOn,
      r.followUpDue,
      pausedBy(pauses, followedUpOn) - pausedBy(pauses, forwardedOn),
    );
    const answer = stages.answer.add(r.receiptNumber, r.receivedDay, answeredOn, r.answerDue, pausedBy(pauses, answeredOn));
    if (followUp !== null || answer !== null) {
      const agency = (f.complianceByAgency[r.agencyCode] ??= {
        followUp: { judged: 0, kept: 0 },
        answer: { judged: 0, kept: 0 },
      });
      judge(agency.followUp, followUp);
      judge(agency.answer, answer);
    }
  }

  result(): Figures {
    const { stages } = this;
    const counts = Object.fromEntries(breakdowns.map((b) => [b, asRecord(this.counts[b])])) as Record<
      Breakdown,
      Record<string, number>
    >;
    return {
      ...this.f,
      ...counts,
      compliance: {
        verify: stages.verify.figures(),
        followUp: stages.followUp.figures(),
        answer: stages.answer.figures(),
      },
      topSubcategories: Object.entries(counts.bySubcategory)
        .filter(([id]) => id !== '-')
        .map(([id, count]) => ({ id: Number(id), count }))
        .sort((a, b) => b.count - a.count || a.id - b.id)
        .slice(0, 10),
      series: {
        unit: this.weekly ? 'week' : 'day',
        points: [...this.perPoint.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([start, count]) => ({ start, count })),
      },
    };
  }
}

/** Figures of the records received in [from, to], judged as of the end of `to` (WIB). */
export function computeFigures(
  rows: ReportRow[],
  events: ReportEvent[],
  period: { from: string; to: string },
  calendar: WorkingCalendar,
): Figures {
  const byComplaint = new Map<string, ReportEvent[]>();
  for (const e of events) {
    const list = byComplaint.get(e.complaintId);
    if (list) list.push(e);
    else byComplaint.set(e.complaintId, [e]);
  }
  const tally = new FiguresTally(period, calendar);
  for (const r of rows) tally.add(r, milestonesOf(byComplaint.get(r.id) ?? [], period.to));
  return tally.result();
}
