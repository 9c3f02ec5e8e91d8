/** Tutup hari: close the day into its register (a reason when records are not reviewed), then print it. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { wibDateTime } from '../../components/dates';
import { TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useSubmit } from '../../components/useSubmit';

type Day = MethodOutput<'review.day'>;

export function CloseDay({
  day,
  shell,
  onClosed,
}: {
  day: Day;
  shell: 'electron' | 'browser';
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const close = useSubmit();
  const print = useSubmit();
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const unreviewed = day.records.filter(
    (r) => !r.afterClose && r.review.state !== 'reviewed' && r.review.state !== 'verified',
  ).length;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const input = reason.trim() ? { day: day.day, reason } : { day: day.day };
    if (await close.run(() => api['review.closeDay'](input))) onClosed();
  }
  async function onPrint() {
    const page = await print.run(() => api['review.registerPage']({ day: day.day }));
    if (page?.url) window.open(page.url, '_blank', 'noopener');
    if (page?.file) setSavedAt(page.file);
  }

  const register = day.register;
  return (
    <section className="panel" aria-labelledby="close-day-title">
      <h2 id="close-day-title">{t('ui.review.close.title')}</h2>
      {register ? (
        <>
          <p role="status">
            {t('ui.review.close.closed', {
              name: register.closedBy,
              at: wibDateTime(register.closedAt),
              entries: register.entries,
            })}
          </p>
          <p className="mono digest">{t('ui.review.close.digest', { digest: register.digest })}</p>
          <ErrorNotice error={print.error} />
          <button type="button" onClick={onPrint} disabled={print.busy}>
            {t(shell === 'browser' ? 'ui.review.close.print' : 'ui.review.close.savePdf')}
          </button>
          <InfoNotice text={savedAt ? t('ui.review.close.savedPdf', { file: savedAt }) : null} />
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label={t('ui.review.close.title')}>
          <ErrorNotice error={close.error} />
          {unreviewed > 0 ? (
            <>
              <p>{t('ui.review.close.unreviewed', { count: unreviewed })}</p>
              <TextField
                label={t('ui.review.close.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={close.fieldError('reason')}
              />
            </>
          ) : null}
          <button type="submit" className="primary" disabled={close.busy}>
            {t('ui.review.close.action')}
          </button>
        </form>
      )}
    </section>
  );
}
