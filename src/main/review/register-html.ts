/**
 * The daily register as an A4 (landscape) page: the official document a supervisor prints or keeps
 * as PDF, in the language of the supervisor who prints it (Bahasa Indonesia unless they work in
 * English). Drawn only from the kept content, so a reprint holds the same records with the same
 * digest (the digest is of the content, not of the words around it). No script; text is escaped.
 */
import { callLanguage, msg } from '../../shared/i18n';
import { escapeHtml, longDay, shortDay, wibDateTimeText, wibTimeText } from '../platform/documents';
import type { RegisterContent } from './register';

export const registerCsp =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** The trail's hash-chain head at the close (registers from before the chain have none). */
function chainLine(content: RegisterContent): string {
  const chain = (content as Partial<RegisterContent>).chain;
  if (!chain) return '';
  const part = (label: string, at: number | undefined, hash: string | undefined) =>
    at === undefined ? `${label}: –` : `${label} #${at}: ${escapeHtml(hash ?? '')}`;
  return `<p class="digest">${escapeHtml(msg('print.register.chainHead'))} — ${part(msg('print.register.chainAudit'), chain.audit?.id, chain.audit?.hash)}; ${part(msg('print.register.chainEvents'), chain.events?.seq, chain.events?.hash)}</p>`;
}

export function renderRegisterHtml(content: RegisterContent, digest: string): string {
  const e = escapeHtml;
  const t = (key: string, params?: Record<string, string | number>) => msg(key, params);
  const p = (key: string, params?: Record<string, string | number>) =>
    e(msg(`print.register.${key}`, params));
  const rows = content.entries
    .map(
      (r, i) => `<tr>
  <td class="n">${i + 1}</td>
  <td class="mono">${e(r.receiptNumber)}</td>
  <td>${r.lateFor ? `${shortDay(r.lateFor)} ` : ''}${e(wibTimeText(r.receivedAt))}</td>
  <td>${e(t(`types.${r.type}`))}</td>
  <td>${e(r.channel)}</td>
  <td>${r.title === null ? `<em>${p('confidential')}</em>` : e(r.title)}${r.lateFor ? `<br><strong>${p('afterClose')}</strong>` : ''}</td>
  <td>${e(r.agency)}</td>
  <td>${e(r.officer)}</td>
  <td>${e(t(`statuses.${r.status}`))}</td>
  <td>${shortDay(r.verifyDue)}<br>${shortDay(r.followUpDue)}<br>${shortDay(r.answerDue)}</td>
  <td>${e(t(`ui.review.states.${r.review}`))}${r.reviewNote ? `<br><small>${e(r.reviewNote)}</small>` : ''}</td>
</tr>`,
    )
    .join('\n');
  const byType = Object.entries(content.totals.byType)
    .map(([k, n]) => `${e(t(`types.${k}`))}: ${n}`)
    .join(' · ');
  const byStatus = Object.entries(content.totals.byStatus)
    .map(([k, n]) => `${e(t(`statuses.${k}`))}: ${n}`)
    .join(' · ');
  return `<!doctype html>
<html lang="${callLanguage()}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${registerCsp}">
<title>${p('docTitle', { desk: content.deskCode, day: content.day })}</title>
<style>
  @page { size: A4 landscape; margin: 12mm 10mm 14mm;
    @bottom-right { content: "${p('page')} " counter(page) " ${p('of')} " counter(pages); font: 8pt sans-serif; }
    @bottom-left { content: "${p('footer', { desk: content.deskCode, day: content.day })}"; font: 8pt sans-serif; } }
  body { font: 9pt/1.3 "DejaVu Sans", Arial, sans-serif; color: #000; margin: 0; }
  h1 { font-size: 14pt; margin: 0 0 2mm; }
  .meta { margin: 0 0 3mm; }
  table { width: 100%; border-collapse: collapse; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th, td { border: 0.3mm solid #444; padding: 1mm 1.2mm; vertical-align: top; text-align: left; }
  th { background: #e8e8e8; font-size: 8pt; }
  td.n { text-align: right; }
  .mono { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; white-space: nowrap; }
  .totals, .closing { margin-top: 4mm; }
  .digest { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: break-all; }
</style></head>
<body>
<h1>${p('title')}</h1>
<p class="meta">${e(content.siteName)} · ${p('desk', { desk: content.deskCode })}<br>
${p('day', { day: longDay(content.day) })}</p>
<table>
<thead><tr><th>${p('col.n')}</th><th>${p('col.number')}</th><th>${p('col.time')}</th><th>${p('col.type')}</th><th>${p('col.channel')}</th><th>${p('col.title')}</th><th>${p('col.agency')}</th>
<th>${p('col.officer')}</th><th>${p('col.status')}</th><th>${p('col.deadlines')}</th><th>${p('col.review')}</th></tr></thead>
<tbody>
${rows || `<tr><td colspan="11">${p('empty')}</td></tr>`}
</tbody>
</table>
<p class="totals"><strong>${p('total', { n: content.totals.entries })}</strong>${byType ? ` (${byType})` : ''}<br>
${p('statuses')}: ${byStatus || '-'}<br>
${p('unreviewed', { n: content.totals.unreviewed })}${content.reason ? ` — ${p('reason', { reason: content.reason })}` : ''}</p>
<p class="closing">${p('closedBy', { name: content.closedBy, at: wibDateTimeText(content.closedAt) })}</p>
<p class="digest">SHA-256: ${e(digest)}</p>
${chainLine(content)}
</body></html>`;
}
