/**
 * Laporan berkala: the figures of a period (and the one before it, for the change), read as a job
 * (platform/jobs.ts: its own connection, the event loop given back every few milliseconds, progress,
 * cancel) with one query: each record with its milestones from the covering index complaints_report,
 * counted by FiguresTally.
 */
import { msg } from '../../shared/i18n';
import type { z } from 'zod';
import type { reportInput } from '../../shared/contract/reports';
import { previousPeriod, resolvePeriod, type PeriodInput } from '../../shared/domain/report-period';
import { deliveryManySql } from '../forwarding';
import type { CoreContext } from '../platform/context';
import type Database from 'better-sqlite3';
import type { Job } from '../platform/jobs';
import type { Reference } from '../reference';
import { reportCharts } from './charts';
import { FiguresTally, type Figures, type ReportRow } from './figures';
import { pausesOf } from './milestones';

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

export function createReports(ctx: CoreContext, reference: Reference) {
  const { clock } = ctx;

  async function figuresOf(
    job: Job,
    period: { from: string; to: string },
    scope: Scope,
    officers: Map<string, string>,
    progress: () => void,
  ): Promise<Figures> {
    const tally = new FiguresTally(period, reference.calendar());
    const read = job.reader().prepare(recordsSql(scope)).raw();
    for (const r of read.iterate(period.to, period.to, ...scopeArgs(period, scope)) as Iterable<RawRecord>) {
      tally.add(
        {
          id: '',
          receiptNumber: r[0],
          receivedDay: r[1],
          type: r[2],
          channel: r[3],
          categoryId: r[4],
          subcategoryId: r[5],
          agencyCode: r[6],
          kecamatanCode: r[7],
          desaCode: r[8],
          officerName: officers.get(r[9]) ?? r[9],
          anonymous: r[10],
          confidential: r[11],
          supervisory: r[12],
          verifyDue: r[13],
          followUpDue: r[14],
          answerDue: r[15],
          delivery: r[16],
        },
        {
          statusAtEnd: r[17],
          verifiedOn: r[18],
          forwardedOn: r[19],
          followedUpOn: r[20],
          answeredOn: r[21],
          pauses: pausesOf(r[22]),
        },
      );
      // Paced by hand, not through paced(): an await per record cost ~0.3 s on a year's report.
      progress();
      if (job.due()) await job.pause();
    }
    return tally.result();
  }

  function scopeName(scope: Scope): string {
    switch (scope.kind) {
      case 'desk':
        return msg('print.report.wholeDesk');
      case 'agency':
        return reference.agency(scope.code!)?.name ?? scope.code!;
      case 'kecamatan':
        return reference.region(scope.code!)?.name ?? scope.code!;
      case 'category':
        return reference.category(Number(scope.code))?.name ?? scope.code!;
      case 'channel':
        return reference.channel(scope.code!)?.name ?? scope.code!;
    }
  }

  return {
    async report(input: ReportInput, job: Job) {
      const period = resolvePeriod(input.period as PeriodInput);
      const previous = previousPeriod(input.period as PeriodInput);
      const reader = job.reader();
      const total = countInPeriod(reader, period, input.scope) + countInPeriod(reader, previous, input.scope);
      const officers = new Map(
        (reader.prepare('SELECT id, display_name FROM accounts').raw().all() as Array<[string, string]>).map(
          ([id, name]) => [id, name],
        ),
      );
      let done = 0;
      const progress = () => {
        if ((++done & 1023) === 0) job.progress('read', done, total);
      };
      const current = await figuresOf(job, period, input.scope, officers, progress);
      const before = await figuresOf(job, previous, input.scope, officers, progress);
      job.progress('read', total, total);
      const charts = reportCharts(current, before, {
        channel: (c) => reference.channel(c)?.name ?? c,
        agency: (c) => reference.agency(c)?.name ?? c,
      });
      return {
        period,
        previous,
        scope: { ...input.scope, name: scopeName(input.scope) },
        current,
        before,
        charts,
        generatedAt: clock().toISOString(),
      };
    },
  };
}
export type Reports = ReturnType<typeof createReports>;
