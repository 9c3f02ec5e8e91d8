/**
 * Filters that combine, and Cari, in one row at 1366 px (the rarer ones behind "Filter lain").
 * Remembered between visits (the search text is not: it may be a phone).
 */
import { memo, useState, type ReactNode, type RefObject } from 'react';
import { addCalendarDays, wibDate } from '../../../../shared/calendar/working-days';
import { useTranslation } from 'react-i18next';
import { complaintStatuses, type ComplaintStatus } from '../../../../shared/domain/complaint';
import { useReference } from '../../data/reference';
import { DateFilter } from './DateFilter';

export interface Filters {
  status: ComplaintStatus | '';
  agencyCode: string;
  categoryId: string;
  channel: string;
  kecamatanCode: string;
  officerId: string;
  from: string;
  to: string;
  lateOnly: boolean;
  sort: 'newest' | 'urgent';
}

export const noFilters: Filters = {
  status: '',
  agencyCode: '',
  categoryId: '',
  channel: '',
  kecamatanCode: '',
  officerId: '',
  from: '',
  to: '',
  lateOnly: false,
  sort: 'newest',
};

const storageKey = 'desk.queue.filters';

export function loadFilters(): Filters {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as Partial<Filters>;
    return { ...noFilters, ...stored };
  } catch {
    return noFilters;
  }
}

export function storeFilters(f: Filters): void {
  localStorage.setItem(storageKey, JSON.stringify(f));
}

/** Monday of the ISO date's week (WIB calendar days). */
function mondayOf(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addCalendarDays(iso, day === 0 ? -6 : 1 - day);
}

/** How many of the filters behind "Filter lain" are set (shown on its button). */
const moreKeys = ['categoryId', 'channel', 'kecamatanCode', 'officerId', 'lateOnly'] as const;

export const QueueFilters = memo(function QueueFilters({
  filters,
  setFilters,
  search,
  setSearch,
  searchRef,
  searchNote,
}: {
  filters: Filters;
  setFilters: (f: Filters) => void;
  search: string;
  setSearch: (s: string) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  searchNote: string | null;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const today = wibDate(new Date());
  const moreSet = moreKeys.filter((k) => filters[k]).length;
  const [more, setMore] = useState(moreSet > 0);
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters({ ...filters, [key]: value });
  const range = (from: string, to: string) => setFilters({ ...filters, from, to });
  const all = <option value="">{t('ui.queue.all')}</option>;
  const select = (key: keyof Filters, label: string, options: ReactNode) => (
    <label className="field">
      <span>{label}</span>
      <select value={String(filters[key])} onChange={(e) => set(key, e.target.value as never)}>
        {all}
        {options}
      </select>
    </label>
  );
  return (
    <div className="queue-filters">
      <div className="queue-filters__row">
        <div className="field queue-filters__search">
          <label htmlFor="queue-search">{t('fields.search')}</label>
          <input
            id="queue-search"
            ref={searchRef}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
            placeholder={t('ui.queue.searchPlaceholder')}
          />
          {searchNote ? <small className="field__hint">{searchNote}</small> : null}
        </div>
        {select(
          'status',
          t('fields.statuses'),
          complaintStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          )),
        )}
        {select(
          'agencyCode',
          t('fields.agencyCode'),
          ref.agencies.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          )),
        )}
        <DateFilter
          id="queue-from"
          label={t('fields.from')}
          value={filters.from}
          today={today}
          onChange={(v) => set('from', v)}
        />
        <DateFilter
          id="queue-to"
          label={t('fields.to')}
          value={filters.to}
          today={today}
          onChange={(v) => set('to', v)}
        />
        <div className="queue-filters__quick" role="group" aria-label={t('ui.queue.quickRange')}>
          <button type="button" onClick={() => range(today, today)}>
            {t('ui.queue.today')}
          </button>
          <button type="button" onClick={() => range(mondayOf(today), today)}>
            {t('ui.queue.thisWeek')}
          </button>
          <button type="button" onClick={() => range(`${today.slice(0, 8)}01`, today)}>
            {t('ui.queue.thisMonth')}
          </button>
        </div>
        <button type="button" aria-expanded={more} onClick={() => setMore(!more)}>
          {t('ui.queue.moreFilters')}
          {moreSet ? ` (${moreSet})` : ''}
        </button>
        <button type="button" onClick={() => setFilters(noFilters)}>
          {t('ui.queue.clear')}
        </button>
      </div>
      {more ? (
        <div className="queue-filters__row">
          {select(
            'categoryId',
            t('fields.categoryId'),
            ref.categories
              .filter((c) => c.parentId === null)
              .map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.name}
                </option>
              )),
          )}
          {select(
            'channel',
            t('fields.channel'),
            ref.channels.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            )),
          )}
          {select(
            'kecamatanCode',
            t('fields.kecamatanCode'),
            ref.regions
              .filter((r) => r.level === 'kecamatan')
              .map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              )),
          )}
          {select(
            'officerId',
            t('fields.officerId'),
            ref.officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.displayName}
              </option>
            )),
          )}
          <label className="field">
            <span>{t('ui.queue.sort')}</span>
            <select
              value={filters.sort}
              onChange={(e) => set('sort', e.target.value === 'urgent' ? 'urgent' : 'newest')}
            >
              <option value="newest">{t('ui.queue.newest')}</option>
              <option value="urgent">{t('ui.queue.urgent')}</option>
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={filters.lateOnly}
              onChange={(e) => set('lateOnly', e.target.checked)}
            />{' '}
            {t('fields.lateOnly')}
          </label>
        </div>
      ) : null}
    </div>
  );
});
