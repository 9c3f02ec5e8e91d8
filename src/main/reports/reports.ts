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
import { reportCharts } from './charts';
import { countInPeriod, officerNames, tallyPeriod, type ReportInput, type Scope } from './period-figures';

export function createReports(ctx: CoreContext, reference: Reference) {
  const { clock } = ctx;

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
     * screen's report), where an export lists them all.
     */
    async report(input: ReportInput, job: Job, lateLimit: number | null = null) {
      const period = resolvePeriod(input.period as PeriodInput);
      const previous = previousPeriod(input.period as PeriodInput);
      const reader = job.reader();
      const total = countInPeriod(reader, period, input.scope) + countInPeriod(reader, previous, input.scope);
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
      const current = await count(period);
      const before = await count(previous);
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
