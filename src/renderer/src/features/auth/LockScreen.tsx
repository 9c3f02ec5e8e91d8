import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useSubmit } from '../../components/useSubmit';
import type { SessionInfo } from '../../data/session';

export function LockScreen({ session, onChange }: { session: SessionInfo; onChange: () => void }) {
  const { t } = useTranslation();
  const { busy, error, fieldError, run } = useSubmit();
  const [secret, setSecret] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const unlocked = await run(() => api['auth.unlock']({ secret }));
    setSecret('');
    // A wrong PIN ends the session in main; either way the app re-reads where it stands.
    if (unlocked) onChange();
    else window.setTimeout(onChange, 1500);
  }

  async function switchUser() {
    await api['auth.signOut']({});
    onChange();
  }

  return (
    <main className="card card--narrow" aria-labelledby="lock-title">
      <h1 id="lock-title">{t('ui.lock.title')}</h1>
      <p>{t('ui.lock.intro', { name: session.account.displayName })}</p>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} />
        <TextField
          label={t('fields.secret')}
          type="password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          error={fieldError('secret')}
          autoFocus
          required
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('ui.lock.submit')}
          </button>
          <button type="button" onClick={switchUser}>
            {t('ui.lock.switchUser')}
          </button>
        </div>
      </form>
    </main>
  );
}
