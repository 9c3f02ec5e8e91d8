/**
 * Profil meja (admin): the desk's setup as a file for the next counter PC, and applying such a file
 * here. The file is read in the window and checked in main; nothing changes unless all of it is valid.
 */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useSubmit } from '../../components/useSubmit';
import { localError } from '../../i18n';

export function ProfilePanel() {
  const { t } = useTranslation();
  const run = useSubmit();
  const [info, setInfo] = useState<string | null>(null);

  async function exportProfile() {
    setInfo(null);
    const r = await run.run(() => api['profile.export']({}));
    if (!r) return;
    const url = URL.createObjectURL(new Blob([r.text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = r.fileName;
    a.click();
    URL.revokeObjectURL(url);
    setInfo(t('ui.profile.exported', { file: r.fileName }));
  }

  async function importProfile(e: ChangeEvent<HTMLInputElement>) {
    setInfo(null);
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > 1_000_000) {
      run.setError(localError('VALIDATION', { key: 'errors.profileTooLarge' }));
      return;
    }
    const text = await file.text();
    const r = await run.run(() => api['profile.import']({ text }));
    if (!r) return;
    setInfo(
      [
        t('ui.profile.imported', {
          printers: r.applied.printers ?? 0,
          agencies: r.applied.agencies ?? 0,
          holidays: r.applied.holidays ?? 0,
          rules: r.applied.deadlineRules ?? 0,
        }),
        r.skippedRules ? t('ui.profile.skippedRules', { n: r.skippedRules }) : '',
        r.tokenNeeded ? t('ui.profile.tokenNeeded') : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  }

  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('ui.profile.title')}</h2>
      <p>{t('ui.profile.help')}</p>
      <ErrorNotice error={run.error} />
      <InfoNotice text={info} />
      <div className="actions">
        <button type="button" onClick={() => void exportProfile()} disabled={run.busy}>
          {t('ui.profile.export')}
        </button>
        <label className="button-like">
          {t('ui.profile.import')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void importProfile(e)}
            disabled={run.busy}
          />
        </label>
      </div>
    </section>
  );
}
