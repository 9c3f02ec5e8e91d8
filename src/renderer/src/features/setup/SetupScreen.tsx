import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { localError, say } from '../../i18n';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useSubmit } from '../../components/useSubmit';

export function SetupScreen({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { busy, error, setError, fieldError, run } = useSubmit();
  const [form, setForm] = useState({
    deskCode: '',
    siteName: 'Mal Pelayanan Publik Kabupaten Probolinggo',
    name: '',
    displayName: '',
    secret: '',
    confirm: '',
    followUpContact: '',
    statusUrl: '',
  });
  // The contact printed on receipts, suggested from the reference data; the admin confirms or edits it.
  useEffect(() => {
    void api['app.status']({}).then((r) => {
      if (r.ok && r.value.setupDefaults.followUpContact)
        setForm((f) =>
          f.followUpContact ? f : { ...f, followUpContact: r.value.setupDefaults.followUpContact },
        );
    });
  }, []);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.secret !== form.confirm) {
      setError(localError('VALIDATION', say('ui.setup.mismatch'), ['confirm']));
      return;
    }
    const done = await run(() =>
      api['setup.initialize']({
        deskCode: form.deskCode,
        siteName: form.siteName,
        admin: { name: form.name, displayName: form.displayName, secret: form.secret },
        followUpContact: form.followUpContact,
        statusUrl: form.statusUrl,
      }),
    );
    if (done) {
      const signedIn = await run(() => api['auth.signIn']({ name: form.name, secret: form.secret }));
      if (signedIn) onDone();
    }
  }

  return (
    <main className="card card--narrow">
      <h1>{t('ui.setup.title')}</h1>
      <p>{t('ui.setup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={error} />
        <TextField
          label={t('fields.deskCode')}
          value={form.deskCode}
          onChange={(e) => setForm((f) => ({ ...f, deskCode: e.target.value.toUpperCase() }))}
          error={fieldError('deskCode')}
          hint="PBL01"
          maxLength={8}
          autoFocus
          required
        />
        <TextField
          label={t('fields.siteName')}
          value={form.siteName}
          onChange={set('siteName')}
          error={fieldError('siteName')}
          required
        />
        <fieldset>
          <legend>{t('ui.setup.receiptSection')}</legend>
          <TextField
            label={t('fields.followUpContact')}
            value={form.followUpContact}
            onChange={set('followUpContact')}
            error={fieldError('followUpContact')}
            hint={t('ui.setup.contactHint')}
          />
          <TextField
            label={t('fields.statusUrl')}
            value={form.statusUrl}
            onChange={set('statusUrl')}
            error={fieldError('statusUrl')}
            placeholder="https://"
          />
        </fieldset>
        <fieldset>
          <legend>{t('ui.setup.adminSection')}</legend>
          <TextField
            label={t('fields.name')}
            value={form.name}
            onChange={set('name')}
            error={fieldError('admin.name')}
            autoComplete="off"
            required
          />
          <TextField
            label={t('fields.displayName')}
            value={form.displayName}
            onChange={set('displayName')}
            error={fieldError('admin.displayName')}
            required
          />
          <TextField
            label={t('fields.secret')}
            type="password"
            value={form.secret}
            onChange={set('secret')}
            error={fieldError('admin.secret')}
            autoComplete="new-password"
            required
          />
          <TextField
            label={t('ui.setup.confirmSecret')}
            type="password"
            value={form.confirm}
            onChange={set('confirm')}
            error={fieldError('confirm')}
            autoComplete="new-password"
            required
          />
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {t('ui.setup.submit')}
        </button>
      </form>
    </main>
  );
}
