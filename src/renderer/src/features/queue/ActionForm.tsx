/**
 * The actions the status flow allows from here, as buttons with their key. Choosing one opens what
 * it needs (nothing, a text, an agency...) with the cursor in it; Lakukan records it as an event,
 * and the focus goes to the first action the new status allows. Esc leaves an action unfinished.
 */
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState, type FormEvent } from 'react';
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
import { actionKeys } from './action-keys';

const reasonLabel: Partial<Record<ComplaintAction, string>> = {
  FOLLOW_UP: 'ui.detail.answerLabel',
  CITIZEN_REPLY: 'ui.detail.replyLabel',
  NOTE: 'ui.detail.noteLabel',
};

export interface ActionFormHandle {
  /** Starts the action whose key this is, if the status allows it; true when it did. */
  press: (key: string) => boolean;
  /** Puts the focus on the first action button. */
  focusFirst: () => void;
}

export const ActionForm = forwardRef<
  ActionFormHandle,
  { id: string; status: ComplaintStatus; agencyCode: string; onDone: () => void }
>(function ActionForm({ id, status, agencyCode, onDone }, handle) {
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
  const toolbar = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  /** After an action is recorded, the focus goes to the next one once the new status is shown. */
  const focusNext = useRef(false);
  const agencies = useMemo<Option[]>(
    () =>
      ref.agencies
        .filter((a) => a.active && a.code !== agencyCode)
        .map((a) => ({ value: a.code, label: a.name, hint: a.code })),
    [ref.agencies, agencyCode],
  );

  const focusFirst = () => toolbar.current?.querySelector<HTMLButtonElement>('button')?.focus();

  function choose(a: ComplaintAction) {
    setAction(a);
    setInfo(null);
    submit.setError(null);
  }

  useImperativeHandle(handle, () => ({
    press: (key) => {
      const a = actions.find((x) => actionKeys[x] === key);
      if (!a) return false;
      choose(a);
      return true;
    },
    focusFirst,
  }));

  // The cursor goes where the chosen action needs typing, or on Lakukan when it needs nothing.
  useEffect(() => {
    if (!action) return;
    const first = form.current?.querySelector<HTMLElement>('input, select, textarea');
    const needsInput =
      statusFlow[action].needsReason || action === 'LAPOR_ID' || action === 'REROUTE' || action === 'ARCHIVE';
    (needsInput ? first : form.current?.querySelector<HTMLElement>('button[type=submit]'))?.focus();
  }, [action]);

  useEffect(() => {
    if (focusNext.current) {
      focusNext.current = false;
      focusFirst();
    }
  }, [status]);

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
      focusNext.current = true;
      if (done.status === status) queueMicrotask(focusFirst);
      onDone();
    }
  }

  return (
    <section className="actions-panel" aria-label={t('ui.detail.actions')}>
      <div className="action-buttons" role="toolbar" aria-label={t('ui.detail.actions')} ref={toolbar}>
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            aria-pressed={action === a}
            aria-keyshortcuts={actionKeys[a]}
            onClick={() => choose(a)}
          >
            {t(`actions.${a}`)} <kbd>{actionKeys[a]}</kbd>
          </button>
        ))}
      </div>
      <InfoNotice text={info} />
      {action ? (
        <form
          ref={form}
          onSubmit={onSubmit}
          noValidate
          className="action-form"
          aria-label={t('ui.detail.actionForm', { action: t(`actions.${action}`) })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !e.defaultPrevented) {
              e.preventDefault();
              e.stopPropagation();
              setAction('');
              focusFirst();
            }
          }}
        >
          <ErrorNotice error={submit.error} />
          {action === 'FORWARD' || action === 'REROUTE' ? (
            <Combobox
              label={t('ui.detail.newAgency')}
              options={agencies}
              value={agency}
              onChange={setAgency}
              error={submit.fieldError('agencyCode')}
              noMatchText={t('ui.intake.noMatch')}
              required={action === 'REROUTE'}
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
                  required
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
              placeholder="9165816"
              required
            />
          ) : null}
          <TextField
            label={t(reasonLabel[action] ?? 'ui.detail.reasonLabel')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={submit.fieldError('reason')}
            required={statusFlow[action].needsReason}
          />
          <div className="actions">
            <button type="submit" className="primary" disabled={submit.busy}>
              {t('ui.detail.submit')} <kbd>Enter</kbd>
            </button>
            <button type="button" onClick={() => (setAction(''), focusFirst())}>
              {t('ui.cancel')} <kbd>Esc</kbd>
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
});
