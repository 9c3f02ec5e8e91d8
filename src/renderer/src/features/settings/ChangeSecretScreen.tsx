import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { fieldBinder } from '../../components/fieldBinder';
import { useSubmit } from '../../components/useSubmit';

export function ChangeSecretScreen() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ current: '', next: '' });
  const [info, setInfo] = useState<string | null>(null);
  const save = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setInfo(null);
    if ((await save.run(() => api['auth.changeSecret'](form))) !== undefined) {
      setForm({ current: '', next: '' });
      setInfo(t('ui.changeSecret.done'));
    }
  }

  const bind = fieldBinder(form, setForm, save.fieldError);
  return (
    <section>
      <h1>{t('ui.changeSecret.title')}</h1>
      <form onSubmit={submit} noValidate className="form-grid">
        <ErrorNotice error={save.error} />
        <InfoNotice text={info} />
        <TextField label={t('fields.current')} type="password" {...bind('current')} />
        <TextField label={t('fields.next')} type="password" {...bind('next')} />
        <button type="submit" className="primary" disabled={save.busy}>
          {t('ui.save')}
        </button>
      </form>
    </section>
  );
}
