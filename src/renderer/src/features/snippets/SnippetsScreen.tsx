/** Supervisors keep the canned texts officers insert with ::keyword. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';
import { fieldBinder } from '../../components/fieldBinder';
import { useSubmit } from '../../components/useSubmit';

const empty = { keyword: '', title: '', body: '', active: true };

export function SnippetsScreen() {
  const { t } = useTranslation();
  const { data, reload } = useQuery(() => api['snippets.list']({}));
  const [form, setForm] = useState(empty);
  const [info, setInfo] = useState<string | null>(null);
  const save = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setInfo(null);
    const saved = await save.run(() => api['snippets.save'](form));
    if (saved) {
      setInfo(t('ui.snippets.saved', { keyword: saved.keyword }));
      setForm(empty);
      reload();
    }
  }

  const bind = fieldBinder(form, setForm, save.fieldError);
  return (
    <section>
      <h1>{t('ui.snippets.title')}</h1>
      <p className="muted">{t('ui.snippets.intro')}</p>
      <DataTable
        rows={data ?? []}
        rowKey={(s) => s.keyword}
        columns={[
          { header: t('fields.keyword'), cell: (s) => `::${s.keyword}` },
          { header: t('fields.title'), cell: (s) => s.title },
          { header: t('fields.body'), cell: (s) => s.body },
          { header: t('fields.active'), cell: (s) => (s.active ? t('ui.yes') : t('ui.no')) },
        ]}
        onEdit={(s) => setForm({ ...s })}
        rowName={(s) => `::${s.keyword}`}
      />
      <h2>{t('ui.snippets.edit')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={save.error} />
        <InfoNotice text={info} />
        <div className="form-grid form-grid--2">
          <TextField label={t('fields.keyword')} {...bind('keyword')} />
          <TextField label={t('fields.title')} {...bind('title')} />
        </div>
        <div className="field">
          <label htmlFor="snippet-body">{t('fields.body')}</label>
          <textarea
            id="snippet-body"
            rows={4}
            value={form.body}
            onChange={(e) => setForm({ ...form, body: e.target.value })}
          />
          {save.fieldError('body') ? <small className="field__error">{save.fieldError('body')}</small> : null}
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={form.active}
            onChange={(e) => setForm({ ...form, active: e.target.checked })}
          />{' '}
          {t('fields.active')}
        </label>
        <button type="submit" className="primary" disabled={save.busy}>
          {t('ui.save')}
        </button>
      </form>
    </section>
  );
}
