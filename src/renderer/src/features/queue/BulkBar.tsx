/**
 * When rows are selected: the actions that may be done on several at once (verify, forward to the
 * recorded agency, done), each with how many of the selected records its status allows. Each record
 * is its own step in main; the answer names those refused and why.
 */
import { forwardRef, memo, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import type { ComplaintStatus } from '../../../../shared/domain/complaint';
import { isAllowed } from '../../../../shared/domain/status-flow';
import { api } from '../../api/client';
import { ErrorNotice } from '../../components/Notice';
import { useSubmit } from '../../components/useSubmit';
import { actionKeys, bulkActions } from './action-keys';

type BulkAction = (typeof bulkActions)[number];
type Outcome = MethodOutput<'complaints.actMany'>;

export interface BulkBarHandle {
  /** Puts the focus on the bulk action of this key; true when there is one. */
  press: (key: string) => boolean;
}

export const BulkBar = memo(
  forwardRef<
    BulkBarHandle,
    {
      selected: ReadonlyMap<string, { receiptNumber: string; status: ComplaintStatus }>;
      onDone: (doneIds: string[]) => void;
      onClear: () => void;
    }
  >(function BulkBar({ selected, onDone, onClear }, handle) {
    const { t } = useTranslation();
    const submit = useSubmit();
    const [outcome, setOutcome] = useState<{ action: BulkAction; result: Outcome } | null>(null);
    const buttons = useRef<Partial<Record<BulkAction, HTMLButtonElement | null>>>({});
    const allowedCount = (a: BulkAction) =>
      [...selected.values()].filter((r) => isAllowed(a, r.status)).length;

    useImperativeHandle(handle, () => ({
      press: (key) => {
        const a = bulkActions.find((x) => actionKeys[x] === key);
        const button = a ? buttons.current[a] : null;
        if (!button || button.disabled) return false;
        button.focus();
        return true;
      },
    }));

    async function run(action: BulkAction) {
      const ids = [...selected.entries()].filter(([, r]) => isAllowed(action, r.status)).map(([id]) => id);
      const result = await submit.run(() => api['complaints.actMany']({ action, ids }));
      if (result) {
        setOutcome({ action, result });
        onDone(result.done.map((d) => d.id));
      }
    }

    if (!selected.size && !outcome) return null;
    const receipt = (id: string) => selected.get(id)?.receiptNumber ?? id;
    return (
      <section className="bulk" aria-label={t('ui.queue.bulk.label')}>
        {selected.size ? (
          <>
            <strong>{t('ui.queue.bulk.selected', { n: selected.size })}</strong>
            {bulkActions.map((a) => {
              const n = allowedCount(a);
              return (
                <button
                  key={a}
                  type="button"
                  ref={(el) => {
                    buttons.current[a] = el;
                  }}
                  disabled={n === 0 || submit.busy}
                  onClick={() => void run(a)}
                >
                  {t('ui.queue.bulk.action', { action: t(`actions.${a}`), n })} <kbd>{actionKeys[a]}</kbd>
                </button>
              );
            })}
            <button type="button" onClick={onClear}>
              {t('ui.queue.bulk.clear')} <kbd>Esc</kbd>
            </button>
          </>
        ) : null}
        <ErrorNotice error={submit.error} />
        {outcome ? (
          <div role="status" className="bulk__outcome">
            {t('ui.queue.bulk.done', {
              action: t(`actions.${outcome.action}`),
              n: outcome.result.done.length,
            })}
            {outcome.result.refused.length ? (
              <ul>
                {outcome.result.refused.map((r) => (
                  <li key={r.id}>
                    <span className="mono">{receipt(r.id)}</span>: {r.message}
                  </li>
                ))}
              </ul>
            ) : null}
            <button type="button" className="link" onClick={() => setOutcome(null)}>
              {t('ui.detail.close')}
            </button>
          </div>
        ) : null}
      </section>
    );
  }),
);
