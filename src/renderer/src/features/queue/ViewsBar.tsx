/**
 * The queue's saved views, each with its count for the signed-in person, on keys 1-7 (outside a
 * text field): all, mine, due today, late, waiting for verification, returned to me, and for a
 * supervisor the records not yet in SP4N-LAPOR!.
 */
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { QueueView } from '../../../../shared/contract/complaints';
import { api } from '../../api/client';

export type ViewChoice = QueueView | '';

export function viewsFor(supervisor: boolean): ViewChoice[] {
  const all: ViewChoice[] = ['', 'mine', 'dueToday', 'late', 'toVerify', 'returned'];
  return supervisor ? [...all, 'notInLapor'] : all;
}

export const ViewsBar = memo(function ViewsBar({
  view,
  setView,
  views,
  refreshKey,
}: {
  view: ViewChoice;
  setView: (v: ViewChoice) => void;
  views: ViewChoice[];
  refreshKey: number;
}) {
  const { t } = useTranslation();
  const [counts, setCounts] = useState<MethodOutput<'complaints.viewCounts'> | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void api['complaints.viewCounts']({}).then((r) => live && r.ok && setCounts(r.value));
    // The counts wait a moment: the rows (and a record opened by a scan) come first.
    const first = window.setTimeout(load, 400);
    const timer = window.setInterval(load, 30_000);
    return () => {
      live = false;
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [refreshKey]);

  return (
    <div className="views" role="group" aria-label={t('ui.queue.views.label')}>
      {views.map((v, i) => {
        const c = v ? counts?.[v] : null;
        return (
          <button
            key={v || 'all'}
            type="button"
            aria-pressed={view === v}
            aria-keyshortcuts={String(i + 1)}
            onClick={() => setView(v)}
          >
            {t(`ui.queue.views.${v || 'all'}`)}{' '}
            {c ? <span className="views__count">{c.capped ? `${c.total}+` : c.total}</span> : null}{' '}
            <kbd>{i + 1}</kbd>
          </button>
        );
      })}
    </div>
  );
});
