/**
 * The figures of one period, read and counted: each record with its milestones from the covering index
 * complaints_report (migration 0015 keeps them on the row, so no history is read), counted by
 * FiguresTally.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { WorkingCalendar } from '../../shared/calendar/working-days';
import type { reportInput } from '../../shared/contract/reports';
import { deliveryManySql } from '../forwarding';
import { FiguresTally, type Figures, type ReportRow } from './figures';
import { pausesOf, type Milestones } from './milestones';

export type ReportInput = z.output<typeof reportInput>;
export type Scope = ReportInput['scope'];

/** The column a scope filters on; its value is bound, never written into the SQL. */
export const scopeFilter: Record<Scope['kind'], string> = {
  desk: '',
  agency: 'AND c.agency_code = ?',
  kecamatan: 'AND c.kecamatan_code = ?',
  category: 'AND c.category_id = ?',
  channel: 'AND c.channel = ?',
};

/** The period and the scope's value, as the queries bind them. */
export const scopeArgs = (period: { from: string; to: string }, scope: Scope): unknown[] =>
  scope.kind === 'desk'
    ? [period.from, period.to]
    : [period.from, period.to, scope.kind === 'category' ? Number(scope.code) : scope.code];

/** How many records of the scope were received in the period. */
export const countInPeriod = (reader: Database.Database, period: { from: string; to: string }, scope: Scope) =>
  reader
    .prepare(`SELECT count(*) FROM complaints c WHERE c.received_day BETWEEN ? AND ? ${scopeFilter[scope.kind]}`)
    .pluck()
    .get(...scopeArgs(period, scope)) as number;

/**
 * Each record with its milestones (migration 0015 keeps them on the row, so no history is read) and
 * its status at the period's end: the last status change's when that was by then, or else the last one
 * by then looked up in its history (records changed after the period: most of a recent month's).
 * Binds: the period's last day twice, then scopeArgs.
 */
const recordsSql = (scope: Scope) => `
  SELECT c.receipt_number, c.received_day, c.type, c.channel, c.category_id, c.subcategory_id,
    c.agency_code, c.kecamatan_code, c.desa_code, c.officer_id, c.anonymous, c.confidential,
    c.supervisory, c.verify_due, c.follow_up_due, c.answer_due, ${deliveryManySql.column} AS delivery,
    CASE WHEN c.last_change_day IS NULL THEN 'BARU'
      WHEN c.last_change_day <= ? THEN c.last_change_status
      ELSE coalesce((SELECT e.to_status FROM complaint_events e WHERE e.complaint_id = c.id
        AND e.to_status <> '' AND date(e.at, '+7 hours') <= ? ORDER BY e.at DESC, e.id DESC LIMIT 1), 'BARU')
    END,
    c.verified_day, c.forwarded_day, c.followed_up_day, c.answered_day, c.pauses
  FROM complaints c ${deliveryManySql.join}
  WHERE c.received_day BETWEEN ? AND ? ${scopeFilter[scope.kind]}
  ORDER BY c.received_day, c.seq`;

type Day = string | null;
type RawRecord = [
  string, string, string, string, number | null, number | null, string, string | null, string | null,
  string, number, number, number, string, string, string, ReportRow['delivery'],
  string, Day, Day, Day, Day, string | null,
];

/** How a long count gives the event loop back (a job's), or does not need to (a worker's). */
export interface Pace {
  due(): boolean;
  pause(): Promise<void>;
}

/** The figures of the records of `scope` received in `period`; `counted` is called once per record. */
export async function tallyPeriod(
  reader: Database.Database,
  period: { from: string; to: string },
  scope: Scope,
  calendar: WorkingCalendar,
  officers: Map<string, string>,
  counted: () => void,
  pace: Pace,
  lateLimit: number | null = null,
): Promise<Figures> {
  const tally = new FiguresTally(period, calendar, lateLimit);
  const read = reader.prepare(recordsSql(scope)).raw();
  // One row and one set of milestones, filled in for each record: add() keeps neither (an object
  // pair per record was a tenth of a year's report).
  const row: ReportRow = {
    id: '',
    receiptNumber: '',
    receivedDay: '',
    type: '',
    channel: '',
    categoryId: null,
    subcategoryId: null,
    agencyCode: '',
    kecamatanCode: null,
    desaCode: null,
    officerName: '',
    anonymous: 0,
    confidential: 0,
    supervisory: 0,
    verifyDue: '',
    followUpDue: '',
    answerDue: '',
    delivery: null,
  };
  const m: Milestones = {
    statusAtEnd: '',
    verifiedOn: null,
    forwardedOn: null,
    followedUpOn: null,
    answeredOn: null,
    pauses: null,
  };
  for (const r of read.iterate(period.to, period.to, ...scopeArgs(period, scope)) as Iterable<RawRecord>) {
    row.receiptNumber = r[0];
    row.receivedDay = r[1];
    row.type = r[2];
    row.channel = r[3];
    row.categoryId = r[4];
    row.subcategoryId = r[5];
    row.agencyCode = r[6];
    row.kecamatanCode = r[7];
    row.desaCode = r[8];
    row.officerName = officers.get(r[9]) ?? r[9];
    row.anonymous = r[10];
    row.confidential = r[11];
    row.supervisory = r[12];
    row.verifyDue = r[13];
    row.followUpDue = r[14];
    row.answerDue = r[15];
    row.delivery = r[16];
    m.statusAtEnd = r[17];
    m.verifiedOn = r[18];
    m.forwardedOn = r[19];
    m.followedUpOn = r[20];
    m.answeredOn = r[21];
    m.pauses = pausesOf(r[22]);
    tally.add(row, m);
    // Paced by hand, not through paced(): an await per record cost ~0.3 s on a year's report.
    counted();
    if (pace.due()) await pace.pause();
  }
  return tally.result();
}

/** The accounts' names by id, as the figures name officers. */
export const officerNames = (reader: Database.Database) =>
  reader.prepare('SELECT id, display_name FROM accounts').raw().all() as Array<[string, string]>;

