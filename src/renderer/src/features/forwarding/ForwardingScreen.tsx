/** The central server: settings (admin), and records the server refused, to fix and resend (supervisor). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';
import { useSubmit } from '../../components/useSubmit';

export function ForwardingScreen({
  isAdmin,
  onOpenComplaint,
}: {
  isAdmin: boolean;
  onOpenComplaint: (id: string) => void;
}) {
  const { t } = useTranslation();
  const parked = useQuery(() => api['forwarding.parked']({}));
  const resend = useSubmit();
  return (
    <section>
      <h1>{t('ui.forwarding.title')}</h1>
      {isAdmin ? <ServerSettings /> : null}
      <h2>{t('ui.forwarding.parkedTitle')}</h2>
      <ErrorNotice error={resend.error} />
      {parked.data?.length ? (
        <table className="table">
          <tbody>
            {parked.data.map((p) => (
              <tr key={p.id}>
                <td>
                  {p.kind === 'register' ? (
                    p.complaintId
                  ) : (
                    <button type="button" className="link" onClick={() => onOpenComplaint(p.complaintId)}>
                      {p.receiptNumber ?? p.complaintId}
                    </button>
                  )}
                </td>
                <td>{t(`ui.forwarding.kind.${p.kind}`)}</td>
                <td>
                  {p.lastStatus ?? ''} {p.lastError}
                </td>
                <td>
                  <button
                    type="button"
                    onClick={async () =>
                      (await resend.run(() => api['forwarding.resend']({ id: p.id }))) && parked.reload()
                    }
                  >
                    {t('ui.forwarding.resend')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('ui.forwarding.noneParked')}</p>
      )}
    </section>
  );
}

function ServerSettings() {
  const { t } = useTranslation();
  const current = useQuery(() => api['forwarding.settings']({}));
  const [form, setForm] = useState<{
    url: string;
    token: string;
    caCertificate: string;
    enabled: boolean;
    plainHttpHost: string;
    pullEverySeconds: string;
  } | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const save = useSubmit();
  const resume = useSubmit();
  const values =
    form ??
    (current.data
      ? {
          url: current.data.url,
          token: '',
          caCertificate: current.data.caCertificate,
          enabled: current.data.enabled,
          plainHttpHost: current.data.plainHttpHost,
          pullEverySeconds: String(current.data.pullEverySeconds),
        }
      : null);
  if (!values) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await save.run(() =>
      api['forwarding.saveSettings']({
        url: values!.url,
        ...(values!.token ? { token: values!.token } : {}),
        caCertificate: values!.caCertificate,
        enabled: values!.enabled,
        plainHttpHost: values!.plainHttpHost,
        pullEverySeconds: Number(values!.pullEverySeconds),
      }),
    );
    if (saved) {
      setInfo(t('ui.forwarding.saved'));
      setForm(null);
      current.reload();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form-grid">
      <ErrorNotice error={save.error ?? resume.error} />
      <InfoNotice text={info} />
      <TextField
        label={t('ui.forwarding.url')}
        value={values.url}
        onChange={(e) => setForm({ ...values, url: e.target.value })}
        error={save.fieldError('url')}
        placeholder="https://pusat.probolinggokab.go.id"
      />
      <TextField
        label={t('ui.forwarding.token')}
        type="password"
        value={values.token}
        onChange={(e) => setForm({ ...values, token: e.target.value })}
        hint={current.data?.tokenSet ? t('ui.forwarding.tokenSet') : undefined}
        autoComplete="off"
      />
      <div className="field">
        <label htmlFor="fwd-ca">{t('ui.forwarding.ca')}</label>
        <textarea
          id="fwd-ca"
          rows={3}
          value={values.caCertificate}
          onChange={(e) => setForm({ ...values, caCertificate: e.target.value })}
          placeholder="-----BEGIN CERTIFICATE-----"
        />
        {save.fieldError('caCertificate') ? (
          <small className="field__error">{save.fieldError('caCertificate')}</small>
        ) : null}
      </div>
      <TextField
        label={t('ui.forwarding.plainHttpHost')}
        value={values.plainHttpHost}
        onChange={(e) => setForm({ ...values, plainHttpHost: e.target.value })}
        error={save.fieldError('plainHttpHost')}
        hint={t('ui.forwarding.plainHttpHint')}
        placeholder="pusat.lan"
      />
      <TextField
        label={t('ui.forwarding.pullEverySeconds')}
        inputMode="numeric"
        value={values.pullEverySeconds}
        onChange={(e) => setForm({ ...values, pullEverySeconds: e.target.value })}
        error={save.fieldError('pullEverySeconds')}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={values.enabled}
          onChange={(e) => setForm({ ...values, enabled: e.target.checked })}
        />{' '}
        {t('ui.forwarding.enabled')}
      </label>
      <button type="submit" className="primary" disabled={save.busy}>
        {t('ui.save')}
      </button>
      <button
        type="button"
        onClick={async () =>
          (await resume.run(() => api['forwarding.resume']({}))) && setInfo(t('ui.forwarding.resumed'))
        }
      >
        {t('ui.forwarding.resume')}
      </button>
    </form>
  );
}
