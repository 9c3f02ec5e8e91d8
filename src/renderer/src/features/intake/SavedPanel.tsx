/** After a save: the receipt number large, the deadlines, and the next citizen one keystroke away. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { longDate, spacedReceipt } from '../../components/dates';
import { PrintPanel } from '../receipts';
import type { Saved } from './useIntake';

export function SavedPanel({
  saved,
  onNext,
  shell,
}: {
  saved: Saved;
  onNext: () => void;
  shell: 'electron' | 'browser';
}) {
  const { t } = useTranslation();
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  return (
    <section className="saved" aria-labelledby="saved-title">
      <h1 id="saved-title">{t('ui.intake.saved')}</h1>
      <p className="saved__label">{t('ui.intake.receiptNumber')}</p>
      <p className="saved__number" data-receipt-number={saved.receiptNumber}>
        {spacedReceipt(saved.receiptNumber)}
      </p>
      <p>
        {t('ui.intake.deadlines', {
          verify: longDate(saved.deadlines.verifyBy),
          followUp: longDate(saved.deadlines.followUpBy),
          answer: longDate(saved.deadlines.answerBy),
        })}
      </p>
      <div className="actions">
        <button type="button" className="primary" ref={next} onClick={onNext}>
          {t('ui.intake.next')}
        </button>
      </div>
      <PrintPanel complaintId={saved.id} shell={shell} />
    </section>
  );
}
