/** The queue view: filters, Cari, the virtualised list, and the detail pane of the open complaint. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/Notice';
import { DetailPane } from './DetailPane';
import { QueueFilters, loadFilters, storeFilters, type Filters } from './QueueFilters';
import { QueueList } from './QueueList';
import { useQueueData, type QueueRequest } from './useQueueData';

function toRequest(f: Filters, search: string): QueueRequest {
  return {
    sort: f.sort,
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

export function QueueScreen({
  openId,
  setOpenId,
  canReveal,
  shell,
}: {
  openId: string | null;
  setOpenId: (id: string | null) => void;
  canReveal: boolean;
  shell: 'electron' | 'browser';
}) {
  const { t } = useTranslation();
  const [filters, setFiltersState] = useState<Filters>(loadFilters);
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [active, setActive] = useState(0);
  const [refreshKey, setRefreshKey] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const setFilters = (f: Filters) => {
    setFiltersState(f);
    storeFilters(f);
    setActive(0);
  };

  useEffect(() => {
    const timer = window.setTimeout(() => {
      setDebounced(search);
      setActive(0);
    }, 40); // a pause between keystrokes, short enough that the list follows the typing
    return () => window.clearTimeout(timer);
  }, [search]);

  const request = useMemo(() => toRequest(filters, debounced), [filters, debounced]);
  const data = useQueueData(request, refreshKey);

  // "/" from anywhere on this screen puts the cursor in Cari.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) {
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

  const note = data.searchKind ? t(`ui.queue.searching.${data.searchKind}`) : null;
  const countText = data.count
    ? data.count.capped
      ? t('ui.queue.countCapped', { n: data.count.total.toLocaleString('id-ID') })
      : t('ui.queue.count', { n: data.count.total.toLocaleString('id-ID') })
    : '';

  return (
    <section className={openId ? 'queue queue--with-detail' : 'queue'}>
      <div className="queue__main">
        <header className="queue__header">
          <h1>{t('ui.queue.title')}</h1>
          <span className="muted" aria-live="polite">
            {countText} · {t('ui.queue.keyboardHint')}
          </span>
        </header>
        <QueueFilters
          filters={filters}
          setFilters={setFilters}
          search={search}
          setSearch={setSearch}
          searchRef={searchRef}
          searchNote={note}
        />
        <ErrorNotice error={data.error} />
        <div className="queue-head" aria-hidden="true">
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
        />
      </div>
      {openId ? (
        <DetailPane
          key={openId}
          id={openId}
          canReveal={canReveal}
          shell={shell}
          onClose={() => {
            setOpenId(null);
            listRef.current?.focus();
          }}
          onChanged={() => setRefreshKey((k) => k + 1)}
        />
      ) : null}
    </section>
  );
}
