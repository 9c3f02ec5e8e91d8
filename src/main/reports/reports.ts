/**
 * Laporan berkala: the figures of a period (and the one before it, for the change), read with one
 * query for the records and one for their status changes, then counted by computeFigures.
 */
import { msg } from '../../shared/i18n';
import type { Statement } from 'better-sqlite3';
import type { z } from 'zod';
import type { reportInput } from '../../shared/contract/reports';
import { previousPeriod, resolvePeriod, type PeriodInput } from '../../shared/domain/report-period';
import { deliverySql } from '../forwarding';
import type { CoreContext } from '../platform/context';
import type { Reference } from '../reference';
import { reportCharts } from './charts';
import { computeFigures, type ReportEvent, type ReportRow } from './figures';

export type ReportInput = z.output<typeof reportInput>;
export type Scope = ReportInput['scope'];

/** The column a scope filters on; its value is bound, never written into the SQL. */
const scopeColumn: Record<Exclude<Scope['kind'], 'desk'>, string> = {
  agency: 'c.agency_code',
  kecamatan: 'c.kecamatan_code',
  category: 'c.category_id',
  channel: 'c.channel',
};

export function createReports(ctx: CoreContext, reference: Reference) {
  const { sqlite, clock } = ctx;
  const statements = new Map<string, { rows: Statement<unknown[]>; events: Statement<unknown[]> }>();

  function queries(scope: Scope) {
    const key = scope.kind;
    let found = statements.get(key);
    if (!found) {
      const filter = scope.kind === 'desk' ? '' : `AND ${scopeColumn[scope.kind]} = ?`;
      found = {
        rows: sqlite.prepare(`
          SELECT c.id, c.receipt_number AS receiptNumber, c.received_day AS receivedDay, c.type, c.channel,
            c.category_id AS categoryId, c.subcategory_id AS subcategoryId, c.agency_code AS agencyCode,
            c.kecamatan_code AS kecamatanCode, c.desa_code AS desaCode, a.display_name AS officerName,
            c.anonymous, c.confidential, c.supervisory, c.verify_due AS verifyDue,
            c.follow_up_due AS followUpDue, c.answer_due AS answerDue, ${deliverySql} AS delivery
          FROM complaints c JOIN accounts a ON a.id = c.officer_id
          WHERE c.received_day BETWEEN ? AND ? ${filter}
          ORDER BY c.received_day, c.received_at, c.seq`),
        events: sqlite.prepare(`
          SELECT e.complaint_id AS complaintId, e.kind, e.at, e.to_status AS toStatus,
            CASE WHEN e.kind = 'RESUME' THEN json_extract(e.data, '$.pausedWorkingDays') END AS pausedWorkingDays
          FROM complaints c JOIN complaint_events e ON e.complaint_id = c.id
          WHERE c.received_day BETWEEN ? AND ? ${filter} AND (e.to_status IS NOT NULL OR e.kind = 'RESUME')
          ORDER BY e.complaint_id, e.at, e.id`),
      };
      statements.set(key, found);
    }
    return found;
  }

  const bind = (scope: Scope) =>
    scope.kind === 'desk' ? [] : [scope.kind === 'category' ? Number(scope.code) : scope.code];

  function figuresOf(period: { from: string; to: string }, scope: Scope) {
    const q = queries(scope);
    const args: unknown[] = [period.from, period.to, ...bind(scope)];
    return computeFigures(
      q.rows.all(...args) as ReportRow[],
      q.events.all(...args) as ReportEvent[],
      period,
      reference.calendar(),
    );
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
    report(input: ReportInput) {
      const period = resolvePeriod(input.period as PeriodInput);
      const previous = previousPeriod(input.period as PeriodInput);
      const current = figuresOf(period, input.scope);
      const before = figuresOf(previous, input.scope);
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
