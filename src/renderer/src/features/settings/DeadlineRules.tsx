/** Time limits per complaint type, from a day on (admin adds; records already received keep theirs). */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { wibDate } from '../../../../shared/calendar/working-days';
import { complaintTypes } from '../../../../shared/domain/complaint';
import { api } from '../../api/client';
import { shortDate } from '../../components/dates';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';
import { useSubmit } from '../../components/useSubmit';

export function DeadlineRules() {
  const { t } = useTranslation();
  const { data: rules, reload } = useQuery(() => api['settings.deadlineRules']({}));
  const [form, setForm] = useState({
    complaintType: '',
    verifyWorkingDays: '3',
    followUpWorkingDays: '5',
    answerCalendarDays: '14',
    effectiveFrom: wibDate(new Date()),
  });
  const add = useSubmit();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const saved = await add.run(() =>
      api['settings.addDeadlineRule']({
        complaintType: form.complaintType ? (form.complaintType as (typeof complaintTypes)[number]) : null,
        verifyWorkingDays: Number(form.verifyWorkingDays),
        followUpWorkingDays: Number(form.followUpWorkingDays),
        answerCalendarDays: Number(form.answerCalendarDays),
        effectiveFrom: form.effectiveFrom,
      }),
    );
    if (saved) reload();
  }
  const number = (key: 'verifyWorkingDays' | 'followUpWorkingDays' | 'answerCalendarDays') => (
    <TextField
      label={t(`fields.${key}`)}
      type="number"
      value={form[key]}
      onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      error={add.fieldError(key)}
    />
  );
  return (
    <section className="panel" aria-labelledby="deadline-rules-title">
      <h2 id="deadline-rules-title">{t('ui.settings.deadlineRules.title')}</h2>
      <p className="hint">{t('ui.settings.deadlineRules.hint')}</p>
      {rules?.length ? (
        <table className="report-table">
          <thead>
            <tr>
              {(
                [
                  'complaintType',
                  'verifyWorkingDays',
                  'followUpWorkingDays',
                  'answerCalendarDays',
                  'effectiveFrom',
                ] as const
              ).map((k) => (
                <th scope="col" key={k}>
                  {t(`fields.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.complaintType ? t(`types.${r.complaintType}`) : t('ui.settings.deadlineRules.allTypes')}
                </td>
                <td>{r.verifyWorkingDays}</td>
                <td>{r.followUpWorkingDays}</td>
                <td>{r.answerCalendarDays}</td>
                <td>{shortDate(r.effectiveFrom)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form
        onSubmit={onSubmit}
        noValidate
        className="form-grid form-grid--2"
        aria-label={t('ui.settings.deadlineRules.add')}
      >
        <ErrorNotice error={add.error} />
        <div className="field">
          <label htmlFor="rule-type">{t('fields.complaintType')}</label>
          <select
            id="rule-type"
            value={form.complaintType}
            onChange={(e) => setForm({ ...form, complaintType: e.target.value })}
          >
            <option value="">{t('ui.settings.deadlineRules.allTypes')}</option>
            {complaintTypes.map((c) => (
              <option key={c} value={c}>
                {t(`types.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          label={t('fields.effectiveFrom')}
          type="date"
          value={form.effectiveFrom}
          onChange={(e) => setForm({ ...form, effectiveFrom: e.target.value })}
          error={add.fieldError('effectiveFrom')}
        />
        {number('verifyWorkingDays')}
        {number('followUpWorkingDays')}
        {number('answerCalendarDays')}
        <button type="submit" className="primary" disabled={add.busy}>
          {t('ui.settings.deadlineRules.add')}
        </button>
      </form>
    </section>
  );
}
