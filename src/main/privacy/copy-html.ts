/**
 * The person's copy of what the desk holds about them (UU 27/2022, the right of access): every
 * complaint found by their NIK or phone, with the personal fields in full and the history. An A4
 * page; no script; every text escaped.
 */
import { callLanguage, msg } from '../../shared/i18n';
import { escapeHtml as e, wibDateTimeText } from '../platform/documents';
import type { HeldRecord } from '../complaints';

export const copyCsp = "default-src 'none'; style-src 'unsafe-inline'";

export function renderCopyHtml(input: {
  siteName: string;
  deskCode: string;
  madeAt: string;
  records: HeldRecord[];
}): string {
  const c = (key: string, params?: Record<string, string | number>) => e(msg(`print.copy.${key}`, params));
  const field = (key: string, value: string | null) =>
    `<tr><th>${c(key)}</th><td>${value === null ? '—' : e(value)}</td></tr>`;
  const records = input.records
    .map(
      (r) => `<section>
<h2>${e(r.receiptNumber)}</h2>
<table>
${field('receivedAt', wibDateTimeText(r.receivedAt) + ' WIB')}
${field('status', r.status)}
${field('agency', r.agencyCode)}
${field('title_', r.title)}
${field('body', r.body)}
${field('name', r.complainantName)}
${field('nik', r.nik)}
${field('phone', r.phone)}
${field('email', r.email)}
${field('address', r.address)}
${r.purgedAt ? field('purged', wibDateTimeText(r.purgedAt) + ' WIB') : ''}
</table>
<h3>${c('history')}</h3>
<ol>${r.events
        .map(
          (ev) =>
            `<li>${e(wibDateTimeText(ev.at))} WIB — ${e(ev.kind)}${ev.toStatus ? ` → ${e(ev.toStatus)}` : ''}${ev.reason ? `: ${e(ev.reason)}` : ''}</li>`,
        )
        .join('')}</ol>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${callLanguage()}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${copyCsp}">
<title>${c('docTitle')}</title>
<style>
  @page { size: A4; margin: 16mm; }
  body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; }
  h1 { font-size: 14pt; } h2 { font-size: 12pt; margin-top: 14pt; } h3 { font-size: 10pt; }
  table { border-collapse: collapse; width: 100%; } th { text-align: left; width: 28%; vertical-align: top; }
  th, td { border-bottom: 1px solid #ccc; padding: 2pt 4pt; } section { break-inside: avoid-page; }
</style></head><body>
<h1>${c('title')}</h1>
<p>${c('intro', { site: input.siteName, desk: input.deskCode, at: wibDateTimeText(input.madeAt) })}</p>
<p>${c('count', { n: input.records.length })}</p>
${records || `<p>${c('none')}</p>`}
</body></html>`;
}
