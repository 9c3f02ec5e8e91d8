/** The actions the status flow allows from here, each with what it needs; every one becomes an event. */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintActionInput } from '../../../../shared/contract/complaints';
import type { ComplaintStatus } from '../../../../shared/domain/complaint';
import {
  allowedActions,
  archiveReasons,
  statusFlow,
  type ArchiveReason,
  type ComplaintAction,
} from '../../../../shared/domain/status-flow';
import { api } from '../../api/client';
import { useReference } from '../../data/reference';
import { Combobox, type Option } from '../../components/Combobox';
import { SelectField, TextField } from '../../components/Field';
import { ErrorNotice, InfoNotice } from '../../components/Notice';
import { useSubmit } from '../../components/useSubmit';

const reasonLabel: Partial<Record<ComplaintAction, string>> = {
  FOLLOW_UP: 'ui.detail.answerLabel',
  CITIZEN_REPLY: 'ui.detail.replyLabel',
  NOTE: 'ui.detail.noteLabel',
};

export function ActionForm({
  id,
  status,
  agencyCode,
  onDone,
}: {
  id: string;
  status: ComplaintStatus;
  agencyCode: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const actions = allowedActions(status);
  const [action, setAction] = useState<ComplaintAction | ''>('');
  const [reason, setReason] = useState('');
  const [agency, setAgency] = useState<string | undefined>(undefined);
  const [archiveReason, setArchiveReason] = useState<ArchiveReason>('TIDAK_VALID');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [laporId, setLaporId] = useState('');
  const [info, setInfo] = useState<string | null>(null);
  const submit = useSubmit();
  const agencies = useMemo<Option[]>(
    () =>
      ref.agencies
        .filter((a) => a.active && a.code !== agencyCode)
        .map((a) => ({ value: a.code, label: a.name, hint: a.code })),
    [ref.agencies, agencyCode],
  );

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!action) return;
    const input = {
      action,
      id,
      ...(reason.trim() ? { reason } : {}),
      ...((action === 'FORWARD' || action === 'REROUTE') && agency ? { agencyCode: agency } : {}),
      ...(action === 'ARCHIVE'
        ? { archiveReason, ...(archiveReason === 'DUPLIKAT' ? { duplicateOf } : {}) }
        : {}),
      ...(action === 'LAPOR_ID' ? { laporTrackingId: laporId.trim() } : {}),
    } as ComplaintActionInput;
    const done = await submit.run(() => api['complaints.act'](input));
    if (done) {
      setInfo(t('ui.detail.done'));
      setAction('');
      setReason('');
      setAgency(undefined);
      setDuplicateOf('');
      setLaporId('');
      onDone();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="action-form" aria-label={t('ui.detail.actions')}>
      <InfoNotice text={info} />
      <ErrorNotice error={submit.error} />
      <SelectField
        label={t('ui.detail.actions')}
        value={action}
        onChange={(e) => (setAction(e.target.value as ComplaintAction), setInfo(null))}
      >
        <option value="">{t('ui.intake.choose')}</option>
        {actions.map((a) => (
          <option key={a} value={a}>
            {t(`actions.${a}`)}
          </option>
        ))}
      </SelectField>
      {action === 'FORWARD' || action === 'REROUTE' ? (
        <Combobox
          label={t('ui.detail.newAgency')}
          options={agencies}
          value={agency}
          onChange={setAgency}
          error={submit.fieldError('agencyCode')}
          noMatchText={t('ui.intake.noMatch')}
        />
      ) : null}
      {action === 'ARCHIVE' ? (
        <>
          <SelectField
            label={t('fields.archiveReason')}
            value={archiveReason}
            onChange={(e) => setArchiveReason(e.target.value as ArchiveReason)}
          >
            {archiveReasons.map((r) => (
              <option key={r} value={r}>
                {t(`archiveReasons.${r}`)}
              </option>
            ))}
          </SelectField>
          {archiveReason === 'DUPLIKAT' ? (
            <TextField
              label={t('fields.duplicateOf')}
              value={duplicateOf}
              onChange={(e) => setDuplicateOf(e.target.value)}
              error={submit.fieldError('duplicateOf')}
            />
          ) : null}
        </>
      ) : null}
      {action === 'LAPOR_ID' ? (
        <TextField
          label={t('fields.laporTrackingId')}
          value={laporId}
          onChange={(e) => setLaporId(e.target.value)}
          error={submit.fieldError('laporTrackingId')}
          inputMode="numeric"
        />
      ) : null}
      {action ? (
        <TextField
          label={t(reasonLabel[action] ?? 'ui.detail.reasonLabel')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={submit.fieldError('reason')}
          required={statusFlow[action].needsReason}
        />
      ) : null}
      {action ? (
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('ui.detail.submit')}
        </button>
      ) : null}
    </form>
  );
}
