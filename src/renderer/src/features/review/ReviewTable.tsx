/**
 * The day's records for review, keyboard first: arrows move, T marks reviewed, V verifies, K returns
 * to the officer with a note, Enter opens the correction form. One row is active at a time
 * (aria-activedescendant), so a screen reader follows as well. Virtualised like the queue: a busy
 * day's 900 records drawn at once took ~300 ms of layout before the first row showed; rows are
 * measured as drawn, since a row with flags is taller.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { useReference } from '../../data/reference';
import { wibTime } from '../../components/dates';

type ReviewRecord = MethodOutput<'review.day'>['records'][number];
export type ReviewKey = 'reviewed' | 'verified' | 'return' | 'correct';

export function ReviewTable({
  records,
  active,
  setActive,
  onKey,
}: {
  records: ReviewRecord[];
  active: number;
  setActive: (i: number) => void;
  onKey: (key: ReviewKey, record: ReviewRecord) => void;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const tableRef = useRef<HTMLDivElement>(null);
  const activeId = records[active] ? `review-row-${records[active].id}` : undefined;
  const virtualizer = useVirtualizer({
    count: records.length,
    getScrollElement: () => tableRef.current,
    estimateSize: () => 34,
    // Enough that an ordinary day (a few dozen records) is drawn whole, and only a busy one is windowed.
    overscan: 40,
    // The sticky header row covers the top of the list.
    scrollPaddingStart: 34,
  });

  useEffect(() => {
    if (activeId) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [activeId, active, virtualizer]);
  // Keyboard first: the list has the focus when the review opens, ready for the arrows.
  useEffect(() => tableRef.current?.focus(), []);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const record = records[active];
    if (!record) return;
    const move = (to: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(records.length - 1, to)));
    };
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    switch (e.key) {
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(records.length - 1);
      case 'PageDown':
        return move(active + 10);
      case 'PageUp':
        return move(active - 10);
    }
    const action = ({ t: 'reviewed', v: 'verified', k: 'return', Enter: 'correct' } as const)[
      e.key.length === 1 ? e.key.toLowerCase() : e.key
    ];
    if (action) {
      e.preventDefault();
      onKey(action, record);
    }
  }

  if (!records.length) return <p>{t('ui.review.empty')}</p>;
  return (
    <div
      ref={tableRef}
      className="review-table"
      role="grid"
      aria-label={t('ui.review.records')}
      aria-rowcount={records.length + 1}
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="row" className="review-row review-row--head" aria-rowindex={1}>
        {(['number', 'time', 'title', 'agency', 'officer', 'status', 'review', 'flags'] as const).map((c) => (
          <span role="columnheader" key={c}>
            {t(`ui.review.columns.${c}`)}
          </span>
        ))}
      </div>
      <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const i = item.index;
          const r = records[i]!;
          return (
            <div
              role="row"
              id={`review-row-${r.id}`}
              key={r.id}
              ref={virtualizer.measureElement}
              data-index={i}
              aria-rowindex={i + 2}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`,
              }}
              aria-selected={i === active}
              className={`review-row${i === active ? ' review-row--active' : ''}${r.flags.length ? ' review-row--flagged' : ''}`}
              onClick={() => setActive(i)}
            >
              <span role="gridcell" className="mono">
                {r.receiptNumber}
              </span>
              <span role="gridcell">{wibTime(r.receivedAt)}</span>
              <span role="gridcell">{r.confidential ? t('ui.review.confidential') : r.title}</span>
              <span role="gridcell">{ref.agencyName(r.agencyCode)}</span>
              <span role="gridcell">{r.officerName}</span>
              <span role="gridcell">{t(`statuses.${r.status}`)}</span>
              <span role="gridcell" className={`review-state review-state--${r.review.state}`}>
                {t(`ui.review.states.${r.review.state}`)}
                {r.review.note ? <small> — {r.review.note}</small> : null}
              </span>
              <span role="gridcell">
                {r.flags.length ? (
                  <ul className="review-flags">
                    {r.flags.map((f) => (
                      <li key={f.rule}>{t(`ui.review.flags.${f.rule}`, f.params ?? {})}</li>
                    ))}
                  </ul>
                ) : null}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
