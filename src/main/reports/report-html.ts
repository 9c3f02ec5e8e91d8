/**
 * The report as an A4 document for PDF: a header with the site, desk, period, scope, who made it and
 * when; page numbers; the charts (the same SVG drawings as on screen) and the tables. No script.
 */
import type { ReportView } from '../../shared/contract/reports';
import { escapeHtml, shortDay, wibDateTimeText } from '../platform/documents';
import type { SheetTable } from './export-files';

export const reportCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const image = (svg: string, alt: string) =>
  `<img class="chart" alt="${escapeHtml(alt)}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`;

function table(t: SheetTable): string {
  const e = escapeHtml;
  const cell = (v: string | number | null) => (v === null ? '–' : typeof v === 'number' ? v.toLocaleString('id-ID') : e(v));
  return `<h2>${e(t.name)}</h2>
<table><thead><tr>${t.headings.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead>
<tbody>${t.rows.length ? t.rows.map((r) => `<tr>${r.map((v) => `<td class="${typeof v === 'number' ? 'n' : ''}">${cell(v)}</td>`).join('')}</tr>`).join('\n') : `<tr><td colspan="${t.headings.length}">Tidak ada.</td></tr>`}</tbody></table>`;
}

export function renderReportHtml(
  report: ReportView,
  tables: SheetTable[],
  meta: { siteName: string; deskCode: string; generatedBy: string },
): string {
  const e = escapeHtml;
  const period = `${shortDay(report.period.from)} – ${shortDay(report.period.to)}`;
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp}">
<title>Laporan pengaduan ${e(meta.deskCode)} ${e(report.period.from)} s.d. ${e(report.period.to)}</title>
<style>
  @page { size: A4; margin: 14mm 12mm 16mm;
    @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font: 8pt sans-serif; }
    @bottom-left { content: "Laporan ${e(meta.deskCode)} ${e(period)}"; font: 8pt sans-serif; } }
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
<h1>Laporan Pengaduan Berkala</h1>
<p class="meta">${e(meta.siteName)} · Meja ${e(meta.deskCode)}<br>
Periode: ${e(period)} (sebelumnya ${e(shortDay(report.previous.from))} – ${e(shortDay(report.previous.to))}) · Cakupan: ${e(report.scope.name)}<br>
Dibuat oleh ${e(meta.generatedBy)} pada ${e(wibDateTimeText(report.generatedAt))} WIB · Tanpa data pribadi</p>
${image(report.charts.intake, 'Pengaduan per hari')}
${image(report.charts.compliance, 'Kepatuhan batas waktu')}
${tables.map(table).join('\n')}
${image(report.charts.channels, 'Menurut kanal')}
${image(report.charts.agencies, 'Menurut instansi')}
</body></html>`;
}
