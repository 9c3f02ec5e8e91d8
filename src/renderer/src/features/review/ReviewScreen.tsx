/**
 * Tinjauan harian: the supervisor's working day. The day's summary, its records with the rules'
 * flags, review by keyboard, and closing the day into the daily register.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { api } from '../../api/client';
import { TextField } from '../../components/Field';
import { ErrorNotice } from '../../components/Notice';
import { useQuery } from '../../components/useQuery';
import { useSubmit } from '../../components/useSubmit';
import { CorrectionForm } from '../queue';
import { CloseDay } from './CloseDay';
import { DaySummary } from './DaySummary';
import { ReviewTable, type ReviewKey } from './ReviewTable';

type Day = MethodOutput<'review.day'>;
type ReviewRecord = Day['records'][number];

export function ReviewScreen({ shell }: { shell: 'electron' | 'browser' }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <section className="review">
      <header className="review__head">
        <h1>{t('ui.review.title')}</h1>
        <TextField
          label={t('ui.review.day')}
          type="date"
          value={chosen ?? ''}
          onChange={(e) => setChosen(e.target.value || null)}
        />
        <button type="button" onClick={() => setChosen(null)}>
          {t('ui.review.today')}
        </button>
      </header>
      <ReviewDay key={chosen ?? 'today'} day={chosen} shell={shell} />
    </section>
  );
}

function ReviewDay({ day, shell }: { day: string | null; shell: 'electron' | 'browser' }) {
  const { t } = useTranslation();
  const { data, error, reload } = useQuery(() => api['review.day'](day ? { day } : {}));
  const [active, setActive] = useState(0);
  const [returning, setReturning] = useState<ReviewRecord | null>(null);
  const [correcting, setCorrecting] = useState<{ id: string; title: string; body: string } | null>(null);
  const act = useSubmit();

  const focusTable = () =>
    window.setTimeout(() => document.querySelector<HTMLElement>('.review-table')?.focus(), 0);

  async function onKey(key: ReviewKey, record: ReviewRecord) {
    if (key === 'return') return setReturning(record);
    if (key === 'correct') {
      const found = await act.run(() => api['complaints.get']({ id: record.id }));
      if (found) setCorrecting({ id: record.id, title: found.complaint.title, body: found.complaint.body });
      return;
    }
    // On to the next row at once, so keys typed ahead act on the rows they were meant for.
    const index = data?.records.findIndex((r) => r.id === record.id) ?? 0;
    setActive(Math.min(index + 1, (data?.records.length ?? 1) - 1));
    if (await act.run(() => api['review.mark']({ id: record.id, outcome: key }))) reload();
  }

  if (!data) return <ErrorNotice error={error} />;
  return (
    <>
      <p className="hint">{data.day === data.today ? t('ui.review.today') : data.day}</p>
      <DaySummary summary={data.summary} />
      <p className="hint">{t('ui.review.keys')}</p>
      <ErrorNotice error={act.error} />
      <ReviewTable records={data.records} active={active} setActive={setActive} onKey={onKey} />
      {returning ? (
        <ReturnForm
          record={returning}
          onDone={() => {
            setReturning(null);
            reload();
            focusTable();
          }}
          onCancel={() => {
            setReturning(null);
            focusTable();
          }}
        />
      ) : null}
      {correcting ? (
        <CorrectionForm
          key={correcting.id}
          {...correcting}
          initiallyOpen
          onDone={() => {
            setCorrecting(null);
            reload();
            focusTable();
          }}
          onCancel={() => {
            setCorrecting(null);
            focusTable();
          }}
        />
      ) : null}
      <CloseDay day={data} shell={shell} onClosed={reload} />
    </>
  );
}

function ReturnForm({
  record,
  onDone,
  onCancel,
}: {
  record: ReviewRecord;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const submit = useSubmit();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (await submit.run(() => api['review.return']({ id: record.id, note }))) onDone();
  }
  return (
    <form
      className="action-form"
      aria-label={`${t('ui.review.returnToOfficer')} ${record.receiptNumber}`}
      onSubmit={onSubmit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      noValidate
    >
      <ErrorNotice error={submit.error} />
      <TextField
        label={t('ui.review.returnNote')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={submit.fieldError('note')}
        autoFocus
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('ui.review.returnToOfficer')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('ui.cancel')}
        </button>
      </div>
    </form>
  );
}
