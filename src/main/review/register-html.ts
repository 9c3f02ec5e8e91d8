/**
 * The daily register as an A4 (landscape) page: the official document a supervisor prints or keeps
 * as PDF. Always in Bahasa Indonesia. Drawn only from the kept content, so a reprint is the same
 * page with the same digest. No script; text is escaped.
 */
import { createI18n } from '../../shared/i18n';
import { escapeHtml, longDay, shortDay, wibDateTimeText, wibTimeText } from '../platform/documents';
import type { RegisterContent } from './register';

const id = createI18n('id');
export const registerCsp =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** The trail's hash-chain head at the close (registers from before the chain have none). */
function chainLine(content: RegisterContent): string {
  const chain = (content as Partial<RegisterContent>).chain;
  if (!chain) return '';
  const part = (label: string, at: number | undefined, hash: string | undefined) =>
    at === undefined ? `${label}: –` : `${label} #${at}: ${escapeHtml(hash ?? '')}`;
  return `<p class="digest">Kepala rantai jejak — ${part('audit', chain.audit?.id, chain.audit?.hash)}; ${part('riwayat', chain.events?.seq, chain.events?.hash)}</p>`;
}

export function renderRegisterHtml(content: RegisterContent, digest: string): string {
  const e = escapeHtml;
  const t = (key: string) => id.t(key);
  const rows = content.entries
    .map(
      (r, i) => `<tr>
  <td class="n">${i + 1}</td>
  <td class="mono">${e(r.receiptNumber)}</td>
  <td>${r.lateFor ? `${shortDay(r.lateFor)} ` : ''}${e(wibTimeText(r.receivedAt))}</td>
  <td>${e(t(`types.${r.type}`))}</td>
  <td>${e(r.channel)}</td>
  <td>${r.title === null ? '<em>(Rahasia)</em>' : e(r.title)}${r.lateFor ? '<br><strong>setelah tutup hari</strong>' : ''}</td>
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
<html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${registerCsp}">
<title>Register pengaduan ${e(content.deskCode)} ${e(content.day)}</title>
<style>
  @page { size: A4 landscape; margin: 12mm 10mm 14mm;
    @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font: 8pt sans-serif; }
    @bottom-left { content: "Register ${e(content.deskCode)} ${e(content.day)}"; font: 8pt sans-serif; } }
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
<h1>Buku Register Pengaduan Harian</h1>
<p class="meta">${e(content.siteName)} · Meja ${e(content.deskCode)}<br>
Hari: ${e(longDay(content.day))}</p>
<table>
<thead><tr><th>No</th><th>Nomor</th><th>Jam (WIB)</th><th>Jenis</th><th>Kanal</th><th>Judul</th><th>Instansi tujuan</th>
<th>Petugas</th><th>Status</th><th>Batas verifikasi / tindak lanjut / jawaban</th><th>Tinjauan</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="11">Tidak ada pengaduan pada hari ini.</td></tr>'}
</tbody>
</table>
<p class="totals"><strong>Jumlah: ${content.totals.entries} pengaduan</strong>${byType ? ` (${byType})` : ''}<br>
Status: ${byStatus || '-'}<br>
Belum ditinjau saat tutup hari: ${content.totals.unreviewed}${content.reason ? ` — alasan: ${e(content.reason)}` : ''}</p>
<p class="closing">Ditutup oleh ${e(content.closedBy)} pada ${e(wibDateTimeText(content.closedAt))} WIB</p>
<p class="digest">SHA-256: ${e(digest)}</p>
${chainLine(content)}
</body></html>`;
}
