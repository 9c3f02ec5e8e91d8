import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract/settings';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useSubmit } from '../../components/useSubmit';
import { DeadlineRules } from './DeadlineRules';
import { ProfilePanel } from './ProfilePanel';
import { ReviewRulesFields } from './ReviewRulesFields';

const numericKeys = [
  'idleLockMinutes',
  'lockoutAttempts',
  'lockoutMinutes',
  'verifyWorkingDays',
  'followUpWorkingDays',
  'answerCalendarDays',
  'retentionMonths',
  'draftRetentionDays',
  'attachmentMaxMegabytes',
  'attachmentsPerComplaint',
  'attachmentsTotalMegabytes',
] as const;
const labels: Record<(typeof numericKeys)[number], string> = {
  idleLockMinutes: 'fields.idleLockMinutes',
  lockoutAttempts: 'fields.lockoutAttempts',
  lockoutMinutes: 'fields.lockoutMinutes',
  verifyWorkingDays: 'fields.verifyWorkingDays',
  followUpWorkingDays: 'fields.followUpWorkingDays',
  answerCalendarDays: 'fields.answerCalendarDays',
  retentionMonths: 'fields.retentionMonths',
  draftRetentionDays: 'fields.draftRetentionDays',
  attachmentMaxMegabytes: 'fields.attachmentMaxMegabytes',
  attachmentsPerComplaint: 'fields.attachmentsPerComplaint',
  attachmentsTotalMegabytes: 'fields.attachmentsTotalMegabytes',
};

export function SettingsScreen() {
  const { t } = useTranslation();
  const [form, setForm] = useState<Settings | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const save = useSubmit();
  useEffect(() => {
    void api['settings.get']({}).then((r) => r.ok && setForm(r.value));
  }, []);
  if (!form) return <p>{t('ui.loading')}</p>;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setInfo(null);
    const saved = await save.run(() => api['settings.update'](form!));
    if (saved) {
      setForm(saved);
      setInfo(t('ui.settings.saved'));
    }
  }

  return (
    <section>
      <h1>{t('ui.settings.title')}</h1>
      <form onSubmit={submit} noValidate className="form-grid">
        <ErrorNotice error={save.error} />
        <InfoNotice text={info} />
        <TextField
          label={t('fields.siteName')}
          value={form.siteName}
          onChange={(e) => setForm({ ...form, siteName: e.target.value })}
          error={save.fieldError('siteName')}
        />
        {(['statusUrl', 'followUpContact', 'escalationText', 'footerText'] as const).map((key) => (
          <TextField
            key={key}
            label={t(`fields.${key}`)}
            value={form[key] ?? ''}
            onChange={(e) => setForm({ ...form, [key]: e.target.value })}
            error={save.fieldError(key)}
          />
        ))}
        {numericKeys.map((key) => (
          <TextField
            key={key}
            label={t(labels[key])}
            type="number"
            value={String(form[key])}
            onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) })}
            error={save.fieldError(key)}
          />
        ))}
        <ReviewRulesFields
          rules={form.reviewRules}
          onChange={(reviewRules) => setForm({ ...form, reviewRules })}
          fieldError={save.fieldError}
        />
        <button type="submit" className="primary" disabled={save.busy}>
          {t('ui.save')}
        </button>
      </form>
      <DeadlineRules />
      <ProfilePanel />
    </section>
  );
}
