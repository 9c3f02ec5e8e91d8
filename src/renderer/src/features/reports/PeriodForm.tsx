/** The report's period (month, triwulan, semester, year or dates) and scope. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../data/reference';

export type ReportRequest = {
  period:
    | { kind: 'month' | 'quarter' | 'semester'; year: number; index: number }
    | { kind: 'year'; year: number }
    | { kind: 'range'; from: string; to: string };
  scope: { kind: 'desk' | 'agency' | 'kecamatan' | 'category' | 'channel'; code?: string };
};

const now = new Date();
const thisYear = now.getFullYear();

export function PeriodForm({
  onShow,
  busy,
  fieldError,
}: {
  onShow: (e: FormEvent, request: ReportRequest) => void;
  busy: boolean;
  fieldError: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const ref = useReference();
  const [kind, setKind] = useState<ReportRequest['period']['kind']>('month');
  const [year, setYear] = useState(thisYear);
  const [index, setIndex] = useState(now.getMonth() + 1);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [scopeKind, setScopeKind] = useState<ReportRequest['scope']['kind']>('desk');
  const [code, setCode] = useState('');

  const counts = { month: 12, quarter: 4, semester: 2 } as const;
  const period: ReportRequest['period'] =
    kind === 'range'
      ? { kind, from, to }
      : kind === 'year'
        ? { kind, year }
        : { kind, year, index: Math.min(index, counts[kind]) };
  const scopeOptions: Array<{ code: string; name: string }> =
    scopeKind === 'agency'
      ? ref.agencies.map((a) => ({ code: a.code, name: a.name }))
      : scopeKind === 'kecamatan'
        ? ref.regions.filter((r) => r.level === 'kecamatan').map((r) => ({ code: r.code, name: r.name }))
        : scopeKind === 'category'
          ? ref.categories.filter((c) => c.parentId === null).map((c) => ({ code: String(c.id), name: c.name }))
          : scopeKind === 'channel'
            ? ref.channels.map((c) => ({ code: c.code, name: c.name }))
            : [];
  const scope = scopeKind === 'desk' ? { kind: scopeKind } : { kind: scopeKind, ...(code ? { code } : {}) };
  const error = (path: string) => {
    const message = fieldError(path);
    return message ? <small className="field__error">{message}</small> : null;
  };

  return (
    <form className="report-form" onSubmit={(e) => onShow(e, { period, scope })} noValidate aria-label={t('ui.reports.choose')}>
      <div className="field">
        <label htmlFor="report-kind">{t('ui.reports.period')}</label>
        <select id="report-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          {(['month', 'quarter', 'semester', 'year', 'range'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`ui.reports.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind === 'range' ? (
        <>
          <div className="field">
            <label htmlFor="report-from">{t('ui.reports.from')}</label>
            <input id="report-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            {error('period.from')}
          </div>
          <div className="field">
            <label htmlFor="report-to">{t('ui.reports.to')}</label>
            <input id="report-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            {error('period.to')}
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor="report-year">{t('ui.reports.year')}</label>
            <input
              id="report-year"
              type="number"
              value={year}
              min={2000}
              max={2199}
              onChange={(e) => setYear(Number(e.target.value))}
            />
            {error('period.year')}
          </div>
          {kind !== 'year' ? (
            <div className="field">
              <label htmlFor="report-index">{t(`ui.reports.which.${kind}`)}</label>
              <select id="report-index" value={Math.min(index, counts[kind])} onChange={(e) => setIndex(Number(e.target.value))}>
                {Array.from({ length: counts[kind] }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {kind === 'month' ? t(`ui.reports.months.${n}`) : n}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </>
      )}
      <div className="field">
        <label htmlFor="report-scope">{t('ui.reports.scope')}</label>
        <select
          id="report-scope"
          value={scopeKind}
          onChange={(e) => {
            setScopeKind(e.target.value as typeof scopeKind);
            setCode('');
          }}
        >
          {(['desk', 'agency', 'kecamatan', 'category', 'channel'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`ui.reports.scopes.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {scopeKind !== 'desk' ? (
        <div className="field">
          <label htmlFor="report-code">{t(`ui.reports.scopes.${scopeKind}`)}</label>
          <select id="report-code" value={code} onChange={(e) => setCode(e.target.value)}>
            <option value="">—</option>
            {scopeOptions.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
          {error('scope.code')}
        </div>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {t('ui.reports.show')}
      </button>
    </form>
  );
}
