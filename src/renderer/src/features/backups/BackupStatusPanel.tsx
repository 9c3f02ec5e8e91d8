/**
 * On Beranda for supervisors and admins: when the last good backup was made, and what needs someone
 * (no backup for a day, the second place missing, no recovery passphrase, the last attempt failed).
 */
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { wibDateTime } from '../../components/dates';
import { useQuery } from '../../components/useQuery';

export function BackupStatusPanel({ onOpen }: { onOpen: (() => void) | null }) {
  const { t } = useTranslation();
  const { data, reload } = useQuery(() => api['backups.status']({}));
  if (!data) return null;
  const warn = data.warnings.length > 0;
  return (
    <section className={warn ? 'panel panel--warning' : 'panel'} aria-labelledby="home-backup">
      <h2 id="home-backup">{t('ui.backups.panelTitle')}</h2>
      <p>
        {data.lastGoodAt
          ? t('ui.backups.lastGood', { at: wibDateTime(data.lastGoodAt) })
          : t('ui.backups.never')}
      </p>
      {warn ? (
        <ul role="alert">
          {data.warnings.map((w) => (
            <li key={w}>
              {t(`ui.backups.warnings.${w}`, {
                folder: data.secondFolder ?? '',
                error: data.lastFailure?.error ?? '',
                file: data.damaged?.newest?.path ?? '—',
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {data.restoreStaged ? (
        <div className="notice notice--info" role="status">
          <p>{t('ui.backups.restoreReady', { at: wibDateTime(data.restoreStaged.takenAt) })}</p>
          <button type="button" onClick={() => void api['backups.cancelRestore']({}).then(reload)}>
            {t('ui.backups.cancelRestore')}
          </button>
        </div>
      ) : null}
      {onOpen ? (
        <button type="button" onClick={onOpen}>
          {t('ui.backups.open')}
        </button>
      ) : null}
    </section>
  );
}
