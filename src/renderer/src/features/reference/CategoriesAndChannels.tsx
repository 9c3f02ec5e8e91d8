/** Admins add and rename categories (two levels) and intake channels; both are deactivated, never deleted. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { DataTable } from '../../components/DataTable';
import { api } from '../../api/client';
import { SelectField, TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { fieldBinder } from '../../components/fieldBinder';
import { useSubmit } from '../../components/useSubmit';

type All = MethodOutput<'reference.all'>;

export function Categories({
  categories,
  onChange,
}: {
  categories: All['categories'];
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const save = useSubmit();
  const [form, setForm] = useState<{ id?: number; name: string; parentId: string; active: boolean }>({
    name: '',
    parentId: '',
    active: true,
  });
  const top = categories.filter((c) => c.parentId === null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const input = {
      ...(form.id ? { id: form.id } : {}),
      name: form.name,
      parentId: form.parentId ? Number(form.parentId) : null,
      active: form.active,
    };
    if (await save.run(() => api['reference.saveCategory'](input))) {
      setForm({ name: '', parentId: '', active: true });
      onChange();
    }
  }

  const bind = fieldBinder(form, setForm, save.fieldError);
  return (
    <>
      <h2>{t('ui.reference.categories')}</h2>
      <div className="scroll-box">
        <table className="table">
          <tbody>
            {top.map((c) => (
              <tr key={c.id}>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => setForm({ id: c.id, name: c.name, parentId: '', active: c.active })}
                  >
                    {c.name}
                  </button>
                  {c.active ? '' : ` (${t('ui.accounts.inactive')})`}
                </td>
                <td>
                  {categories
                    .filter((s) => s.parentId === c.id)
                    .map((s) => (
                      <button
                        key={s.id}
                        type="button"
                        className="link chip"
                        onClick={() =>
                          setForm({ id: s.id, name: s.name, parentId: String(c.id), active: s.active })
                        }
                      >
                        {s.name}
                        {s.active ? '' : ` (${t('ui.accounts.inactive')})`}
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={submit} noValidate className="form-grid">
        <ErrorNotice error={save.error} />
        <TextField label={t('ui.reference.categoryName')} {...bind('name')} />
        <SelectField label={t('fields.parentId')} {...bind('parentId')}>
          <option value="">{t('ui.reference.topLevel')}</option>
          {top.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <label className="check">
          <input
            type="checkbox"
            checked={form.active}
            onChange={(e) => setForm({ ...form, active: e.target.checked })}
          />{' '}
          {t('fields.active')}
        </label>
        <button type="submit" className="primary" disabled={save.busy}>
          {t('ui.reference.saveCategory')}
        </button>
      </form>
    </>
  );
}

export function Channels({ channels, onChange }: { channels: All['channels']; onChange: () => void }) {
  const { t } = useTranslation();
  const save = useSubmit();
  const [form, setForm] = useState({ code: '', name: '', active: true });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save.run(() => api['reference.saveChannel'](form))) {
      setForm({ code: '', name: '', active: true });
      onChange();
    }
  }

  const bind = fieldBinder(form, setForm, save.fieldError);
  return (
    <>
      <h2>{t('ui.reference.channels')}</h2>
      <DataTable
        rows={channels}
        rowKey={(c) => c.code}
        columns={[
          { header: t('ui.reference.channelCode'), cell: (c) => c.code },
          { header: t('ui.reference.channelName'), cell: (c) => c.name },
          {
            header: t('fields.active'),
            cell: (c) => (c.active ? t('ui.accounts.active') : t('ui.accounts.inactive')),
          },
        ]}
        onEdit={(c) => setForm({ ...c })}
        selected={form.code || null}
      />
      <form onSubmit={submit} noValidate className="form-grid">
        <ErrorNotice error={save.error} />
        <TextField label={t('ui.reference.channelCode')} {...bind('code')} />
        <TextField label={t('ui.reference.channelName')} {...bind('name')} />
        <label className="check">
          <input
            type="checkbox"
            checked={form.active}
            onChange={(e) => setForm({ ...form, active: e.target.checked })}
          />{' '}
          {t('fields.active')}
        </label>
        <button type="submit" className="primary" disabled={save.busy}>
          {t('ui.reference.saveChannel')}
        </button>
      </form>
    </>
  );
}
