/**
 * The report as an A4 document for PDF: a header with the site, desk, period, scope, who made it and
 * when; page numbers; the charts (the same SVG drawings as on screen) and the tables. No script.
 */
import type { ReportView } from '../../shared/contract/reports';
import { callLanguage, msg } from '../../shared/i18n';
import { escapeHtml, shortDay, wibDateTimeText } from '../platform/documents';
import type { SheetTable } from './export-files';

export const reportCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The report's words, escaped, in the language of whoever asks for it. */
const r = (key: string, params?: Record<string, string>) => escapeHtml(msg(`print.report.${key}`, params));

const image = (svg: string, alt: string) =>
  `<img class="chart" alt="${escapeHtml(alt)}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`;

/**
 * Rows a table shows in the PDF: a month at a busy desk has thousands of late records, which made a
 * 445-page document no one reads; the PDF shows the first ones (oldest deadline first) and says where
 * the whole list is (the XLSX has every row).
 */
const pdfRows = 100;

function table(t: SheetTable): string {
  const e = escapeHtml;
  const more = t.rows.length - pdfRows;
  const cell = (v: string | number | null) => (v === null ? '–' : typeof v === 'number' ? v.toLocaleString(callLanguage() === 'en' ? 'en-GB' : 'id-ID') : e(v));
  return `<h2>${e(t.name)}</h2>
<table><thead><tr>${t.headings.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>
<tbody>${t.rows.length ? t.rows.slice(0, pdfRows).map((r) => `<tr>${r.map((v) => `<td class="${typeof v === 'number' ? 'n' : ''}">${cell(v)}</td>`).join('')}</tr>`).join('\n') : `<tr><td colspan="${t.headings.length}">${r('none')}</td></tr>`}${more > 0 ? `<tr><td colspan="${t.headings.length}">${r('more', { count: cell(more) as string })}</td></tr>` : ''}</tbody></table>`;
}

export function renderReportHtml(
  report: ReportView,
  tables: SheetTable[],
  meta: { siteName: string; deskCode: string; generatedBy: string },
): string {
  const e = escapeHtml;
  const period = `${shortDay(report.period.from)} – ${shortDay(report.period.to)}`;
  return `<!doctype html>
<html lang="${callLanguage()}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp}">
<title>${r('docTitle', { desk: meta.deskCode, from: report.period.from, to: report.period.to })}</title>
<style>
  @page { size: A4; margin: 14mm 12mm 16mm;
    @bottom-right { content: "${escapeHtml(msg('print.register.page'))} " counter(page) " ${escapeHtml(msg('print.register.of'))} " counter(pages); font: 8pt sans-serif; }
    @bottom-left { content: "${r('footer', { desk: meta.deskCode, period })}"; font: 8pt sans-serif; } }
  body { font: 9.5pt/1.35 "DejaVu Sans", Arial, sans-serif; color: #000; margin: 0; }
  h1 { font-size: 15pt; margin: 0 0 1mm; }
  h2 { font-size: 11pt; margin: 5mm 0 1.5mm; break-after: avoid; }
  .meta { margin: 0 0 4mm; color: #333; }
  table { width: 100%; border-collapse: collapse; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th, td { border: 0.3mm solid #777; padding: 0.8mm 1.2mm; text-align: left; vertical-align: top; }
  th { background: #e8e8e8; font-size: 8.5pt; }
  td.n { text-align: right; }
  .chart { display: block; width: 170mm; margin: 2mm 0; break-inside: avoid; }
</style></head>
<body>
<h1>${r('title')}</h1>
<p class="meta">${e(meta.siteName)} · ${escapeHtml(msg('print.register.desk', { desk: meta.deskCode }))}<br>
${r('periodLine', { period, previous: `${shortDay(report.previous.from)} – ${shortDay(report.previous.to)}`, scope: report.scope.name })}<br>
${r('madeBy', { name: meta.generatedBy, at: wibDateTimeText(report.generatedAt) })}</p>
${image(report.charts.intake, msg('print.report.chart.perDay'))}
${image(report.charts.compliance, msg('print.report.chart.compliance'))}
${tables.map(table).join('\n')}
${image(report.charts.channels, msg('print.report.sheet.channel'))}
${image(report.charts.agencies, msg('print.report.chart.agencies'))}
${image(report.charts.agencyCompliance, msg('print.report.chart.agencyCompliance'))}
</body></html>`;
}
