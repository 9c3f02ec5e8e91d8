/** Exports of the report shown: CSV (`;` or `,`), XLSX, PDF; personal data only with a reason. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { JobProgress } from './JobProgress';
import type { ReportRequest } from './PeriodForm';
import { useJob } from './useJob';

export function ExportPanel({ request, shell }: { request: ReportRequest; shell: 'electron' | 'browser' }) {
  const { t } = useTranslation();
  const [separator, setSeparator] = useState<';' | ','>(';');
  const [personal, setPersonal] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const run = useJob();

  async function exportAs(format: 'csv' | 'xlsx' | 'pdf') {
    setDone(null);
    const input = (jobId: string) =>
      ({
        ...request,
        jobId,
        format,
        separator,
        includePersonal: personal,
        ...(personal && reason.trim() ? { reason } : {}),
      }) as MethodInput<'reports.export'>;
    const out = await run.run((jobId) => api['reports.export'](input(jobId)));
    if (!out) return;
    if (out.url && shell === 'browser') {
      if (format === 'pdf') window.open(out.url, '_blank', 'noopener');
      else {
        // A download in this page (the file is also kept in the export folder).
        const link = document.createElement('a');
        link.href = out.url;
        link.download = out.name;
        link.click();
      }
    }
    setDone(out.file ? t('ui.reports.exported', { file: out.file }) : t('ui.reports.exportedPage'));
  }

  return (
    <section className="panel export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('ui.reports.export')}</h2>
      <JobProgress job={run} />
      <ErrorNotice error={run.error} />
      <InfoNotice text={done ?? run.cancelled} />
      <div className="export-panel__row">
        <div className="field">
          <label htmlFor="csv-separator">{t('ui.reports.separator')}</label>
          <select id="csv-separator" value={separator} onChange={(e) => setSeparator(e.target.value as ';' | ',')}>
            <option value=";">{t('ui.reports.separators.semicolon')}</option>
            <option value=",">{t('ui.reports.separators.comma')}</option>
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={personal} onChange={(e) => setPersonal(e.target.checked)} />
          {t('ui.reports.includePersonal')}
        </label>
        {personal ? (
          <TextField
            label={t('ui.reports.personalReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={run.fieldError('reason')}
          />
        ) : null}
      </div>
      <div className="actions">
        <button type="button" onClick={() => void exportAs('csv')} disabled={run.busy}>
          CSV
        </button>
        <button type="button" onClick={() => void exportAs('xlsx')} disabled={run.busy}>
          XLSX
        </button>
        <button type="button" onClick={() => void exportAs('pdf')} disabled={run.busy}>
          PDF
        </button>
      </div>
    </section>
  );
}
