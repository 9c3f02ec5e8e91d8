/**
 * Around the form: the report checklist (one line under the body), the 30-day warning, possible
 * duplicates, and the same citizen's earlier complaints.
 */
import { useTranslation } from 'react-i18next';
import { useReference } from '../../data/reference';
import { wibDateTime } from '../../components/dates';
import { reportChecklist, type ChecklistKey } from '../../../../shared/domain/report-checklist';
import { EarlierComplaints } from '../queue';
import { isOldIncident, type IntakeForm } from './form-state';
import type { SimilarHit } from './useIntake';

const keys: ChecklistKey[] = ['apa', 'dimana', 'kapan', 'siapa', 'bagaimana'];

export function Checklist({ form }: { form: IntakeForm }) {
  const { t } = useTranslation();
  const checklist = reportChecklist(form);
  return (
    <p className="checklist" aria-label={t('ui.intake.checklistTitle')}>
      <span className="checklist__title">{t('ui.intake.checklistTitle')}</span>
      {keys.map((k) => (
        <span key={k} className={checklist[k] ? 'checklist__item checklist__item--done' : 'checklist__item'}>
          <span aria-hidden="true">{checklist[k] ? '✔' : '○'}</span> {t(`ui.intake.checklist.${k}`)}
          <span className="sr-only">{checklist[k] ? ` (${t('ui.yes')})` : ` (${t('ui.no')})`}</span>
        </span>
      ))}
    </p>
  );
}

export function IntakeHints({
  form,
  similar,
  today,
  onOpenComplaint,
}: {
  form: IntakeForm;
  similar: SimilarHit[];
  today: string;
  onOpenComplaint: (id: string) => void;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const phone = form.phone.trim();
  const nik = form.nik.trim();
  return (
    <div className="intake__hints">
      {isOldIncident(form, today) ? (
        <p className="notice notice--warn" role="status">
          {t('ui.intake.oldIncident')}
        </p>
      ) : null}
      {similar.length ? (
        <section aria-labelledby="similar-title" className="panel panel--warn">
          <h2 id="similar-title">{t('ui.intake.similarTitle')}</h2>
          <ul className="similar">
            {similar.map((s) => (
              <li key={s.id}>
                <button type="button" className="link" onClick={() => onOpenComplaint(s.id)}>
                  {s.receiptNumber}
                </button>{' '}
                — {s.title}
                <small>
                  {' '}
                  ({t(`ui.intake.similarMatch.${s.match}`)} · {t(`statuses.${s.status}`)} ·{' '}
                  {ref.agencyName(s.agencyCode)} · {wibDateTime(s.receivedAt)})
                </small>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <EarlierComplaints
        query={{ ...(phone ? { phone } : {}), ...(nik ? { nik } : {}) }}
        onOpen={onOpenComplaint}
      />
    </div>
  );
}
