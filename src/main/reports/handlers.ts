/** The reports feature's methods: a period's figures and charts, its exports, and their progress and cancel. */
import { actor, type Handlers } from '../platform/handlers';
import type { Jobs } from '../platform/jobs';
import type { Exports } from './exports';
import type { Reports } from './reports';

/** The late records a report on screen lists per stage (it shows their count; an export lists all). */
const screenLateLimit = 100;

export function reportHandlers(s: {
  reports: Reports;
  exports: Exports;
  jobs: Jobs;
  officerName: (accountId: string) => string;
}) {
  return {
    'reports.figures': (input, call) =>
      s.jobs.run(actor(call), input.jobId, (job) => s.reports.report(input, job, { lateLimit: screenLateLimit, beside: true })),
    'reports.export': (input, call) =>
      s.jobs.run(actor(call), input.jobId, (job) =>
        s.exports.export(actor(call), s.officerName(actor(call)), input, job),
      ),
    'reports.prepare': () => ({ preparing: s.reports.prepare() }),
    'reports.progress': (input, call) => s.jobs.progress(actor(call), input.jobId),
    'reports.cancel': (input, call) => ({ cancelled: s.jobs.cancel(actor(call), input.jobId) }),
  } satisfies Handlers<'reports'>;
}
