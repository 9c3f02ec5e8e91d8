/**
 * Records a supervisor returned with a note: the officer's own (or all, for a supervisor), each
 * with its note and a way to correct it here. A correction clears it and puts it back in the review.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { wibDateTime } from '../../components/dates';
import { ErrorNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';
import { useSubmit } from '../../components/useSubmit';
import { CorrectionForm } from '../queue';

export function Returned({ onOpenComplaint }: { onOpenComplaint: (id: string) => void }) {
  const { t } = useTranslation();
  const { data, error, reload } = useQuery(() => api['review.returned']({}));
  const [correcting, setCorrecting] = useState<{ id: string; title: string; body: string } | null>(null);
  const open = useSubmit();

  async function startCorrecting(id: string) {
    const found = await open.run(() => api['complaints.get']({ id }));
    if (found) setCorrecting({ id, title: found.complaint.title, body: found.complaint.body });
  }

  return (
    <section className="panel" aria-labelledby="returned-title">
      <h2 id="returned-title">{t('ui.home.returnedTitle')}</h2>
      <ErrorNotice error={error ?? open.error} />
      {data && data.length === 0 ? <p>{t('ui.home.returnedNone')}</p> : null}
      <ul className="returned-list">
        {data?.map((r) => (
          <li key={r.id}>
            <button type="button" className="link" onClick={() => onOpenComplaint(r.id)}>
              <span className="mono">{r.receiptNumber}</span> {r.title || t('ui.review.confidential')}
            </button>
            <p>
              {t('ui.home.returnedBy', { name: r.returnedBy, at: wibDateTime(r.returnedAt), note: r.note })}
            </p>
            <p className="hint">{t('ui.home.returnedOf', { name: r.officerName })}</p>
            {correcting?.id === r.id ? (
              <CorrectionForm
                {...correcting}
                initiallyOpen
                onDone={() => {
                  setCorrecting(null);
                  reload();
                }}
                onCancel={() => setCorrecting(null)}
              />
            ) : (
              <button type="button" onClick={() => void startCorrecting(r.id)}>
                {t('ui.review.correct')} {r.receiptNumber}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
