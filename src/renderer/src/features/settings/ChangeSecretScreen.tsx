import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
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

  return (
    <section>
      <h1>{t('ui.changeSecret.title')}</h1>
      <form onSubmit={submit} noValidate className="form-grid">
        <ErrorNotice error={save.error} />
        <InfoNotice text={info} />
        <TextField
          label={t('fields.current')}
          type="password"
          value={form.current}
          onChange={(e) => setForm({ ...form, current: e.target.value })}
          error={save.fieldError('current')}
        />
        <TextField
          label={t('fields.next')}
          type="password"
          value={form.next}
          onChange={(e) => setForm({ ...form, next: e.target.value })}
          error={save.fieldError('next')}
        />
        <button type="submit" className="primary" disabled={save.busy}>
          {t('ui.save')}
        </button>
      </form>
    </section>
  );
}
