import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useQuery } from '../../components/useQuery';
import { Returned } from './Returned';

export function HomeScreen({
  status,
  onOpenComplaint,
}: {
  status: MethodOutput<'app.status'>;
  onOpenComplaint: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { data: stats } = useQuery(() => api['complaints.stats']({}));
  return (
    <section>
      <h1>{t('ui.home.title', { code: status.desk?.code, site: status.desk?.siteName })}</h1>
      <p>{t('ui.home.ready')}</p>
      {stats ? <p>{t('ui.home.counts', { total: stats.total, today: stats.today })}</p> : null}
      <Returned onOpenComplaint={onOpenComplaint} />
    </section>
  );
}
