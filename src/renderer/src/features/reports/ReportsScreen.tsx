/**
 * Laporan berkala: choose a period and a scope, read the figures and charts (drawn by main, the
 * same as in the PDF), and export CSV, XLSX or PDF.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { ExportPanel } from './ExportPanel';
import { JobProgress } from './JobProgress';
import { PeriodForm, type ReportRequest } from './PeriodForm';
import { ReportFigures } from './ReportFigures';
import { useJob } from './useJob';

export type Report = MethodOutput<'reports.figures'>;

export function ReportsScreen({ shell }: { shell: 'electron' | 'browser' }) {
  const { t } = useTranslation();
  const [request, setRequest] = useState<ReportRequest | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const load = useJob();
  // While the supervisor chooses a period, main starts the thread that counts the period before
  // beside the report (a start costs ~0.3 s): a failure here only leaves the report on one thread.
  useEffect(() => {
    api['reports.prepare']({}).catch(() => undefined);
  }, []);

  async function show(e: FormEvent, next: ReportRequest) {
    e.preventDefault();
    const r = await load.run((jobId) =>
      api['reports.figures']({ ...next, jobId } as MethodInput<'reports.figures'>),
    );
    if (r) {
      setRequest(next);
      setReport(r);
    }
  }

  return (
    <section className="reports">
      <h1>{t('ui.reports.title')}</h1>
      <PeriodForm onShow={show} busy={load.busy} fieldError={load.fieldError} />
      <JobProgress job={load} />
      <ErrorNotice error={load.error} />
      <InfoNotice text={load.cancelled} />
      {report && request ? (
        <>
          <ExportPanel request={request} shell={shell} />
          <ReportFigures report={report} />
        </>
      ) : null}
    </section>
  );
}
