/**
 * Laporan berkala: the figures of a period and of the one before it (for the change), read as a job
 * (platform/jobs.ts: its own connection, one snapshot, the event loop given back every few
 * milliseconds, progress, cancel). Each period is one query (period-figures.ts).
 */
import { msg } from '../../shared/i18n';
import { previousPeriod, resolvePeriod, type PeriodInput } from '../../shared/domain/report-period';
import type { CoreContext } from '../platform/context';
import type { Job } from '../platform/jobs';
import type { Reference } from '../reference';
import { awaitBeside, createReportThread, type WorkerScript } from './beside';
import type { Figures } from './figures';
import { DeskFailure } from '../platform/failure';
import { complianceChart, periodCharts } from './charts';
import { countInPeriod, officerNames, tallyPeriod, type ReportInput, type Scope } from './period-figures';

export function createReports(ctx: CoreContext, reference: Reference, worker: WorkerScript | null = null) {
  const { clock, log } = ctx;
  const thread = worker ? createReportThread(worker) : null;

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
    /**
     * The report; `lateLimit` lists only that many of each stage's late records, oldest first (the
     * screen's report), where an export lists them all; `beside` lets a large period before be
     * counted on a worker thread meanwhile (not for an export, whose figures must be one snapshot).
     */
    async report(input: ReportInput, job: Job, options: { lateLimit?: number; beside?: boolean } = {}) {
      const lateLimit = options.lateLimit ?? null;
      const period = resolvePeriod(input.period as PeriodInput);
      const previous = previousPeriod(input.period as PeriodInput);
      const reader = job.reader();
      const before = countInPeriod(reader, previous, input.scope);
      const total = countInPeriod(reader, period, input.scope) + before;
      const officers = new Map(officerNames(reader));
      const calendar = reference.calendar();
      let done = 0;
      const count = (p: { from: string; to: string }) =>
        tallyPeriod(
          reader,
          p,
          input.scope,
          calendar,
          officers,
          () => {
            if ((++done & 1023) === 0) job.progress('read', done, total);
          },
          job,
          lateLimit,
        );
      let theirs = 0;
      const beside =
        thread && options.beside && thread.takes(before)
          ? thread.count(
              { file: ctx.sqlite.name, period: previous, scope: input.scope, holidays: calendar.holidayDates(), officers: [...officers], lateLimit },
              (n) => {
                theirs = n;
                job.progress('read', done + theirs, total);
              },
            )
          : null;
      const names = {
        channel: (c: string) => reference.channel(c)?.name ?? c,
        agency: (c: string) => reference.agency(c)?.name ?? c,
      };
      let current: Figures;
      let ownCharts: ReturnType<typeof periodCharts>;
      let previousFigures: Figures | null = null;
      try {
        current = await count(period);
        // Drawn while the thread may still be counting the period before.
        ownCharts = periodCharts(current, names);
        if (beside)
          previousFigures = await awaitBeside(job, beside.figures).catch((error: unknown) => {
            if (error instanceof DeskFailure) throw error; // cancelled
            log.error('report.worker_failed', error);
            return null;
          });
      } finally {
        beside?.stop();
      }
      // No thread, or it failed: counted here, after the report's own period.
      previousFigures ??= await count(previous);
      job.progress('read', total, total);
      const charts = { ...ownCharts, compliance: complianceChart(current, previousFigures) };
      return {
        period,
        previous,
        scope: { ...input.scope, name: scopeName(input.scope) },
        current,
        before: previousFigures,
        charts,
        generatedAt: clock().toISOString(),
      };
    },

    /** Starts the report thread for a report to come (the reports screen opened); false without one. */
    prepare: () => thread?.warm() ?? false,

    /** The report thread's state (beside.ts), or null without one. */
    threadStatus: () => thread?.status() ?? null,

    /** Ends the report thread, if one is running (the desk closing). */
    close: () => thread?.close(),
  };
}
export type Reports = ReturnType<typeof createReports>;
