/** How far a long report or export is, with a button (and Esc) to cancel it. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobState } from './useJob';

export function JobProgress({ job }: { job: JobState }) {
  const { t, i18n } = useTranslation();
  const { progress, cancelling } = job;
  useEffect(() => {
    if (!progress) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void job.cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [progress, job]);
  if (!progress) return null;
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en' : 'id-ID');
  const known = progress !== 'starting' && progress.total !== null && progress.total > 0;
  const text =
    progress === 'starting' || !known
      ? t('ui.reports.job.starting')
      : t(`ui.reports.job.${progress.phase === 'write' ? 'write' : 'read'}`, {
          done: number(progress.done),
          total: number(progress.total!),
        });
  return (
    <div className="job-progress" role="status" aria-live="polite">
      <progress
        aria-label={t('ui.reports.job.label')}
        max={known ? progress.total! : undefined}
        value={known ? progress.done : undefined}
      />
      <span>{cancelling ? t('ui.reports.job.cancelling') : text}</span>
      <button type="button" onClick={() => void job.cancel()} disabled={cancelling}>
        {t('ui.reports.job.cancel')} <kbd>Esc</kbd>
      </button>
    </div>
  );
}
