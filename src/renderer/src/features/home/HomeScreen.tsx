/**
 * Beranda: the day at a glance for who is signed in. An officer sees their own records of today,
 * what of theirs is late or due, and what was returned to them; a supervisor the desk's, parked
 * deliveries, and the way into the day's review and the reports.
 */
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useQuery } from '../../components/useQuery';
import { Returned } from './Returned';
import { BackupStatusPanel } from '../backups';

export function HomeScreen({
  status,
  onOpenComplaint,
  supervisor,
  manageBackups,
  show,
}: {
  status: MethodOutput<'app.status'>;
  onOpenComplaint: (id: string) => void;
  supervisor: boolean;
  /** Admins manage backups; supervisors see their state. */
  manageBackups: boolean;
  show: (screen: string) => void;
}) {
  const { t } = useTranslation();
  const { data: stats } = useQuery(() => api['complaints.stats']({}));
  const { data: home } = useQuery(() => api['review.home']({}));
  const { data: forwarding } = useQuery(() => api['forwarding.status']({}));
  const figures: Array<[string, number | undefined]> = home
    ? [
        [supervisor ? 'today' : 'todayMine', supervisor ? home.today : home.todayMine],
        ['late', home.late],
        ['dueToday', home.dueToday],
        ['dueNextWorkingDay', home.dueNextWorkingDay],
        ...(supervisor ? ([['parked', forwarding?.parked]] as Array<[string, number | undefined]>) : []),
      ]
    : [];
  return (
    <section>
      <h1>{t('ui.home.title', { code: status.desk?.code, site: status.desk?.siteName })}</h1>
      <p>{t('ui.home.ready')}</p>
      {stats ? <p>{t('ui.home.counts', { total: stats.total, today: stats.today })}</p> : null}
      {home ? (
        <section className="panel" aria-labelledby="home-today">
          <h2 id="home-today">{t(home.scope === 'desk' ? 'ui.home.deskToday' : 'ui.home.mineToday')}</h2>
          <dl className="summary-band">
            {figures.map(([key, n]) => (
              <div
                key={key}
                className={key === 'late' && n ? 'summary-figure summary-figure--late' : 'summary-figure'}
              >
                <dt>{t(`ui.home.figures.${key}`)}</dt>
                <dd>{n ?? '–'}</dd>
              </div>
            ))}
          </dl>
          {supervisor ? (
            <div className="actions">
              <button type="button" onClick={() => show('review')}>
                {home.dayClosed ? t('ui.home.reviewClosed') : t('ui.home.toReview')}
              </button>
              <button type="button" onClick={() => show('reports')}>
                {t('ui.home.toReports')}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
      {supervisor ? <BackupStatusPanel onOpen={manageBackups ? () => show('backups') : null} /> : null}
      <Returned onOpenComplaint={onOpenComplaint} />
    </section>
  );
}
