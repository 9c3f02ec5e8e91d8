/**
 * A citizen's earlier complaints, open or closed, with status and the deadline running now: the
 * officer answers "where is my complaint?" from here while taking the next one. By typed phone or NIK
 * on the form, by the record's own phone and NIK in the detail pane.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wibDate } from '../../../../shared/calendar/working-days';
import type { MethodInput, MethodOutput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { shortDate } from '../../components/dates';
import { useReference } from '../../data/reference';
import { DueBadge } from './DueBadge';

type Earlier = MethodOutput<'complaints.earlier'>;

export function EarlierComplaints({
  query,
  onOpen,
}: {
  query: MethodInput<'complaints.earlier'>;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const key = JSON.stringify(query);
  /** The answer, with the query it answers: a list for another phone is never shown. */
  const [answer, setAnswer] = useState<{ key: string; found: Earlier } | null>(null);

  useEffect(() => {
    const q = JSON.parse(key) as MethodInput<'complaints.earlier'>;
    if (!q.id && !q.phone && !q.nik) return;
    let live = true;
    // Typed on the form: wait for a pause so every keystroke of a phone number does not ask.
    const timer = window.setTimeout(
      () => void api['complaints.earlier'](q).then((r) => live && r.ok && setAnswer({ key, found: r.value })),
      q.id ? 0 : 350,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [key]);

  const found = answer?.key === key ? answer.found : null;
  if (!found || found.rows.length === 0) return null;
  const today = wibDate(new Date());
  return (
    <section className="panel earlier" aria-labelledby="earlier-title">
      <h2 id="earlier-title">
        {t('ui.earlier.title', { n: found.more ? `${found.rows.length}+` : found.rows.length })}
      </h2>
      <ul>
        {found.rows.map((r) => {
          return (
            <li key={r.id}>
              <button type="button" className="link mono" onClick={() => onOpen(r.id)}>
                {r.receiptNumber}
              </button>{' '}
              <span className={`status status--${r.status.toLowerCase()}`}>{t(`statuses.${r.status}`)}</span>{' '}
              {r.title || t('ui.review.confidential')}
              <small className="earlier__meta">
                {' '}
                {ref.agencyName(r.agencyCode)}
                {r.currentDue ? (
                  <>
                    {' · '}
                    {t('ui.earlier.due', { date: shortDate(r.currentDue) })}
                    <DueBadge due={r.currentDue} today={today} />
                  </>
                ) : null}
              </small>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
