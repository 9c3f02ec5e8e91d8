/** Admins set up the counter's receipt printers, mark one as the default, and print test pages. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { paperSizes, printerKinds, type PrinterView } from '../../../../shared/contract/receipts';
import { DataTable } from '../../components/DataTable';
import { api } from '../../api/client';
import { SelectField, TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';
import { fieldBinder } from '../../components/fieldBinder';
import { useSubmit } from '../../components/useSubmit';

type Form = Omit<PrinterView, 'id' | 'codepageMapping'> & {
  id?: string;
  codepageMapping: 'epson' | 'star' | 'xprinter' | 'pos-5890' | 'pos-8360' | 'bixolon' | 'citizen' | 'sunmi';
};
const empty: Form = {
  name: '',
  kind: 'escpos-tcp',
  address: '',
  paper: '80mm',
  codepageMapping: 'epson',
  qrMode: 'native',
  timeoutMs: 8000,
  isDefault: true,
  active: true,
};
const mappings: Form['codepageMapping'][] = [
  'epson',
  'star',
  'xprinter',
  'pos-5890',
  'pos-8360',
  'bixolon',
  'citizen',
  'sunmi',
];

export function PrintersScreen({ shell }: { shell: 'electron' | 'browser' }) {
  const { t } = useTranslation();
  const { data, reload } = useQuery(() => api['printers.list']({}));
  const [form, setForm] = useState<Form>(empty);
  const [info, setInfo] = useState<string | null>(null);
  const save = useSubmit();
  const test = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setInfo(null);
    if (await save.run(() => api['printers.save'](form))) {
      setForm(empty);
      reload();
    }
  }

  const bind = fieldBinder(form, setForm, save.fieldError);
  return (
    <section>
      <h1>{t('ui.printers.title')}</h1>
      <ErrorNotice error={test.error} />
      <InfoNotice text={info} />
      <DataTable
        rows={data ?? []}
        rowKey={(p) => p.id}
        columns={[
          { header: t('fields.printerName'), cell: (p) => p.name },
          { header: t('fields.printerKind'), cell: (p) => t(`ui.printers.kinds.${p.kind}`) },
          { header: t('fields.printerAddress'), cell: (p) => p.address },
          { header: t('fields.paper'), cell: (p) => p.paper },
          { header: t('fields.isDefault'), cell: (p) => (p.isDefault ? t('ui.yes') : '') },
        ]}
        onEdit={(p) => setForm({ ...p, codepageMapping: p.codepageMapping as Form['codepageMapping'] })}
        rowName={(p) => p.name}
        actions={(p) => (
          <button
            type="button"
            onClick={async () => {
              setInfo(null);
              const r = await test.run(() => api['printers.test']({ id: p.id }));
              if (r) setInfo(t('ui.printers.tested', { printer: r.printer }));
            }}
          >
            {t('ui.printers.test')}
          </button>
        )}
      />
      <form onSubmit={submit} noValidate className="form-grid">
        <ErrorNotice error={save.error} />
        <TextField label={t('fields.printerName')} {...bind('name')} />
        <SelectField
          label={t('fields.printerKind')}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as Form['kind'] })}
        >
          {printerKinds
            .filter((k) => shell === 'electron' || k.startsWith('escpos'))
            .map((k) => (
              <option key={k} value={k}>
                {t(`ui.printers.kinds.${k}`)}
              </option>
            ))}
        </SelectField>
        <TextField
          label={t('fields.printerAddress')}
          {...bind('address')}
          hint={t('ui.printers.addressHint')}
        />
        <SelectField
          label={t('fields.paper')}
          value={form.paper}
          onChange={(e) => setForm({ ...form, paper: e.target.value as Form['paper'] })}
        >
          {paperSizes.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('fields.codepageMapping')}
          value={form.codepageMapping}
          onChange={(e) => setForm({ ...form, codepageMapping: e.target.value as Form['codepageMapping'] })}
        >
          {mappings.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('fields.qrMode')}
          value={form.qrMode}
          onChange={(e) => setForm({ ...form, qrMode: e.target.value as Form['qrMode'] })}
        >
          <option value="native">{t('ui.printers.native')}</option>
          <option value="raster">{t('ui.printers.raster')}</option>
        </SelectField>
        <TextField
          label={t('fields.timeoutMs')}
          type="number"
          value={String(form.timeoutMs)}
          onChange={(e) => setForm({ ...form, timeoutMs: Number(e.target.value) })}
          error={save.fieldError('timeoutMs')}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={form.isDefault}
            onChange={(e) => setForm({ ...form, isDefault: e.target.checked })}
          />{' '}
          {t('fields.isDefault')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={form.active}
            onChange={(e) => setForm({ ...form, active: e.target.checked })}
          />{' '}
          {t('fields.active')}
        </label>
        <button type="submit" className="primary" disabled={save.busy}>
          {t('ui.printers.add')}
        </button>
      </form>
    </section>
  );
}
