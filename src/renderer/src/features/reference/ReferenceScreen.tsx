import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { agencyKinds, holidayKinds } from '../../../../shared/contract/reference';
import { DataTable } from '../../components/DataTable';
import { api } from '../../api/client';
import { SelectField, TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';
import { useReference } from '../../data/reference';
import { Categories, Channels } from './CategoriesAndChannels';
import { fieldBinder } from '../../components/fieldBinder';
import { useSubmit } from '../../components/useSubmit';

type All = MethodOutput<'reference.all'>;

export function ReferenceScreen() {
  const { t } = useTranslation();
  const { data, reload } = useQuery(() => api['reference.all']({}));
  const shared = useReference();
  // Forms and filters elsewhere read the shared copy: refresh both.
  const load = () => {
    reload();
    shared.reload();
  };
  if (!data) return <p>{t('ui.loading')}</p>;
  const count = (level: string) => data.regions.filter((r) => r.level === level).length;
  return (
    <section>
      <h1>{t('ui.reference.title')}</h1>
      <p>
        {t('ui.reference.kecamatanCount', {
          kec: count('kecamatan'),
          desa: count('desa') + count('kelurahan'),
          cat: data.categories.filter((c) => c.parentId === null).length,
          ch: data.channels.length,
        })}
      </p>
      <Holidays holidays={data.holidays} onChange={load} />
      <Agencies agencies={data.agencies} onChange={load} />
      <Categories categories={data.categories} onChange={load} />
      <Channels channels={data.channels} onChange={load} />
    </section>
  );
}

function Holidays({ holidays, onChange }: { holidays: All['holidays']; onChange: () => void }) {
  const { t } = useTranslation();
  const save = useSubmit();
  const remove = useSubmit();
  const [form, setForm] = useState({
    date: '',
    kind: 'libur_nasional' as (typeof holidayKinds)[number],
    description: '',
    basis: '',
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save.run(() => api['reference.saveHoliday']({ ...form, basis: form.basis || undefined }))) {
      setForm({ ...form, date: '', description: '', basis: '' });
      onChange();
    }
  }

  const bind = fieldBinder(form, setForm, save.fieldError);
  return (
    <>
      <h2>{t('ui.reference.holidays')}</h2>
      <ErrorNotice error={remove.error} />
      <div className="scroll-box">
        <DataTable
          rows={holidays}
          rowKey={(h) => h.date}
          columns={[
            { header: t('fields.date'), cell: (h) => h.date },
            {
              header: t('fields.kind'),
              cell: (h) =>
                h.kind === 'cuti_bersama' ? t('ui.reference.cutiBersama') : t('ui.reference.liburNasional'),
            },
            { header: t('fields.description'), cell: (h) => h.description },
          ]}
          actions={(h) => (
            <button
              type="button"
              aria-label={`${t('ui.remove')} ${h.date}`}
              onClick={async () =>
                (await remove.run(() => api['reference.deleteHoliday']({ date: h.date }))) !== undefined &&
                onChange()
              }
            >
              {t('ui.remove')}
            </button>
          )}
        />
      </div>
      <form onSubmit={submit} noValidate className="form-grid">
        <ErrorNotice error={save.error} />
        <TextField label={t('fields.date')} type="date" {...bind('date')} />
        <SelectField
          label={t('fields.kind')}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as typeof form.kind })}
        >
          <option value="libur_nasional">{t('ui.reference.liburNasional')}</option>
          <option value="cuti_bersama">{t('ui.reference.cutiBersama')}</option>
        </SelectField>
        <TextField label={t('fields.description')} {...bind('description')} />
        <TextField label={t('fields.basis')} {...bind('basis')} />
        <button type="submit" className="primary" disabled={save.busy}>
          {t('ui.reference.addHoliday')}
        </button>
      </form>
    </>
  );
}

function Agencies({ agencies, onChange }: { agencies: All['agencies']; onChange: () => void }) {
  const { t } = useTranslation();
  const save = useSubmit();
  const [form, setForm] = useState({
    code: '',
    name: '',
    kind: 'opd' as (typeof agencyKinds)[number],
    note: '',
    active: true,
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await save.run(() => api['reference.saveAgency']({ ...form, note: form.note || undefined }))) {
      setForm({ code: '', name: '', kind: 'opd', note: '', active: true });
      onChange();
    }
  }

  const bind = fieldBinder(form, setForm, save.fieldError);
  return (
    <>
      <h2>{t('ui.reference.agencies')}</h2>
      <div className="scroll-box">
        <DataTable
          rows={agencies}
          rowKey={(a) => a.code}
          columns={[
            { header: t('fields.code'), cell: (a) => a.code },
            { header: t('fields.agencyCode'), cell: (a) => a.name },
            { header: t('fields.note'), cell: (a) => a.note },
            { header: t('fields.active'), cell: (a) => (a.active ? t('ui.yes') : t('ui.no')) },
          ]}
          onEdit={(a) =>
            setForm({ code: a.code, name: a.name, kind: a.kind, note: a.note ?? '', active: a.active })
          }
          selected={form.code || null}
        />
      </div>
      <form onSubmit={submit} noValidate className="form-grid">
        <ErrorNotice error={save.error} />
        <TextField label={t('fields.code')} {...bind('code')} />
        <TextField label={t('fields.agencyCode')} {...bind('name')} />
        <SelectField
          label={t('fields.agencyKind')}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as typeof form.kind })}
        >
          {agencyKinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </SelectField>
        <TextField label={t('fields.note')} {...bind('note')} />
        <label className="check">
          <input
            type="checkbox"
            checked={form.active}
            onChange={(e) => setForm({ ...form, active: e.target.checked })}
          />{' '}
          {t('fields.active')}
        </label>
        <button type="submit" className="primary" disabled={save.busy}>
          {t('ui.reference.addAgency')}
        </button>
      </form>
    </>
  );
}
