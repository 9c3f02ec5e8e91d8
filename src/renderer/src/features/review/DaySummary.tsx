/** The summary band of the day review: what came in, where it stands, what is late, what was sent. */
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract';
import { useReference } from '../../data/reference';

type Summary = MethodOutput<'review.day'>['summary'];

function Breakdown({
  title,
  counts,
  name,
}: {
  title: string;
  counts: Record<string, number>;
  name: (k: string) => string;
}) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return null;
  return (
    <div className="summary-breakdown">
      <h3>{title}</h3>
      <ul>
        {entries.map(([k, n]) => (
          <li key={k}>
            {name(k)}: <strong>{n}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function DaySummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const ref = useReference();
  const s = (key: string) => t(`ui.review.summary.${key}`);
  const figures: Array<[string, number]> = [
    ['received', summary.received],
    ['new', summary.byStage.new],
    ['verified', summary.byStage.verified],
    ['forwarded', summary.byStage.forwarded],
    ['closed', summary.byStage.closed],
    ['postponed', summary.byStage.postponed],
    ['late', summary.late],
    ['dueSoon', summary.dueWithinOneWorkingDay],
    ['supervisory', summary.supervisory],
    ['anonymous', summary.anonymous],
    ['confidential', summary.confidential],
    ['sent', summary.delivery.sent],
    ['waiting', summary.delivery.waiting],
    ['parked', summary.delivery.parked],
    ['reviewed', summary.review.reviewed + summary.review.verified],
    ['flagged', summary.flagged],
  ];
  return (
    <section className="panel" aria-labelledby="day-summary-title">
      <h2 id="day-summary-title">{s('title')}</h2>
      <dl className="summary-band">
        {figures.map(([key, n]) => (
          <div
            key={key}
            className={key === 'late' && n > 0 ? 'summary-figure summary-figure--late' : 'summary-figure'}
          >
            <dt>{s(key)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      <div className="summary-breakdowns">
        <Breakdown title={s('byType')} counts={summary.byType} name={(k) => t(`types.${k}`)} />
        <Breakdown title={s('byChannel')} counts={summary.byChannel} name={ref.channelName} />
        <Breakdown title={s('byOfficer')} counts={summary.byOfficer} name={(k) => k} />
        <Breakdown title={s('byAgency')} counts={summary.byAgency} name={ref.agencyName} />
        <Breakdown
          title={s('byKecamatan')}
          counts={summary.byKecamatan}
          name={(k) => (k === '-' ? '—' : ref.regionName(k))}
        />
      </div>
    </section>
  );
}
