/** The reports feature's methods: a period's figures and charts, and its exports. */
import { actor, type Handlers } from '../platform/handlers';
import type { Exports } from './exports';
import type { Reports } from './reports';

export function reportHandlers(s: {
  reports: Reports;
  exports: Exports;
  officerName: (accountId: string) => string;
}) {
  return {
    'reports.figures': (input) => s.reports.report(input),
    'reports.export': (input, call) => s.exports.export(actor(call), s.officerName(actor(call)), input),
  } satisfies Handlers<'reports'>;
}
