/** One complaint: every field (personal data masked unless revealed, and each reveal recorded), history, actions. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useReference } from '../../data/reference';
import { longDate, wibDateTime } from '../../components/dates';
import { TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';
import { useSubmit } from '../../components/useSubmit';
import { ResendComplaint } from '../forwarding';
import { PrintPanel } from '../receipts';
import { ActionForm } from './ActionForm';
import { CorrectionForm } from './CorrectionForm';

type Revealed = MethodOutput<'complaints.revealPersonalData'>;

export function DetailPane({
  id,
  canReveal,
  onClose,
  onChanged,
  shell,
}: {
  id: string;
  canReveal: boolean;
  onClose: () => void;
  onChanged: () => void;
  shell: 'electron' | 'browser';
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const { data, error, reload } = useQuery(() => api['complaints.get']({ id }));
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [revealReason, setRevealReason] = useState('');
  const reveal = useSubmit();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [data?.complaint.id]);

  if (error)
    return (
      <aside className="detail">
        <ErrorNotice error={error} />
      </aside>
    );
  if (!data) return <aside className="detail">{t('ui.loading')}</aside>;
  const c = data.complaint;
  const personal = revealed ?? { nik: c.nik, phone: c.phone, email: c.email, address: c.address };
  const rows: Array<[string, string | null]> = [
    [t('fields.type'), t(`types.${c.type}`)],
    [t('fields.channel'), ref.channelName(c.channel)],
    [t('fields.agencyCode'), ref.agencyName(c.agencyCode)],
    [
      t('fields.categoryId'),
      [ref.categoryName(c.categoryId), ref.categoryName(c.subcategoryId)].filter(Boolean).join(' › '),
    ],
    [t('fields.incidentDate'), c.incidentDate ? longDate(c.incidentDate) : null],
    [
      t('fields.locationDetail'),
      [c.locationDetail, ref.regionName(c.desaCode), ref.regionName(c.kecamatanCode)]
        .filter(Boolean)
        .join(', '),
    ],
    [t('fields.supervisory'), c.supervisory ? t('ui.yes') : t('ui.no')],
    [t('fields.anonymous'), c.anonymous ? t('ui.yes') : t('ui.no')],
    [t('fields.confidential'), c.confidential ? t('ui.yes') : t('ui.no')],
    [t('fields.complainantName'), c.complainantName],
    [t('fields.nik'), personal.nik],
    [t('fields.phone'), personal.phone],
    [t('fields.email'), personal.email],
    [t('fields.address'), personal.address],
    [t('ui.detail.officer'), c.officerName],
    [t('ui.detail.receivedAt'), wibDateTime(c.receivedAt)],
    [t('fields.laporTrackingId'), c.laporTrackingId],
    [t('ui.detail.verifyBy'), longDate(c.deadlines.verifyBy)],
    [t('ui.detail.followUpBy'), longDate(c.deadlines.followUpBy)],
    [t('ui.detail.answerBy'), longDate(c.deadlines.answerBy)],
  ];

  return (
    <aside className="detail" aria-labelledby="detail-title">
      <div className="detail__top">
        <h2 id="detail-title" tabIndex={-1} ref={heading}>
          {c.receiptNumber}
        </h2>
        <button type="button" onClick={onClose}>
          {t('ui.detail.close')}
        </button>
      </div>
      <p className={`status status--${c.status.toLowerCase()}`}>{t(`statuses.${c.status}`)}</p>
      <h3 className="detail__title">{c.title}</h3>
      <p className="detail__body">{c.body}</p>
      <dl className="detail__fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
      {canReveal && !revealed && (c.nik || c.phone || c.email || c.address) ? (
        <form
          className="reveal"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await reveal.run(() =>
              api['complaints.revealPersonalData']({ id, reason: revealReason }),
            );
            if (r) {
              setRevealed(r);
              setRevealReason('');
              reload();
            }
          }}
        >
          <ErrorNotice error={reveal.error} />
          <TextField
            label={t('ui.detail.revealReason')}
            value={revealReason}
            onChange={(e) => setRevealReason(e.target.value)}
            error={reveal.fieldError('reason')}
          />
          <button type="submit">{t('ui.detail.reveal')}</button>
        </form>
      ) : null}
      <InfoNotice text={revealed ? t('ui.detail.revealed') : null} />
      <PrintPanel complaintId={c.id} shell={shell} onPrinted={reload} />
      {canReveal ? <ResendComplaint complaintId={c.id} onDone={onChanged} /> : null}
      {canReveal ? (
        <CorrectionForm
          id={c.id}
          title={c.title}
          body={c.body}
          onDone={() => {
            reload();
            onChanged();
          }}
        />
      ) : null}
      <ActionForm
        id={c.id}
        status={c.status}
        agencyCode={c.agencyCode}
        onDone={() => {
          reload();
          onChanged();
        }}
      />
      <h3>{t('ui.detail.history')}</h3>
      <ol className="history">
        {data.events.map((e) => (
          <li key={e.id}>
            <strong>
              {e.kind in { DITERIMA: 1, KOREKSI: 1, CETAK: 1, PEMBUKAAN_DATA_PRIBADI: 1, PUSAT: 1 }
                ? t(`events.${e.kind}`)
                : t(`actions.${e.kind}`)}
            </strong>{' '}
            <span className="muted">
              {wibDateTime(e.at)} · {e.actorName ?? '—'}
              {e.toStatus && e.toStatus !== e.fromStatus ? ` · ${t(`statuses.${e.toStatus}`)}` : ''}
            </span>
            {e.data && typeof e.data.agencyCode === 'string' ? (
              <div>
                {e.data.fromAgency
                  ? t('ui.detail.movedAgency', {
                      from: ref.agencyName(String(e.data.fromAgency)),
                      to: ref.agencyName(e.data.agencyCode),
                    })
                  : ref.agencyName(e.data.agencyCode)}
              </div>
            ) : null}
            {e.data && typeof e.data.duplicateOf === 'string' ? (
              <div>{t('ui.detail.duplicateOf', { n: e.data.duplicateOf })}</div>
            ) : null}
            {e.data && typeof e.data.archiveReason === 'string' ? (
              <div>{t(`archiveReasons.${e.data.archiveReason}`)}</div>
            ) : null}
            {e.data && typeof e.data.laporTrackingId === 'string' ? (
              <div>LAPOR! {e.data.laporTrackingId}</div>
            ) : null}
            {e.kind === 'KOREKSI' && e.data && typeof e.data.before === 'object' && e.data.before ? (
              <ul className="history__changes">
                {Object.entries(e.data.before as Record<string, unknown>).map(([field, was]) => (
                  <li key={field}>
                    {t(`fields.${field}`)}: <del>{String(was ?? '—')}</del> →{' '}
                    {String((e.data!.after as Record<string, unknown>)[field] ?? '—')}
                  </li>
                ))}
                {Array.isArray(e.data.personalDataChanged) ? (
                  <li>{(e.data.personalDataChanged as string[]).map((f) => t(`fields.${f}`)).join(', ')}</li>
                ) : null}
              </ul>
            ) : null}
            {e.reason ? <div className="history__reason">{e.reason}</div> : null}
          </li>
        ))}
      </ol>
    </aside>
  );
}
