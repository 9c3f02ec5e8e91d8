/** "Terlambat n hari kerja" or "Jatuh tempo hari ini" beside a deadline, as the calendar counts. */
import { useTranslation } from 'react-i18next';
import { useReference } from '../../data/reference';
import { deadlineState } from './deadline';

export function DueBadge({ due, today }: { due: string | null; today: string }) {
  const { t } = useTranslation();
  const ref = useReference();
  const state = deadlineState(due, today, ref.calendar);
  if (state.kind === 'late')
    return <b className="badge badge--late">{t('ui.queue.late', { n: state.days })}</b>;
  if (state.kind === 'today') return <b className="badge badge--today">{t('ui.queue.dueToday')}</b>;
  return null;
}
