import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import { roles, type Role } from '../../../../shared/domain/roles';
import { DataTable } from '../../components/DataTable';
import { api } from '../../api/client';
import { SelectField, TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useReference } from '../../data/reference';
import { useQuery } from '../../components/useQuery';
import { fieldBinder } from '../../components/fieldBinder';
import { useSubmit } from '../../components/useSubmit';

const emptyForm = { name: '', displayName: '', role: 'officer' as Role, secret: '' };

export function AccountsScreen({ selfId }: { selfId: string }) {
  const { t } = useTranslation();
  const { data, reload: load } = useQuery(() => api['accounts.list']({}));
  const shared = useReference(); // the queue's officer filter lists accounts too
  const list: AccountView[] = data ?? [];
  const [form, setForm] = useState(emptyForm);
  const [info, setInfo] = useState<string | null>(null);
  const create = useSubmit();
  const change = useSubmit();
  const reset = useSubmit();
  const [resetFor, setResetFor] = useState<AccountView | null>(null);
  const [newSecret, setNewSecret] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setInfo(null);
    const created = await create.run(() => api['accounts.create'](form));
    if (created) {
      setInfo(t('ui.accounts.created', { name: created.name }));
      setForm(emptyForm);
      load();
      shared.reload();
    }
  }

  async function toggle(account: AccountView) {
    const updated = await change.run(() =>
      api['accounts.update']({ id: account.id, disabled: !account.disabled }),
    );
    if (updated) void load();
  }

  const bind = fieldBinder(form, setForm, create.fieldError);
  return (
    <section>
      <h1>{t('ui.accounts.title')}</h1>
      <ErrorNotice error={change.error} />
      <DataTable
        rows={list}
        rowKey={(a) => a.id}
        columns={[
          { header: t('fields.name'), cell: (a) => a.name },
          { header: t('fields.displayName'), cell: (a) => a.displayName },
          { header: t('fields.role'), cell: (a) => t(`roles.${a.role}`) },
          {
            header: t('ui.accounts.status'),
            cell: (a) =>
              (a.disabled ? t('ui.accounts.inactive') : t('ui.accounts.active')) +
              (a.lockedUntil && new Date(a.lockedUntil) > new Date()
                ? ` · ${t('ui.accounts.lockedUntil', { until: new Date(a.lockedUntil).toLocaleTimeString('id-ID', { timeZone: 'Asia/Jakarta' }) })}`
                : ''),
          },
        ]}
        actions={(a) =>
          a.id !== selfId ? (
            <>
              <button type="button" onClick={() => toggle(a)}>
                {a.disabled ? t('ui.accounts.enable') : t('ui.accounts.disable')} {a.name}
              </button>
              <button type="button" onClick={() => setResetFor(a)}>
                {t('ui.accounts.resetSecret')} {a.name}
              </button>
            </>
          ) : null
        }
      />

      {resetFor ? (
        <form
          noValidate
          className="form-grid"
          aria-label={`${t('ui.accounts.resetSecret')} ${resetFor.name}`}
          onSubmit={async (e) => {
            e.preventDefault();
            if (
              (await reset.run(() => api['accounts.resetSecret']({ id: resetFor.id, secret: newSecret }))) !==
              undefined
            ) {
              setInfo(t('ui.accounts.secretReset', { name: resetFor.name }));
              setResetFor(null);
              setNewSecret('');
              load();
            }
          }}
        >
          <ErrorNotice error={reset.error} />
          <TextField
            label={`${t('fields.next')} (${resetFor.name})`}
            type="password"
            value={newSecret}
            onChange={(e) => setNewSecret(e.target.value)}
            error={reset.fieldError('secret')}
            autoComplete="new-password"
            autoFocus
          />
          <button type="submit" className="primary" disabled={reset.busy}>
            {t('ui.save')}
          </button>
          <button type="button" onClick={() => setResetFor(null)}>
            {t('ui.cancel')}
          </button>
        </form>
      ) : null}
      <h2>{t('ui.accounts.create')}</h2>
      <form onSubmit={submit} noValidate className="form-grid">
        <ErrorNotice error={create.error} />
        <InfoNotice text={info} />
        <TextField label={t('fields.name')} {...bind('name')} autoComplete="off" />
        <TextField label={t('fields.displayName')} {...bind('displayName')} />
        <SelectField
          label={t('fields.role')}
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('fields.secret')}
          type="password"
          {...bind('secret')}
          autoComplete="new-password"
        />
        <button type="submit" className="primary" disabled={create.busy}>
          {t('ui.accounts.create')}
        </button>
      </form>
    </section>
  );
}
