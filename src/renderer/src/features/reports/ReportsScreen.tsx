/**
 * Laporan berkala: choose a period and a scope, read the figures and charts (drawn by main, the
 * same as in the PDF), and export CSV, XLSX or PDF.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/Notice';
import { useSubmit } from '../../components/useSubmit';
import { ExportPanel } from './ExportPanel';
import { PeriodForm, type ReportRequest } from './PeriodForm';
import { ReportFigures } from './ReportFigures';

export type Report = MethodOutput<'reports.figures'>;

export function ReportsScreen({ shell }: { shell: 'electron' | 'browser' }) {
  const { t } = useTranslation();
  const [request, setRequest] = useState<ReportRequest | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const load = useSubmit();

  async function show(e: FormEvent, next: ReportRequest) {
    e.preventDefault();
    const r = await load.run(() => api['reports.figures'](next as MethodInput<'reports.figures'>));
    if (r) {
      setRequest(next);
      setReport(r);
    }
  }

  return (
    <section className="reports">
      <h1>{t('ui.reports.title')}</h1>
      <PeriodForm onShow={show} busy={load.busy} fieldError={load.fieldError} />
      <ErrorNotice error={load.error} />
      {report && request ? (
        <>
          <ExportPanel request={request} shell={shell} />
          <ReportFigures report={report} />
        </>
      ) : null}
    </section>
  );
}
