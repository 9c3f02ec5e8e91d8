import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useSubmit } from '../../components/useSubmit';

export function SignInScreen({
  desk,
  onSignedIn,
}: {
  desk: { code: string; siteName: string } | null;
  onSignedIn: () => void;
}) {
  const { t } = useTranslation();
  const { busy, error, fieldError, run } = useSubmit();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const session = await run(() => api['auth.signIn']({ name, secret }));
    setSecret('');
    if (session) onSignedIn();
  }

  return (
    <main className="card card--narrow">
      <p className="eyebrow">{desk ? `${desk.code} · ${desk.siteName}` : t('app.tagline')}</p>
      <h1>{t('ui.signIn.title')}</h1>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} />
        <TextField
          label={t('fields.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError('name')}
          autoComplete="username"
          autoFocus
          required
        />
        <TextField
          label={t('fields.secret')}
          type="password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          error={fieldError('secret')}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('ui.signIn.submit')}
        </button>
      </form>
    </main>
  );
}
