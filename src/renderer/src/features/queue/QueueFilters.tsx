/** Filters that combine, and Cari. Remembered between visits (the search text is not: it may be a phone). */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintStatuses, type ComplaintStatus } from '../../../../shared/domain/complaint';
import { useReference } from '../../data/reference';

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

export function QueueFilters({
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
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters({ ...filters, [key]: value });
  const all = <option value="">{t('ui.queue.all')}</option>;
  return (
    <div className="queue-filters">
      <div className="field queue-filters__search">
        <label htmlFor="queue-search">{t('fields.search')}</label>
        <input
          id="queue-search"
          ref={searchRef}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          autoComplete="off"
          placeholder="PBL01-20261128-0001-X · 0812… · kata"
        />
        {searchNote ? <small className="field__hint">{searchNote}</small> : null}
      </div>
      <label className="field">
        <span>{t('fields.statuses')}</span>
        <select value={filters.status} onChange={(e) => set('status', e.target.value as Filters['status'])}>
          {all}
          {complaintStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('fields.agencyCode')}</span>
        <select value={filters.agencyCode} onChange={(e) => set('agencyCode', e.target.value)}>
          {all}
          {ref.agencies.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('fields.categoryId')}</span>
        <select value={filters.categoryId} onChange={(e) => set('categoryId', e.target.value)}>
          {all}
          {ref.categories
            .filter((c) => c.parentId === null)
            .map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
        </select>
      </label>
      <label className="field">
        <span>{t('fields.channel')}</span>
        <select value={filters.channel} onChange={(e) => set('channel', e.target.value)}>
          {all}
          {ref.channels.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('fields.kecamatanCode')}</span>
        <select value={filters.kecamatanCode} onChange={(e) => set('kecamatanCode', e.target.value)}>
          {all}
          {ref.regions
            .filter((r) => r.level === 'kecamatan')
            .map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
        </select>
      </label>
      <label className="field">
        <span>{t('fields.officerId')}</span>
        <select value={filters.officerId} onChange={(e) => set('officerId', e.target.value)}>
          {all}
          {ref.officers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.displayName}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('fields.from')}</span>
        <input type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('fields.to')}</span>
        <input type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />
      </label>
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
      <button type="button" onClick={() => setFilters(noFilters)}>
        {t('ui.queue.clear')}
      </button>
    </div>
  );
}
