/**
 * The queue as a virtualised list: smooth with 100,000 rows, compact (20+ rows at 1366×768), arrows
 * to move, Enter to open, Space to select a row for an action on several (Ctrl+A: every row loaded).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { wibDate } from '../../../../shared/calendar/working-days';
import type { MethodOutput } from '../../../../shared/contract';
import { useReference } from '../../data/reference';
import { shortDate, wibDateTime } from '../../components/dates';
import { deadlineState } from './deadline';
import { DueBadge } from './DueBadge';

type Row = MethodOutput<'complaints.queue'>['rows'][number];
export const rowHeight = 28;

export function QueueList({
  rows,
  hasMore,
  loadMore,
  active,
  setActive,
  onOpen,
  listRef,
  shownSearch,
  selected,
  setSelected,
}: {
  rows: Row[];
  hasMore: boolean;
  loadMore: () => void;
  active: number;
  setActive: (i: number) => void;
  onOpen: (id: string) => void;
  listRef: React.RefObject<HTMLDivElement | null>;
  shownSearch: string;
  selected: ReadonlySet<string>;
  setSelected: (s: ReadonlySet<string>) => void;
}) {
  const { t } = useTranslation();
  const today = wibDate(new Date());
  const virtualizer = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => listRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  const lastRendered = useRef(-1);

  useEffect(() => {
    if (hasMore && lastIndex >= rows.length - 20 && lastRendered.current !== rows.length) {
      lastRendered.current = rows.length;
      loadMore();
    }
  }, [hasMore, lastIndex, rows.length, loadMore]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (!rows.length) return;
    const move = (to: number) => {
      e.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, to));
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    };
    if (e.key === 'ArrowDown') move(active + 1);
    else if (e.key === 'ArrowUp') move(active - 1);
    else if (e.key === 'PageDown') move(active + 10);
    else if (e.key === 'PageUp') move(active - 10);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(rows.length - 1);
    else if (e.key === 'Enter' && rows[active]) {
      e.preventDefault();
      onOpen(rows[active].id);
    } else if (e.key === ' ' && rows[active]) {
      e.preventDefault();
      toggle(rows[active].id);
      move(active + 1);
    } else if ((e.ctrlKey || e.metaKey) && (e.key === 'a' || e.key === 'A')) {
      e.preventDefault();
      setSelected(new Set(rows.map((r) => r.id)));
    } else if (e.key === 'Escape' && selected.size) {
      e.preventDefault();
      setSelected(new Set());
    }
  }

  // Stable across renders, so a row that did not change is not drawn again (QueueRowView is memo).
  const selectedNow = useRef(selected);
  useEffect(() => {
    selectedNow.current = selected;
  }, [selected]);
  const toggle = useCallback(
    (id: string) => {
      const next = new Set(selectedNow.current);
      if (!next.delete(id)) next.add(id);
      setSelected(next);
    },
    [setSelected],
  );

  return (
    <div
      className="queue-list"
      ref={listRef}
      role="listbox"
      tabIndex={0}
      aria-label={t('ui.queue.title')}
      data-shown-search={shownSearch}
      aria-multiselectable="true"
      aria-activedescendant={rows[active] ? `row-${rows[active].id}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) {
            return (
              <div
                key="more"
                className="queue-row queue-row--more"
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
              >
                {t('ui.queue.loadMore')}
              </div>
            );
          }
          return (
            <QueueRowView
              key={row.id}
              row={row}
              index={item.index}
              start={item.start}
              active={item.index === active}
              checked={selected.has(row.id)}
              today={today}
              onActivate={setActive}
              onOpen={onOpen}
              onToggle={toggle}
            />
          );
        })}
      </div>
    </div>
  );
}

/**
 * One row. Memo: moving the cursor redraws the row it leaves and the row it reaches, not every row
 * on screen (on a slow counter PC that is the difference between a list that follows the arrow
 * keys and one that lags behind them).
 */
const QueueRowView = memo(function QueueRowView({
  row,
  index,
  start,
  active,
  checked,
  today,
  onActivate,
  onOpen,
  onToggle,
}: {
  row: Row;
  index: number;
  start: number;
  active: boolean;
  checked: boolean;
  today: string;
  onActivate: (i: number) => void;
  onOpen: (id: string) => void;
  onToggle: (id: string) => void;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const due = deadlineState(row.currentDue, today, ref.calendar);
  return (
    <div
      id={`row-${row.id}`}
      role="option"
      aria-selected={checked}
      aria-current={active ? 'true' : undefined}
      className={`queue-row${active ? ' queue-row--active' : ''}${checked ? ' queue-row--selected' : ''}${due.kind === 'late' ? ' queue-row--late' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: rowHeight }}
      onClick={() => onActivate(index)}
      onDoubleClick={() => onOpen(row.id)}
    >
      <input
        type="checkbox"
        tabIndex={-1}
        checked={checked}
        aria-label={t('ui.queue.selectRow', { n: row.receiptNumber })}
        onChange={() => onToggle(row.id)}
        onClick={(e) => e.stopPropagation()}
      />
      <span className="queue-row__receipt">{row.receiptNumber}</span>
      <span className="queue-row__date" title={wibDateTime(row.receivedAt)}>
        {shortDate(wibDate(new Date(row.receivedAt)))}
      </span>
      <span className="queue-row__title">{row.title}</span>
      <span className="queue-row__agency">{ref.agencyName(row.agencyCode)}</span>
      <span>
        <span className={`status status--${row.status.toLowerCase()}`}>{t(`statuses.${row.status}`)}</span>
        {row.delivery && row.delivery !== 'sent' ? (
          <span className={`delivery delivery--${row.delivery}`}>
            {t(`ui.forwarding.delivery.${row.delivery}`)}
          </span>
        ) : null}
      </span>
      <span className="queue-row__due">
        {row.currentDue ? shortDate(row.currentDue) : '—'}
        <DueBadge due={row.currentDue} today={today} />
      </span>
    </div>
  );
});
