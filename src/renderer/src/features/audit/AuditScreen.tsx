import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';
import { TrailCheck } from '../trail';

const wib = (iso: string) => new Date(iso).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' }) + ' WIB';

export function AuditScreen() {
  const { t } = useTranslation();
  const { data, error } = useQuery(() => api['audit.list']({ limit: 200 }));
  const rows = data ?? [];
  return (
    <section>
      <h1>{t('ui.audit.title')}</h1>
      <ErrorNotice error={error} />
      <TrailCheck />
      <table className="table">
        <thead>
          <tr>
            <th>{t('ui.audit.at')}</th>
            <th>{t('ui.audit.actor')}</th>
            <th>{t('ui.audit.action')}</th>
            <th>{t('ui.audit.target')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{wib(r.at)}</td>
              <td>{r.actorName ?? '—'}</td>
              <td>{r.action}</td>
              <td>{r.target ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
