/** Beside the form: the report checklist, the 30-day warning, and possible duplicates. */
import { useTranslation } from 'react-i18next';
import { useReference } from '../../data/reference';
import { wibDateTime } from '../../components/dates';
import { reportChecklist, type ChecklistKey } from '../../../../shared/domain/report-checklist';
import { isOldIncident, type IntakeForm } from './form-state';
import type { SimilarHit } from './useIntake';

const keys: ChecklistKey[] = ['apa', 'dimana', 'kapan', 'siapa', 'bagaimana'];

export function SidePanel({
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
  const checklist = reportChecklist(form);
  return (
    <aside className="intake__side">
      <section aria-labelledby="checklist-title" className="panel">
        <h2 id="checklist-title">{t('ui.intake.checklistTitle')}</h2>
        <ul className="checklist">
          {keys.map((k) => (
            <li
              key={k}
              className={checklist[k] ? 'checklist__item checklist__item--done' : 'checklist__item'}
            >
              <span aria-hidden="true">{checklist[k] ? '✔' : '○'}</span> {t(`ui.intake.checklist.${k}`)}
              <span className="sr-only">{checklist[k] ? ` (${t('ui.yes')})` : ` (${t('ui.no')})`}</span>
            </li>
          ))}
        </ul>
      </section>
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
    </aside>
  );
}
