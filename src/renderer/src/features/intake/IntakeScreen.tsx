/** The screen the officer lives in: record a complaint in about a minute, keyboard first. */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { IntakeFields } from './IntakeFields';
import { SavedPanel } from './SavedPanel';
import { SidePanel } from './SidePanel';
import { isBlank } from './form-state';
import { useIntake } from './useIntake';

export function IntakeScreen({
  onOpenComplaint,
  shell,
}: {
  onOpenComplaint: (id: string) => void;
  shell: 'electron' | 'browser';
}) {
  const { t } = useTranslation();
  const intake = useIntake();
  const firstField = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (!intake.saved) firstField.current?.focus();
  }, [intake.saved]);

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void intake.save();
    } else if (e.altKey && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      void intake.save();
    } else if (e.key === 'Escape' && !e.defaultPrevented) {
      // A combobox that is open closes itself first (it marks the event handled).
      e.preventDefault();
      if (isBlank(intake.form) || window.confirm(t('ui.intake.discardConfirm'))) intake.reset();
    }
  }

  if (intake.saved) return <SavedPanel saved={intake.saved} onNext={intake.reset} shell={shell} />;

  return (
    <section className="intake">
      <header className="intake__header">
        <h1>{t('ui.intake.title')}</h1>
        <p className="shortcuts" aria-label="Pintasan">
          {t('ui.intake.shortcuts')}
        </p>
      </header>
      <div className="intake__layout">
        <form
          className="intake__form"
          noValidate
          onKeyDown={onKeyDown}
          onSubmit={(e) => {
            e.preventDefault();
            void intake.save();
          }}
        >
          <InfoNotice text={intake.restored ? t('ui.intake.draftRestored') : null} />
          <ErrorNotice error={intake.serverError} />
          <IntakeFields intake={intake} firstField={firstField} />
          <div className="actions">
            <button type="submit" className="primary" disabled={intake.saving}>
              {t('ui.save')}
            </button>
          </div>
        </form>
        <SidePanel
          form={intake.form}
          similar={intake.similar}
          today={intake.today}
          onOpenComplaint={onOpenComplaint}
        />
      </div>
    </section>
  );
}
