/**
 * "Periksa rantai jejak": checks the hash chain over the audit trail and the history, and shows the
 * first row that does not fit, or that the chain holds (with its head, to compare with paper).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrailReportView } from '../../../../shared/contract/trail';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/Notice';
import { useSubmit } from '../../components/useSubmit';

export function TrailCheck() {
  const { t } = useTranslation();
  const check = useSubmit();
  const [report, setReport] = useState<TrailReportView | null>(null);
  async function run() {
    const r = await check.run(() => api['trail.verify']({}));
    if (r) setReport(r);
  }
  const p = report?.problem;
  return (
    <section className="panel" aria-labelledby="trail-check">
      <h2 id="trail-check">{t('ui.trail.title')}</h2>
      <p>{t('ui.trail.help')}</p>
      <button type="button" onClick={() => void run()} disabled={check.busy}>
        {check.busy ? t('ui.trail.running') : t('ui.trail.run')}
      </button>
      <ErrorNotice error={check.error} />
      {report ? (
        <div
          className={report.ok ? 'notice notice--info' : 'notice notice--error'}
          role={report.ok ? 'status' : 'alert'}
        >
          <p>
            {t('ui.trail.checked', {
              audit: report.checked.audit,
              events: report.checked.events,
              ms: report.ms,
            })}
          </p>
          {p ? (
            <p>
              {t('ui.trail.broken', {
                table: t(`ui.trail.tables.${p.table}`),
                id: p.id,
                seq: p.chainSeq === null ? '' : t('ui.trail.seq', { seq: p.chainSeq }),
                reason: t(`ui.trail.reasons.${p.reason}`),
              })}
            </p>
          ) : report.registerMismatch ? (
            <p>{t('ui.trail.registerMismatch', { day: report.registerMismatch })}</p>
          ) : (
            <>
              <p>{t('ui.trail.whole')}</p>
              {report.head.events ? (
                <p className="digest">
                  {t('ui.trail.head', { seq: report.head.events.seq, hash: report.head.events.hash })}
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
