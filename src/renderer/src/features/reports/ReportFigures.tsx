/** The report's figures on screen: headline numbers with the change, compliance, charts, breakdowns. */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../data/reference';
import { shortDate } from '../../components/dates';
import type { Report } from './ReportsScreen';

const percent = (v: number | null) => (v === null ? '–' : `${(Math.round(v * 1000) / 10).toLocaleString('id-ID')}%`);
const svgImage = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function Change({ now, then }: { now: number; then: number }) {
  const d = now - then;
  return <small className={d > 0 ? 'change change--up' : d < 0 ? 'change change--down' : 'change'}>{d > 0 ? `+${d}` : d}</small>;
}

/** A breakdown's table: its heading row (the figure, this period, the one before) and its rows. */
function BreakdownTable({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <table className="report-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          <th scope="col">{t('ui.reports.now')}</th>
          <th scope="col">{t('ui.reports.before')}</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

function Breakdown({
  title,
  now,
  then,
  name,
}: {
  title: string;
  now: Record<string, number>;
  then: Record<string, number>;
  name: (k: string) => string;
}) {
  const { t } = useTranslation();
  const keys = Object.keys(now).sort((a, b) => (now[b] ?? 0) - (now[a] ?? 0));
  return (
    <BreakdownTable title={title}>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row">{k === '-' ? t('ui.reports.notGiven') : name(k)}</th>
            <td>
              {now[k]} <Change now={now[k] ?? 0} then={then[k] ?? 0} />
            </td>
            <td>{then[k] ?? 0}</td>
          </tr>
        ))}
    </BreakdownTable>
  );
}

/**
 * Kecamatan, each with its desa beneath on request (the drill-down): desa codes carry their
 * kecamatan's code as prefix (35.13.01 › 35.13.01.2001).
 */
function KecamatanBreakdown({ report, name }: { report: Report; name: (code: string) => string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const { current: c, before: b } = report;
  const keys = Object.keys(c.byKecamatan).sort((x, y) => (c.byKecamatan[y] ?? 0) - (c.byKecamatan[x] ?? 0));
  const desaOf = (k: string) =>
    [...new Set([...Object.keys(c.byDesa), ...Object.keys(b.byDesa)])]
      .filter((d) => d.startsWith(`${k}.`))
      .sort((x, y) => (c.byDesa[y] ?? 0) - (c.byDesa[x] ?? 0) || x.localeCompare(y));
  const toggle = (k: string) =>
    setOpen((was) => {
      const next = new Set(was);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  const title = t('ui.reports.by.kecamatan');
  return (
    <BreakdownTable title={title}>
        {keys.flatMap((k) => {
          const desa = k === '-' ? [] : desaOf(k);
          const label = k === '-' ? t('ui.reports.notGiven') : name(k);
          const rows = [
            <tr key={k}>
              <th scope="row">
                {desa.length ? (
                  <button
                    type="button"
                    className="drill"
                    aria-expanded={open.has(k)}
                    aria-label={t(open.has(k) ? 'ui.reports.hideDesa' : 'ui.reports.showDesa', { name: label })}
                    onClick={() => toggle(k)}
                  >
                    {open.has(k) ? '▾' : '▸'} {label}
                  </button>
                ) : (
                  label
                )}
              </th>
              <td>
                {c.byKecamatan[k]} <Change now={c.byKecamatan[k] ?? 0} then={b.byKecamatan[k] ?? 0} />
              </td>
              <td>{b.byKecamatan[k] ?? 0}</td>
            </tr>,
          ];
          if (open.has(k))
            for (const d of desa)
              rows.push(
                <tr key={d} className="report-table__child">
                  <th scope="row">{name(d)}</th>
                  <td>
                    {c.byDesa[d] ?? 0} <Change now={c.byDesa[d] ?? 0} then={b.byDesa[d] ?? 0} />
                  </td>
                  <td>{b.byDesa[d] ?? 0}</td>
                </tr>,
              );
          return rows;
        })}
    </BreakdownTable>
  );
}

export function ReportFigures({ report }: { report: Report }) {
  const { t } = useTranslation();
  const ref = useReference();
  const { current: c, before: b } = report;
  const stages = ['verify', 'followUp', 'answer'] as const;
  return (
    <>
      <p className="hint">
        {t('ui.reports.covers', {
          from: shortDate(report.period.from),
          to: shortDate(report.period.to),
          prevFrom: shortDate(report.previous.from),
          prevTo: shortDate(report.previous.to),
          scope: report.scope.name,
        })}
      </p>
      <dl className="summary-band">
        {(
          [
            ['received', c.received, b.received],
            ['anonymous', c.anonymous, b.anonymous],
            ['confidential', c.confidential, b.confidential],
            ['supervisory', c.supervisory, b.supervisory],
            ['sent', c.delivery.sent, b.delivery.sent],
            ['waiting', c.delivery.waiting, b.delivery.waiting],
            ['parked', c.delivery.parked, b.delivery.parked],
          ] as const
        ).map(([key, now, then]) => (
          <div className="summary-figure" key={key}>
            <dt>{t(`ui.reports.figures.${key}`)}</dt>
            <dd>
              {now} <Change now={now} then={then} />
            </dd>
          </div>
        ))}
      </dl>
      <table className="report-table">
        <caption>{t('ui.reports.compliance')}</caption>
        <thead>
          <tr>
            {(['stage', 'judged', 'kept', 'share', 'median', 'p90', 'late', 'shareBefore'] as const).map((h) => (
              <th scope="col" key={h}>
                {t(`ui.reports.stageColumns.${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s}>
              <th scope="row">{t(`ui.reports.stages.${s}`)}</th>
              <td>{c.compliance[s].judged}</td>
              <td>{c.compliance[s].kept}</td>
              <td>{percent(c.compliance[s].share)}</td>
              <td>{c.compliance[s].medianDays ?? '–'}</td>
              <td>{c.compliance[s].p90Days ?? '–'}</td>
              <td>{c.compliance[s].lateCount}</td>
              <td>{percent(b.compliance[s].share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="report-charts">
        <img src={svgImage(report.charts.intake)} alt={t('ui.reports.charts.intake')} />
        <img src={svgImage(report.charts.compliance)} alt={t('ui.reports.charts.compliance')} />
        <img src={svgImage(report.charts.channels)} alt={t('ui.reports.charts.channels')} />
        <img src={svgImage(report.charts.agencies)} alt={t('ui.reports.charts.agencies')} />
        <img src={svgImage(report.charts.agencyCompliance)} alt={t('ui.reports.charts.agencyCompliance')} />
      </div>
      <div className="report-breakdowns">
        <Breakdown title={t('ui.reports.by.status')} now={c.statusAtEnd} then={b.statusAtEnd} name={(k) => t(`statuses.${k}`)} />
        <Breakdown title={t('ui.reports.by.type')} now={c.byType} then={b.byType} name={(k) => t(`types.${k}`)} />
        <Breakdown title={t('ui.reports.by.channel')} now={c.byChannel} then={b.byChannel} name={ref.channelName} />
        <Breakdown title={t('ui.reports.by.agency')} now={c.byAgency} then={b.byAgency} name={ref.agencyName} />
        <Breakdown title={t('ui.reports.by.category')} now={c.byCategory} then={b.byCategory} name={(k) => ref.categoryName(Number(k))} />
        <KecamatanBreakdown report={report} name={ref.regionName} />
        <Breakdown title={t('ui.reports.by.officer')} now={c.byOfficer} then={b.byOfficer} name={(k) => k} />
      </div>
    </>
  );
}
