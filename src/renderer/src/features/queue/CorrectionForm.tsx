/**
 * A supervisor corrects the title or text of a record, or an officer one returned to them; the
 * history keeps what it said before.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { fieldBinder } from '../../components/fieldBinder';
import { useSubmit } from '../../components/useSubmit';

export function CorrectionForm({
  id,
  title,
  body,
  onDone,
  initiallyOpen = false,
  onCancel,
}: {
  id: string;
  title: string;
  body: string;
  onDone: () => void;
  /** Opened at once (the day review opens it with Enter; the officer's Beranda for a returned record). */
  initiallyOpen?: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  const [form, setForm] = useState({ title, body, reason: '' });
  const submit = useSubmit();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const changes = {
      id,
      reason: form.reason,
      ...(form.title !== title ? { title: form.title } : {}),
      ...(form.body !== body ? { body: form.body } : {}),
    };
    if (await submit.run(() => api['complaints.correct'](changes))) {
      setOpen(false);
      onDone();
    }
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('ui.detail.correct')}
      </button>
    );
  }
  const bind = fieldBinder(form, setForm, submit.fieldError);
  return (
    <form onSubmit={onSubmit} noValidate className="action-form" aria-label={t('ui.detail.correct')}>
      <ErrorNotice error={submit.error} />
      <TextField label={t('fields.title')} {...bind('title')} autoFocus={initiallyOpen} />
      <div className="field">
        <label htmlFor={`correct-body-${id}`}>{t('fields.body')}</label>
        <textarea
          id={`correct-body-${id}`}
          rows={5}
          value={form.body}
          onChange={(e) => setForm({ ...form, body: e.target.value })}
        />
        {submit.fieldError('body') ? (
          <small className="field__error">{submit.fieldError('body')}</small>
        ) : null}
      </div>
      <TextField label={t('ui.detail.correctReason')} {...bind('reason')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('ui.save')}
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            onCancel?.();
          }}
        >
          {t('ui.cancel')}
        </button>
      </div>
    </form>
  );
}
