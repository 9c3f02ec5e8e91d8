/**
 * Exports of a report, each an audit event: CSV (the record list), XLSX (a sheet per table and the
 * record list) and PDF (figures and charts). Files go to the export folder (a setting; by default
 * `exports/` in the data folder), owner-only. In browser mode the file is also offered once as a
 * download, and the PDF is a page the browser prints or saves; the desktop shell writes the PDF.
 * Personal data appears only in the record list, only when asked for with a reason.
 */
import { isAbsolute, join } from 'node:path';
import type { z } from 'zod';
import type { reportMethods } from '../../shared/contract/reports';
import { say } from '../../shared/i18n';
import { resolvePeriod, type PeriodInput } from '../../shared/domain/report-period';
import { createOneTime } from '../platform/one-time';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { DeskFailure } from '../platform/failure';
import { paced, type Job } from '../platform/jobs';
import type { Reference } from '../reference';
import type { SettingsService } from '../settings';
import { writeCsv, writeXlsx } from './export-files';
import type { RecordList } from './record-list';
import { renderReportHtml } from './report-html';
import { reportTables } from './report-tables';
import { countInPeriod } from './period-figures';
import type { Reports } from './reports';

export type ExportInput = z.output<(typeof reportMethods)['reports.export']['input']>;

/** The desktop shell's PDF writer (receipts' DesktopPrinting fits); null in browser mode. */
export interface ReportPdf {
  savePdf(html: string, options: { paper: 'A4'; file: string; timeoutMs: number; cssPage: true }): Promise<string>;
}

const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export function createExports(
  ctx: CoreContext,
  deps: {
    reports: Reports;
    recordList: RecordList;
    reference: Reference;
    settings: SettingsService;
    audit: AuditTrail;
    dataDir: string;
    pdf: ReportPdf | null;
  },
) {
  const { clock } = ctx;
  type Offered = { kind: 'file' | 'page'; body: string; name: string; type: string };
  // Pages and downloads apart, so a key asked for as the other kind is not used up.
  const once = { page: createOneTime<Offered>(() => clock().getTime()), file: createOneTime<Offered>(() => clock().getTime()) };
  const offer = (entry: Offered) => once[entry.kind].offer(entry);

  function folder(): string {
    const chosen = deps.settings.get().exportFolder;
    return chosen && isAbsolute(chosen) ? chosen : join(deps.dataDir, 'exports');
  }

  return {
    async export(actorId: string, actorName: string, input: ExportInput, job: Job) {
      if (input.includePersonal && input.format !== 'pdf' && !input.reason) {
        const message = say('errors.personalExportReason');
        throw new DeskFailure('VALIDATION', message, { reason: message });
      }
      const withPersonal = input.includePersonal && input.format !== 'pdf';
      // The CSV is the record list alone: it needs no figures, so it counts none.
      const report = input.format === 'csv' ? null : await deps.reports.report(input, job);
      const period = report?.period ?? resolvePeriod(input.period as PeriodInput);
      const s = deps.settings.get();
      const deskCode = deps.settings.deskCode();
      const scope = input.scope.kind === 'desk' ? '' : `-${input.scope.kind}-${input.scope.code}`;
      const name = `laporan-${deskCode}-${period.from}_${period.to}${scope}${withPersonal ? '-data-pribadi' : ''}.${input.format}`.replace(/[^A-Za-z0-9._-]/g, '_');
      const reader = job.reader();
      // The job reads one snapshot, so the report's count is the list's.
      const listed = report?.current.received ?? countInPeriod(reader, period, input.scope);
      const records = () =>
        paced(job, deps.recordList.records(reader, period, input.scope, withPersonal), 'write', listed);
      const dir = folder();
      let result: { file: string | null; bytes: number; url: string | null };
      if (input.format === 'csv') {
        const written = await writeCsv(dir, name, records(), { separator: input.separator, withPersonal });
        result = { ...written, url: null };
      } else if (input.format === 'xlsx') {
        const written = await writeXlsx(dir, name, reportTables(report!, deps.reference), records(), {
          withPersonal,
          title: name,
        });
        result = { ...written, url: null };
      } else {
        const html = renderReportHtml(report!, reportTables(report!, deps.reference), {
          siteName: s.siteName,
          deskCode,
          generatedBy: actorName,
        });
        if (deps.pdf) {
          const file = join(dir, name);
          await deps.pdf.savePdf(html, { paper: 'A4', file, timeoutMs: 60_000, cssPage: true });
          result = { file, bytes: 0, url: null };
        } else {
          result = { file: null, bytes: Buffer.byteLength(html), url: `/report/${offer({ kind: 'page', body: html, name, type: 'text/html' })}` };
        }
      }
      if (result.file && !deps.pdf) {
        result.url = `/download/${offer({ kind: 'file', body: result.file, name, type: types[input.format] })}`;
      }
      deps.audit.record(actorId, withPersonal ? 'reports.export.personal' : 'reports.export', name, {
        format: input.format,
        period,
        scope: input.scope,
        records: listed,
        ...(withPersonal ? { reason: input.reason } : {}),
      });
      return { file: result.file, name, url: result.url, bytes: result.bytes };
    },

    /** A prepared page or download, once. */
    take(kind: 'file' | 'page', key: string) {
      return once[kind].take(key);
    },
  };
}
export type Exports = ReturnType<typeof createExports>;
