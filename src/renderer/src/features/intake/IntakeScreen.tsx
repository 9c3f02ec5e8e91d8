/**
 * The screen the officer lives in: record a complaint in about a minute, keyboard first. At
 * 1366×768 every field is on screen, and Simpan stays in view in a bar under the form.
 */
import { useEffect, useRef, type ClipboardEvent, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { IntakeFiles } from '../attachments';
import { fieldId, IntakeFields } from './IntakeFields';
import { SavedPanel } from './SavedPanel';
import { Checklist, IntakeHints } from './SidePanel';
import { isBlank } from './form-state';
import { useIntake } from './useIntake';

/** The form's fields in screen order, for the error summary. */
const fieldOrder = [
  'type',
  'channel',
  'title',
  'body',
  'incidentDate',
  'kecamatanCode',
  'desaCode',
  'locationDetail',
  'categoryId',
  'subcategoryId',
  'agencyCode',
  'complainantName',
  'nik',
  'phone',
  'email',
  'address',
];

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
  const picker = useRef<HTMLInputElement>(null);

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
    } else if (e.altKey && (e.key === 'b' || e.key === 'B')) {
      e.preventDefault();
      picker.current?.click();
    } else if (e.key === 'Escape' && !e.defaultPrevented) {
      // A combobox that is open closes itself first (it marks the event handled).
      e.preventDefault();
      if (isBlank(intake.form) || window.confirm(t('ui.intake.discardConfirm'))) intake.reset();
    }
  }

  // Files dropped on the form, or an image pasted into it (text pastes as ever), go with the complaint.
  const onDrop = (e: DragEvent) => {
    if (!e.dataTransfer.files.length) return;
    e.preventDefault();
    intake.files.add([...e.dataTransfer.files], false);
  };
  const onPaste = (e: ClipboardEvent) => {
    const files = [...e.clipboardData.files];
    if (!files.length) return;
    e.preventDefault();
    intake.files.add(files, false);
  };

  if (intake.saved) return <SavedPanel saved={intake.saved} onNext={intake.reset} shell={shell} />;

  const invalid = fieldOrder
    .map((f) => [f, intake.visibleError(f)] as const)
    .filter((e): e is readonly [string, string] => !!e[1])
    .map(([f, m]) => [f, m] as [string, string]);
  const showSummary = intake.serverError?.code === 'VALIDATION' && invalid.length > 0;

  return (
    <section className="intake">
      <header className="intake__header">
        <h1>{t('ui.intake.title')}</h1>
        <p className="shortcuts" aria-label={t('ui.shortcutsLabel')}>
          {t('ui.intake.shortcuts')}
        </p>
      </header>
      <form
        className="intake__form"
        noValidate
        onKeyDown={onKeyDown}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) e.preventDefault();
        }}
        onDrop={onDrop}
        onPaste={onPaste}
        onSubmit={(e) => {
          e.preventDefault();
          void intake.save();
        }}
      >
        <InfoNotice text={intake.restored ? t('ui.intake.draftRestored') : null} />
        {showSummary ? (
          <ErrorSummary errors={invalid} idOf={fieldId} />
        ) : (
          <ErrorNotice error={intake.serverError} />
        )}
        <IntakeFields
          intake={intake}
          firstField={firstField}
          checklist={<Checklist form={intake.form} />}
          aside={
            <IntakeHints
              form={intake.form}
              similar={intake.similar}
              today={intake.today}
              onOpenComplaint={onOpenComplaint}
            />
          }
        />
        <div className="actionbar">
          <button type="submit" className="primary" disabled={intake.saving}>
            {t('ui.save')} <kbd>Ctrl+Enter</kbd>
          </button>
          <span className="muted">
            <span className="req" aria-hidden="true">
              *
            </span>{' '}
            {t('ui.form.requiredNote')}
          </span>
          <IntakeFiles state={intake.files} picker={picker} />
        </div>
      </form>
    </section>
  );
}
