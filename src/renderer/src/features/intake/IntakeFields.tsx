/** The intake fields, in the order an officer asks a citizen; every label is the contract's word. */
import { useMemo, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintTypes } from '../../../../shared/domain/complaint';
import { parseTypedDate } from '../../../../shared/domain/typed-date';
import { api } from '../../api/client';
import { useReference } from '../../data/reference';
import { Combobox, type Option } from '../../components/Combobox';
import { longDate } from '../../components/dates';
import { FieldLabel, SelectField, TextField } from '../../components/Field';
import { useQuery } from '../../components/useQuery';
import { typedLimits } from '../../../../shared/domain/complaint-rules';
import { limits, type IntakeForm } from './form-state';
import { expandSnippet } from './snippets';
import type { useIntake } from './useIntake';

type Intake = ReturnType<typeof useIntake>;

/** The id of a field's control, so the error summary can link to it. */
export const fieldId = (key: string) => `intake-${key}`;

export function IntakeFields({
  intake,
  firstField,
  checklist,
  aside,
}: {
  intake: Intake;
  firstField: RefObject<HTMLSelectElement | null>;
  /** Under the body: what the report already says. */
  checklist: ReactNode;
  /** Under the report, beside location and identity: hints about the same citizen. */
  aside: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const { form, update, visibleError, touch } = intake;
  const { data: snippets } = useQuery(() => api['snippets.list']({}));
  const bodyId = fieldId('body');

  const kecamatan = useMemo<Option[]>(
    () => ref.regions.filter((r) => r.level === 'kecamatan').map((r) => ({ value: r.code, label: r.name })),
    [ref.regions],
  );
  const desa = useMemo<Option[]>(
    () =>
      ref.regions
        .filter((r) => (r.level === 'desa' || r.level === 'kelurahan') && r.parentCode === form.kecamatanCode)
        .map((r) => ({
          value: r.code,
          label: r.name,
          hint: r.level === 'kelurahan' ? 'kelurahan' : undefined,
        })),
    [ref.regions, form.kecamatanCode],
  );
  const categories = useMemo<Option[]>(
    () =>
      ref.categories
        .filter((c) => c.parentId === null && c.active)
        .map((c) => ({ value: String(c.id), label: c.name })),
    [ref.categories],
  );
  const subcategories = useMemo<Option[]>(
    () =>
      ref.categories
        .filter(
          (c) =>
            c.parentId !== null && (!form.categoryId || String(c.parentId) === form.categoryId) && c.active,
        )
        .map((c) => ({
          value: String(c.id),
          label: c.name,
          hint: form.categoryId ? undefined : ref.categoryName(c.parentId),
        })),
    [ref, form.categoryId],
  );
  const agencies = useMemo<Option[]>(
    () => ref.agencies.filter((a) => a.active).map((a) => ({ value: a.code, label: a.name, hint: a.code })),
    [ref.agencies],
  );
  const text = (key: keyof IntakeForm) => ({
    id: fieldId(key),
    value: form[key] as string,
    onChange: (e: { target: { value: string } }) => update(key, e.target.value as never),
    onBlur: () => touch(key),
    error: visibleError(key),
  });
  const noMatch = t('ui.intake.noMatch');
  const incidentDate = parseTypedDate(form.incidentDate, intake.today);

  return (
    <div className="intake__cols">
      <div className="intake__col">
        <fieldset>
          <legend>{t('ui.intake.report')}</legend>
          <div className="form-grid form-grid--2">
            <SelectField
              label={t('fields.type')}
              ref={firstField}
              id={fieldId('type')}
              value={form.type}
              onChange={(e) => update('type', e.target.value as IntakeForm['type'])}
            >
              {complaintTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('fields.channel')}
              id={fieldId('channel')}
              required
              value={form.channel}
              onChange={(e) => update('channel', e.target.value)}
              error={visibleError('channel')}
            >
              {ref.channels
                .filter((c) => c.active)
                .map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
            </SelectField>
          </div>
          <TextField
            label={t('fields.title')}
            {...text('title')}
            required
            maxLength={limits.title[1]}
            hint={t('ui.intake.counter', { n: form.title.length, max: limits.title[1] })}
          />
          <div className={visibleError('body') ? 'field field--error' : 'field'}>
            <FieldLabel required>
              <label htmlFor={bodyId}>{t('fields.body')}</label>
            </FieldLabel>
            <textarea
              id={bodyId}
              rows={5}
              value={form.body}
              maxLength={limits.body[1]}
              aria-required
              aria-invalid={visibleError('body') ? true : undefined}
              aria-describedby={`${bodyId}-hint`}
              onBlur={() => touch('body')}
              onChange={(e) => {
                const el = e.target;
                const expanded = expandSnippet(el.value, el.selectionStart, snippets ?? []);
                if (expanded) {
                  update('body', expanded.text);
                  requestAnimationFrame(() => el.setSelectionRange(expanded.caret, expanded.caret));
                } else update('body', el.value);
              }}
            />
            <small id={`${bodyId}-hint`} className="field__hint">
              {t('ui.intake.snippetHint')} ·{' '}
              {t('ui.intake.counter', { n: form.body.length, max: limits.body[1] })}
            </small>
            {visibleError('body') ? (
              <small className="field__error" role="alert">
                {visibleError('body')}
              </small>
            ) : null}
            {checklist}
          </div>
          <TextField
            label={t('fields.incidentDate')}
            {...text('incidentDate')}
            placeholder={t('ui.datePlaceholder')}
            autoComplete="off"
            hint={incidentDate ? longDate(incidentDate) : t('ui.intake.dateHint')}
          />
        </fieldset>
        {aside}
      </div>
      <div className="intake__col">
        <fieldset>
          <legend>{t('ui.intake.location')}</legend>
          <div className="form-grid form-grid--2">
            <Combobox
              label={t('fields.kecamatanCode')}
              id={fieldId('kecamatanCode')}
              options={kecamatan}
              value={form.kecamatanCode || undefined}
              onChange={(v) => update('kecamatanCode', v ?? '')}
              error={visibleError('kecamatanCode')}
              noMatchText={noMatch}
            />
            <Combobox
              label={t('fields.desaCode')}
              id={fieldId('desaCode')}
              options={desa}
              value={form.desaCode || undefined}
              onChange={(v) => {
                const parent = ref.regions.find((r) => r.code === v)?.parentCode;
                if (v && parent && parent !== form.kecamatanCode) update('kecamatanCode', parent);
                update('desaCode', v ?? '');
              }}
              error={visibleError('desaCode')}
              noMatchText={noMatch}
            />
          </div>
          <TextField
            label={t('fields.locationDetail')}
            {...text('locationDetail')}
            maxLength={limits.locationDetail[1]}
          />
          <div className="form-grid form-grid--2">
            <Combobox
              label={t('fields.categoryId')}
              id={fieldId('categoryId')}
              options={categories}
              value={form.categoryId || undefined}
              onChange={(v) => update('categoryId', v ?? '')}
              error={visibleError('categoryId')}
              noMatchText={noMatch}
            />
            <Combobox
              label={t('fields.subcategoryId')}
              id={fieldId('subcategoryId')}
              options={subcategories}
              value={form.subcategoryId || undefined}
              onChange={(v) => {
                const parent = ref.categories.find((c) => String(c.id) === v)?.parentId;
                if (v && parent && String(parent) !== form.categoryId) update('categoryId', String(parent));
                update('subcategoryId', v ?? '');
              }}
              error={visibleError('subcategoryId')}
              noMatchText={noMatch}
            />
          </div>
          <Combobox
            label={t('fields.agencyCode')}
            id={fieldId('agencyCode')}
            required
            options={agencies}
            value={form.agencyCode || undefined}
            onChange={(v) => update('agencyCode', v ?? '')}
            error={visibleError('agencyCode')}
            noMatchText={noMatch}
            onBlur={() => touch('agencyCode')}
          />
          <div className="checks">
            {(['supervisory', 'anonymous', 'confidential'] as const).map((key) => (
              <label key={key} className="check">
                <input type="checkbox" checked={form[key]} onChange={(e) => update(key, e.target.checked)} />{' '}
                {t(`fields.${key}`)}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('ui.intake.identity')}</legend>
          <TextField
            label={t('fields.complainantName')}
            {...text('complainantName')}
            required={!form.anonymous}
            maxLength={limits.complainantName[1]}
            autoComplete="off"
          />
          <div className="form-grid form-grid--2">
            <TextField
              label={t('fields.nik')}
              {...text('nik')}
              inputMode="numeric"
              maxLength={typedLimits.nik}
              autoComplete="off"
            />
            <TextField
              label={t('fields.phone')}
              {...text('phone')}
              inputMode="tel"
              maxLength={typedLimits.phone}
              autoComplete="off"
            />
          </div>
          <TextField
            label={t('fields.email')}
            type="email"
            {...text('email')}
            maxLength={limits.email[1]}
            autoComplete="off"
          />
          <TextField
            label={t('fields.address')}
            {...text('address')}
            maxLength={limits.address[1]}
            autoComplete="off"
          />
        </fieldset>
      </div>
    </div>
  );
}
