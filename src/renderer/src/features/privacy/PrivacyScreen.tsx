/**
 * Data pribadi (supervisor): a person's records found by NIK or phone, their copy of what the desk
 * holds, erasure on request, and legal holds; for admins, the retention schedule run now. Every step
 * is audited in main, with the reason written here.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { wibDateTime } from '../../components/dates';
import { TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useSubmit } from '../../components/useSubmit';

type Found = MethodOutput<'privacy.find'>;

export function PrivacyScreen({ canPurge }: { canPurge: boolean }) {
  const { t } = useTranslation();
  const [nik, setNik] = useState('');
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [holdReason, setHoldReason] = useState('');
  const search = useSubmit();
  const act = useSubmit();
  const person = { ...(nik ? { nik } : {}), ...(phone ? { phone } : {}) };

  async function find(e?: FormEvent) {
    // A search the supervisor asks for clears the last message; the refresh after an action keeps it.
    if (e) {
      e.preventDefault();
      setInfo(null);
    }
    const r = await search.run(() => api['privacy.find']({ person }));
    if (r) setFound(r);
  }
  async function copy() {
    const r = await act.run(() => api['privacy.copy']({ person, reason }));
    if (!r) return;
    if (r.url) window.open(r.url, '_blank', 'noopener');
    setInfo(
      r.file ? t('ui.privacy.copySaved', { file: r.file }) : t('ui.privacy.copyOpened', { n: r.records }),
    );
  }
  async function erase() {
    if (!window.confirm(t('ui.privacy.eraseConfirm'))) return;
    const r = await act.run(() => api['privacy.erase']({ person, reason }));
    if (!r) return;
    setInfo(
      [
        t('ui.privacy.erased', { n: r.erased }),
        r.held.length ? t('ui.privacy.keptHeld', { numbers: r.held.join(', ') }) : '',
        r.waiting.length ? t('ui.privacy.keptWaiting', { numbers: r.waiting.join(', ') }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
    await find();
  }
  async function toggleHold(row: Found[number]) {
    const r = await act.run(() => api['privacy.hold']({ id: row.id, reason: row.hold ? null : holdReason }));
    if (r) await find();
  }
  async function purge() {
    const r = await act.run(() => api['privacy.purgeExpired']({}));
    if (r)
      setInfo(t('ui.privacy.purged', { n: r.purged, held: r.held, waiting: r.waiting, drafts: r.drafts }));
  }

  return (
    <section>
      <h1>{t('ui.privacy.title')}</h1>
      <p>{t('ui.privacy.help')}</p>
      <form onSubmit={find} noValidate className="form-grid">
        <ErrorNotice error={search.error} />
        <TextField
          label={t('fields.nik')}
          value={nik}
          onChange={(e) => setNik(e.target.value)}
          inputMode="numeric"
        />
        <TextField label={t('fields.phone')} value={phone} onChange={(e) => setPhone(e.target.value)} />
        <button type="submit" className="primary" disabled={search.busy}>
          {t('ui.privacy.find')}
        </button>
      </form>
      <InfoNotice text={info} />
      <ErrorNotice error={act.error} />
      {found ? (
        <section className="panel" aria-labelledby="privacy-found">
          <h2 id="privacy-found">{t('ui.privacy.found', { n: found.length })}</h2>
          <DataTable
            rows={found}
            rowKey={(r) => r.id}
            columns={[
              { header: t('ui.privacy.columns.number'), cell: (r) => r.receiptNumber },
              { header: t('ui.privacy.columns.received'), cell: (r) => wibDateTime(r.receivedAt) },
              { header: t('ui.privacy.columns.status'), cell: (r) => t(`statuses.${r.status}`) },
              { header: t('ui.privacy.columns.title'), cell: (r) => r.title },
              {
                header: t('ui.privacy.columns.state'),
                cell: (r) =>
                  r.purgedAt
                    ? t('ui.privacy.purgedAt', { at: wibDateTime(r.purgedAt) })
                    : r.hold
                      ? t('ui.privacy.heldFor', { reason: r.hold.reason })
                      : r.waiting
                        ? t('ui.privacy.waiting')
                        : t('ui.privacy.kept'),
              },
            ]}
            rowName={(r) => r.receiptNumber}
            actions={(r) => (
              <button
                type="button"
                onClick={() => void toggleHold(r)}
                disabled={act.busy || (!r.hold && !holdReason)}
              >
                {r.hold ? t('ui.privacy.release') : t('ui.privacy.hold')}
              </button>
            )}
          />
          <TextField
            label={t('ui.privacy.holdReason')}
            value={holdReason}
            onChange={(e) => setHoldReason(e.target.value)}
            hint={t('ui.privacy.holdHint')}
          />
          <TextField
            label={t('ui.privacy.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={act.fieldError('reason')}
          />
          <div className="actions">
            <button type="button" onClick={() => void copy()} disabled={act.busy || !reason}>
              {t('ui.privacy.copy')}
            </button>
            <button type="button" onClick={() => void erase()} disabled={act.busy || !reason}>
              {t('ui.privacy.erase')}
            </button>
          </div>
        </section>
      ) : null}
      {canPurge ? (
        <section className="panel" aria-labelledby="privacy-retention">
          <h2 id="privacy-retention">{t('ui.privacy.retentionTitle')}</h2>
          <p>{t('ui.privacy.retentionHelp')}</p>
          <button type="button" onClick={() => void purge()} disabled={act.busy}>
            {t('ui.privacy.purgeNow')}
          </button>
        </section>
      ) : null}
    </section>
  );
}
