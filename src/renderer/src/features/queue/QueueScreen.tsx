/**
 * The queue view: saved views with their counts, filters in one row, Cari, the compact virtualised
 * list with selection for an action on several records, and the open complaint in a drawer over it.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { scanInProgress } from '../../components/scanner';
import { ErrorNotice } from '../../components/Notice';
import { shortcutLetter } from './action-keys';
import { BulkBar, type BulkBarHandle } from './BulkBar';
import { DetailPane } from './DetailPane';
import { QueueFilters, loadFilters, storeFilters, type Filters } from './QueueFilters';
import { QueueList } from './QueueList';
import { useQueueData, type QueueRequest } from './useQueueData';
import { ViewsBar, viewsFor, type ViewChoice } from './ViewsBar';

function toRequest(f: Filters, view: ViewChoice, search: string): QueueRequest {
  return {
    sort: f.sort,
    ...(view ? { view } : {}),
    ...(f.status ? { statuses: [f.status] } : {}),
    ...(f.agencyCode ? { agencyCode: f.agencyCode } : {}),
    ...(f.categoryId ? { categoryId: Number(f.categoryId) } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.kecamatanCode ? { kecamatanCode: f.kecamatanCode } : {}),
    ...(f.officerId ? { officerId: f.officerId } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.lateOnly ? { lateOnly: true } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
  };
}

const viewKey = 'desk.queue.view';

export function QueueScreen({
  openId,
  setOpenId,
  canReveal,
  supervisor,
  shell,
}: {
  openId: string | null;
  setOpenId: (id: string | null) => void;
  canReveal: boolean;
  /** Sees the "not yet in LAPOR!" view. */
  supervisor: boolean;
  shell: 'electron' | 'browser';
}) {
  const { t } = useTranslation();
  const views = viewsFor(supervisor);
  const [filters, setFiltersState] = useState<Filters>(loadFilters);
  const [view, setViewState] = useState<ViewChoice>(() => {
    const stored = (localStorage.getItem(viewKey) ?? '') as ViewChoice;
    return views.includes(stored) ? stored : '';
  });
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [active, setActive] = useState(0);
  const [refreshKey, setRefreshKey] = useState(0);
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<string>>(new Set());
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const bulk = useRef<BulkBarHandle>(null);

  // Stable callbacks: the views, the filters and the bulk bar are memo, so moving the cursor through
  // the list redraws the rows it touches and not the hundreds of <option>s of the filters.
  const setFilters = useCallback((f: Filters) => {
    setFiltersState(f);
    storeFilters(f);
    setActive(0);
  }, []);
  const setView = useCallback((v: ViewChoice) => {
    setViewState(v);
    localStorage.setItem(viewKey, v);
    setActive(0);
  }, []);
  const clearSelection = useCallback(() => {
    setSelectedIds(new Set());
    listRef.current?.focus();
  }, []);
  const afterBulk = useCallback((done: string[]) => {
    setSelectedIds((now) => {
      const rest = new Set(now);
      for (const id of done) rest.delete(id);
      return rest;
    });
    setRefreshKey((k) => k + 1);
    listRef.current?.focus();
  }, []);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      setDebounced(search);
      setActive(0);
    }, 40); // a pause between keystrokes, short enough that the list follows the typing
    return () => window.clearTimeout(timer);
  }, [search]);

  const request = useMemo(() => toRequest(filters, view, debounced), [filters, view, debounced]);
  const data = useQueueData(request, refreshKey);

  // The selection, with each record's current status (the rows are reloaded after every action).
  const selected = useMemo(
    () =>
      new Map(
        data.rows
          .filter((r) => selectedIds.has(r.id))
          .map((r) => [r.id, { receiptNumber: r.receiptNumber, status: r.status }] as const),
      ),
    [data.rows, selectedIds],
  );

  // "/" from anywhere on this screen puts the cursor in Cari (unless a scanner is typing a URL).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) && !scanInProgress(e)) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'ArrowDown' && target === searchRef.current) {
        e.preventDefault();
        listRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // On the list: 1-7 choose a view; with rows selected, V/T/S go to that action for all of them.
  function onListKeys(e: KeyboardEvent<HTMLElement>) {
    const key = shortcutLetter(e);
    if (!key || scanInProgress(e.nativeEvent)) return;
    const n = Number(key);
    if (n >= 1 && n <= views.length) {
      e.preventDefault();
      setView(views[n - 1]!);
    } else if (selected.size && bulk.current?.press(key)) e.preventDefault();
  }

  const note = data.searchKind ? t(`ui.queue.searching.${data.searchKind}`) : null;
  const countText = data.count
    ? data.count.capped
      ? t('ui.queue.countCapped', { n: data.count.total.toLocaleString('id-ID') })
      : t('ui.queue.count', { n: data.count.total.toLocaleString('id-ID') })
    : '';

  return (
    <section className="queue">
      <div className="queue__main" onKeyDown={onListKeys}>
        <header className="queue__header">
          <h1>{t('ui.queue.title')}</h1>
          <span className="muted" aria-live="polite">
            {countText} · {t('ui.queue.keyboardHint')}
          </span>
        </header>
        <ViewsBar view={view} setView={setView} views={views} refreshKey={refreshKey} />
        <QueueFilters
          filters={filters}
          setFilters={setFilters}
          search={search}
          setSearch={setSearch}
          searchRef={searchRef}
          searchNote={note}
        />
        <ErrorNotice error={data.error} />
        <BulkBar ref={bulk} selected={selected} onClear={clearSelection} onDone={afterBulk} />
        <div className="queue-head" aria-hidden="true">
          <span />
          <span>{t('ui.queue.columns.receipt')}</span>
          <span>{t('ui.queue.columns.date')}</span>
          <span>{t('ui.queue.columns.title')}</span>
          <span>{t('ui.queue.columns.agency')}</span>
          <span>{t('ui.queue.columns.status')}</span>
          <span>{t('ui.queue.columns.due')}</span>
        </div>
        {!data.loading && !data.error && data.rows.length === 0 ? (
          <p className="muted">{t('ui.queue.empty')}</p>
        ) : null}
        <QueueList
          rows={data.rows}
          hasMore={data.hasMore}
          loadMore={() => void data.loadMore()}
          active={active}
          setActive={setActive}
          onOpen={setOpenId}
          listRef={listRef}
          shownSearch={data.shownSearch}
          selected={selectedIds}
          setSelected={setSelectedIds}
        />
      </div>
      {openId ? (
        <DetailPane
          key={openId}
          id={openId}
          canReveal={canReveal}
          shell={shell}
          onOpen={setOpenId}
          onClose={() => {
            setOpenId(null);
            // Back to the row the officer came from.
            const at = data.rows.findIndex((r) => r.id === openId);
            if (at >= 0) setActive(at);
            listRef.current?.focus();
          }}
          onChanged={() => setRefreshKey((k) => k + 1)}
        />
      ) : null}
    </section>
  );
}
