/**
 * One complaint, in a drawer over the queue: number, status, title, agency and deadline stay at
 * its top; the actions come next, each on a key; then every field (personal data masked unless
 * revealed, each reveal recorded), the citizen's other complaints, printing and the history.
 * Esc closes it (the queue puts the focus back on the row).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { wibDate } from '../../../../shared/calendar/working-days';
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
import { AttachmentsPanel } from '../attachments';
import { ActionForm, type ActionFormHandle } from './ActionForm';
import { copyForLaporKey, shortcutLetter } from './action-keys';
import { CorrectionForm } from './CorrectionForm';
import { DueBadge } from './DueBadge';
import { EarlierComplaints } from './EarlierComplaints';
import { laporText } from './lapor-copy';

type Revealed = MethodOutput<'complaints.revealPersonalData'>;

export function DetailPane({
  id,
  canReveal,
  onClose,
  onChanged,
  onOpen,
  shell,
}: {
  id: string;
  canReveal: boolean;
  onClose: () => void;
  onChanged: () => void;
  /** Opens another complaint (one of the citizen's earlier ones) in this drawer. */
  onOpen: (id: string) => void;
  shell: 'electron' | 'browser';
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const { data, error, reload } = useQuery(() => api['complaints.get']({ id }));
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [revealReason, setRevealReason] = useState('');
  const reveal = useSubmit();
  const heading = useRef<HTMLHeadingElement>(null);
  const actions = useRef<ActionFormHandle>(null);
  const [copied, setCopied] = useState<'done' | 'failed' | null>(null);
  const [copyText, setCopyText] = useState('');

  useEffect(() => heading.current?.focus(), [data?.complaint.id]);

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      onClose();
      return;
    }
    const key = shortcutLetter(e);
    if (!key || !data) return;
    if (key === copyForLaporKey) {
      e.preventDefault();
      void copyForLapor();
    } else if (actions.current?.press(key)) e.preventDefault();
  }

  async function copyForLapor() {
    if (!data) return;
    const text = laporText(
      data.complaint,
      {
        region: ref.regionName,
        category: ref.categoryName,
        agency: ref.agencyName,
        date: longDate,
      },
      {
        title: t('fields.title'),
        body: t('fields.body'),
        date: t('fields.incidentDate'),
        location: t('ui.lapor.location'),
        category: t('fields.categoryId'),
        agency: t('fields.agencyCode'),
        anonymous: t('fields.anonymous'),
        confidential: t('fields.confidential'),
        yes: t('ui.yes'),
        no: t('ui.no'),
      },
    );
    setCopyText(text);
    try {
      await navigator.clipboard.writeText(text);
      setCopied('done');
    } catch {
      // No clipboard here (a locked-down PC): the text is shown selected, for Ctrl+C.
      setCopied('failed');
    }
  }

  if (error)
    return (
      <aside className="detail" onKeyDown={onKeyDown}>
        <button type="button" onClick={onClose}>
          {t('ui.detail.close')} <kbd>Esc</kbd>
        </button>
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
    <aside className="detail" aria-labelledby="detail-title" onKeyDown={onKeyDown}>
      <div className="detail__summary">
        <div className="detail__top">
          <h2 id="detail-title" tabIndex={-1} ref={heading} className="mono">
            {c.receiptNumber}
          </h2>
          <span className={`status status--${c.status.toLowerCase()}`}>{t(`statuses.${c.status}`)}</span>
          <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
            {t('ui.detail.close')} <kbd>Esc</kbd>
          </button>
        </div>
        <h3 className="detail__title">{c.title}</h3>
        <p className="detail__meta">
          {ref.agencyName(c.agencyCode)}
          {' · '}
          {c.currentDue ? t('ui.earlier.due', { date: longDate(c.currentDue) }) : t('ui.detail.noDeadline')}
          <DueBadge due={c.currentDue} today={wibDate(new Date())} />
          {c.laporTrackingId ? <span className="mono"> · LAPOR! #{c.laporTrackingId}</span> : null}
        </p>
      </div>
      <ActionForm
        ref={actions}
        id={c.id}
        status={c.status}
        agencyCode={c.agencyCode}
        onDone={() => {
          reload();
          onChanged();
        }}
      />
      <div className="detail__lapor">
        <button type="button" onClick={() => void copyForLapor()} aria-keyshortcuts={copyForLaporKey}>
          {t('ui.lapor.copy')} <kbd>{copyForLaporKey}</kbd>
        </button>
        {copied === 'done' ? (
          <span role="status">{t('ui.lapor.copied')}</span>
        ) : copied === 'failed' ? (
          <label className="field">
            <span>{t('ui.lapor.copyByHand')}</span>
            <textarea readOnly rows={6} value={copyText} ref={(el) => el?.select()} />
          </label>
        ) : null}
      </div>
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
      <EarlierComplaints query={{ id: c.id }} onOpen={onOpen} />
      <AttachmentsPanel complaintId={c.id} canOpenPersonal={canReveal} onChanged={reload} />
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
      <h3>{t('ui.detail.history')}</h3>
      <ol className="history">
        {data.events.map((e) => (
          <li key={e.id}>
            <strong>
              {e.kind in
              {
                DITERIMA: 1,
                KOREKSI: 1,
                CETAK: 1,
                PEMBUKAAN_DATA_PRIBADI: 1,
                PUSAT: 1,
                LAMPIRAN: 1,
                LAMPIRAN_DIHAPUS: 1,
              }
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
