/** Reference data (regions, agencies, categories, channels, holidays) loaded once per sign-in. */
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { WorkingCalendar } from '../../../shared/calendar/working-days';
import type { MethodOutput } from '../../../shared/contract';
import { api } from '../api/client';
import { errorText } from '../i18n';
import { useQuery } from '../components/useQuery';
import { reportError } from '../api/report';

type All = MethodOutput<'reference.all'>;

export interface ReferenceData extends All {
  agencyName: (code: string) => string;
  regionName: (code: string | null) => string;
  categoryName: (id: number | null) => string;
  channelName: (code: string) => string;
  calendar: WorkingCalendar;
  officers: MethodOutput<'accounts.officers'>;
  /** Read the reference data again (after an admin changed it). */
  reload: () => void;
}

const ReferenceContext = createContext<ReferenceData | null>(null);

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { data, error, reload } = useQuery(() => api['reference.all']({}));
  const { data: officers, reload: reloadOfficers } = useQuery(() => api['accounts.officers']({}));
  const value = useMemo<ReferenceData | null>(() => {
    if (!data) return null;
    const agencies = new Map(data.agencies.map((a) => [a.code, a.name]));
    const regions = new Map(data.regions.map((r) => [r.code, r.name]));
    const categories = new Map(data.categories.map((c) => [c.id, c.name]));
    const channels = new Map(data.channels.map((c) => [c.code, c.name]));
    return {
      ...data,
      agencyName: (code) => agencies.get(code) ?? code,
      regionName: (code) => (code ? (regions.get(code) ?? code) : ''),
      categoryName: (id) => (id ? (categories.get(id) ?? String(id)) : ''),
      channelName: (code) => channels.get(code) ?? code,
      calendar: new WorkingCalendar(data.holidays.map((h) => h.date)),
      officers: officers ?? [],
      reload: () => {
        reload();
        reloadOfficers();
      },
    };
  }, [data, officers, reload, reloadOfficers]);
  useEffect(() => {
    if (error) reportError('reference', new Error(`${error.code}: ${error.message}`));
  }, [error]);
  if (error)
    return (
      <div className="centered notice notice--error" role="alert">
        <p>{t('ui.referenceFailed', { message: errorText(error) })}</p>
        <button type="button" onClick={reload} autoFocus>
          {t('ui.retry')}
        </button>
      </div>
    );
  if (!value) return <p className="centered">{t('ui.loading')}</p>;
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): ReferenceData {
  const value = useContext(ReferenceContext);
  if (!value) throw new Error('useReference outside ReferenceProvider');
  return value;
}
