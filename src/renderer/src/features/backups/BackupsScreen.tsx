/**
 * Cadangan (admin): the state of the backups, the recovery passphrase or a printed recovery code,
 * the second place, a backup now, and the backups kept. A restore runs with the desk closed
 * (`npm run restore`), because it replaces the database the desk has open.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { wibDateTime } from '../../components/dates';
import { TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';
import { useSubmit } from '../../components/useSubmit';
import { BackupStatusPanel } from './BackupStatusPanel';

const megabytes = (n: number | null) => (n === null ? '–' : `${(n / 1024 / 1024).toFixed(1)} MB`);

export function BackupsScreen() {
  const { t } = useTranslation();
  const list = useQuery(() => api['backups.list']({}));
  const settings = useQuery(() => api['settings.get']({}));
  const [version, setVersion] = useState(0);
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const recovery = useSubmit();
  const second = useSubmit();
  const now = useSubmit();
  const restore = useSubmit();
  const [restorePath, setRestorePath] = useState('');
  const [restorePassphrase, setRestorePassphrase] = useState('');
  const refresh = () => {
    list.reload();
    setVersion((v) => v + 1);
  };

  async function setRecovery(e: FormEvent) {
    e.preventDefault();
    setCode(null);
    const done = await recovery.run(() => api['backups.setRecovery']({ kind: 'passphrase', passphrase }));
    if (done) {
      setPassphrase('');
      setInfo(t('ui.backups.recoverySet'));
      refresh();
    }
  }
  async function makeCode() {
    const done = await recovery.run(() => api['backups.setRecovery']({ kind: 'code' }));
    if (done?.code) {
      setCode(done.code);
      setInfo(null);
      refresh();
    }
  }
  async function saveFolder(e: FormEvent) {
    e.preventDefault();
    const value = folder ?? settings.data?.backupFolder ?? '';
    const saved = await second.run(() => api['settings.update']({ backupFolder: value }));
    if (saved) {
      setInfo(t('ui.backups.folderSaved'));
      refresh();
    }
  }
  async function backUpNow() {
    setInfo(null);
    const made = await now.run(() => api['backups.run']({}));
    if (made) {
      setInfo(
        t('ui.backups.made', {
          file: made.fileName,
          size: megabytes(made.bytes),
          seconds: (made.durationMs / 1000).toFixed(1),
        }),
      );
      refresh();
    }
  }

  async function stage(e: FormEvent) {
    e.preventDefault();
    if (!window.confirm(t('ui.backups.stageConfirm'))) return;
    const staged = await restore.run(() =>
      api['backups.stageRestore']({
        path: restorePath,
        ...(restorePassphrase ? { passphrase: restorePassphrase } : {}),
      }),
    );
    if (staged) {
      setRestorePassphrase('');
      setInfo(
        t('ui.backups.staged', { at: wibDateTime(staged.takenAt), complaints: staged.counts.complaints }),
      );
      refresh();
    }
  }

  return (
    <section>
      <h1>{t('ui.backups.title')}</h1>
      <BackupStatusPanel key={version} onOpen={null} />
      <InfoNotice text={info} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void backUpNow()} disabled={now.busy}>
          {now.busy ? t('ui.backups.running') : t('ui.backups.now')}
        </button>
      </div>
      <ErrorNotice error={now.error} />

      <section className="panel" aria-labelledby="backup-recovery">
        <h2 id="backup-recovery">{t('ui.backups.recoveryTitle')}</h2>
        <p>{t('ui.backups.recoveryHelp')}</p>
        <form onSubmit={setRecovery} noValidate className="form-grid">
          <ErrorNotice error={recovery.error} />
          <TextField
            label={t('fields.passphrase')}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            error={recovery.fieldError('passphrase')}
          />
          <div className="actions">
            <button type="submit" disabled={recovery.busy || !passphrase}>
              {t('ui.backups.setPassphrase')}
            </button>
            <button type="button" onClick={() => void makeCode()} disabled={recovery.busy}>
              {t('ui.backups.makeCode')}
            </button>
          </div>
        </form>
        {code ? (
          <div className="notice notice--info" role="status">
            <p>{t('ui.backups.codeShown')}</p>
            <p className="recovery-code" data-testid="recovery-code">
              {code}
            </p>
            <button type="button" onClick={() => window.print()}>
              {t('ui.backups.printCode')}
            </button>
          </div>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="backup-second">
        <h2 id="backup-second">{t('ui.backups.secondTitle')}</h2>
        <form onSubmit={saveFolder} noValidate className="form-grid">
          <ErrorNotice error={second.error} />
          <TextField
            label={t('fields.backupFolder')}
            value={folder ?? settings.data?.backupFolder ?? ''}
            placeholder="E:\\Cadangan MPP"
            onChange={(e) => setFolder(e.target.value)}
            error={second.fieldError('backupFolder')}
            hint={t('ui.backups.secondHelp')}
          />
          <button type="submit" disabled={second.busy}>
            {t('ui.save')}
          </button>
        </form>
      </section>

      <section className="panel" aria-labelledby="backup-list">
        <h2 id="backup-list">{t('ui.backups.listTitle')}</h2>
        <DataTable
          rows={list.data ?? []}
          rowKey={(b) => String(b.id)}
          columns={[
            { header: t('ui.backups.columns.at'), cell: (b) => wibDateTime(b.takenAt) },
            { header: t('ui.backups.columns.reason'), cell: (b) => t(`ui.backups.reasons.${b.reason}`) },
            {
              header: t('ui.backups.columns.outcome'),
              cell: (b) =>
                b.outcome === 'failed'
                  ? `${t('ui.backups.failed')}: ${b.error ?? ''}`
                  : t(`ui.backups.outcomes.${b.outcome}`),
            },
            { header: t('ui.backups.columns.size'), cell: (b) => megabytes(b.bytes) },
            {
              header: t('ui.backups.columns.second'),
              cell: (b) =>
                b.second === null ? '–' : b.second === 'good' ? t('ui.backups.outcomes.good') : b.second,
            },
            { header: t('ui.backups.columns.file'), cell: (b) => b.fileName },
          ]}
          rowName={(b) => b.fileName}
          actions={(b) =>
            b.path ? (
              <button type="button" onClick={() => setRestorePath(b.path!)}>
                {t('ui.backups.restoreThis')}
              </button>
            ) : null
          }
        />
      </section>

      <section className="panel" aria-labelledby="backup-restore">
        <h2 id="backup-restore">{t('ui.backups.restoreTitle')}</h2>
        <p>{t('ui.backups.restoreHelp')}</p>
        <form onSubmit={stage} noValidate className="form-grid">
          <ErrorNotice error={restore.error} />
          <TextField
            label={t('fields.path')}
            value={restorePath}
            onChange={(e) => setRestorePath(e.target.value)}
            error={restore.fieldError('path')}
            placeholder="E:\\Cadangan MPP\\meja-PBL01-….mpbak"
          />
          <TextField
            label={t('fields.passphrase')}
            type="password"
            autoComplete="off"
            value={restorePassphrase}
            onChange={(e) => setRestorePassphrase(e.target.value)}
          />
          <button type="submit" disabled={restore.busy || !restorePath}>
            {restore.busy ? t('ui.backups.staging') : t('ui.backups.stage')}
          </button>
        </form>
        <p>{t('ui.backups.restoreCli')}</p>
        <pre>npm run restore -- --from "&lt;berkas .mpbak&gt;" --data "&lt;folder data&gt;"</pre>
      </section>
    </section>
  );
}
