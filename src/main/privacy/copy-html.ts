/**
 * The person's copy of what the desk holds about them (UU 27/2022, the right of access): every
 * complaint found by their NIK or phone, with the personal fields in full and the history. An A4
 * page; no script; every text escaped.
 */
import { escapeHtml as e, wibDateTimeText } from '../platform/documents';
import type { HeldRecord } from '../complaints';

export const copyCsp = "default-src 'none'; style-src 'unsafe-inline'";

export function renderCopyHtml(input: {
  siteName: string;
  deskCode: string;
  madeAt: string;
  records: HeldRecord[];
}): string {
  const field = (label: string, value: string | null) =>
    `<tr><th>${e(label)}</th><td>${value === null ? '—' : e(value)}</td></tr>`;
  const records = input.records
    .map(
      (r) => `<section>
<h2>${e(r.receiptNumber)}</h2>
<table>
${field('Diterima', wibDateTimeText(r.receivedAt) + ' WIB')}
${field('Status', r.status)}
${field('Instansi tujuan', r.agencyCode)}
${field('Judul', r.title)}
${field('Isi laporan', r.body)}
${field('Nama', r.complainantName)}
${field('NIK', r.nik)}
${field('Telepon', r.phone)}
${field('Surel', r.email)}
${field('Alamat', r.address)}
${r.purgedAt ? field('Data pribadi dihapus', wibDateTimeText(r.purgedAt) + ' WIB') : ''}
</table>
<h3>Riwayat</h3>
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
<html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${copyCsp}">
<title>Salinan data pribadi</title>
<style>
  @page { size: A4; margin: 16mm; }
  body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; }
  h1 { font-size: 14pt; } h2 { font-size: 12pt; margin-top: 14pt; } h3 { font-size: 10pt; }
  table { border-collapse: collapse; width: 100%; } th { text-align: left; width: 28%; vertical-align: top; }
  th, td { border-bottom: 1px solid #ccc; padding: 2pt 4pt; } section { break-inside: avoid-page; }
</style></head><body>
<h1>Salinan data pribadi yang disimpan Meja Pengaduan</h1>
<p>${e(input.siteName)} — meja ${e(input.deskCode)}. Dibuat ${e(wibDateTimeText(input.madeAt))} WIB atas permintaan pemilik data (UU 27/2022 tentang Pelindungan Data Pribadi).</p>
<p>Jumlah pengaduan: ${input.records.length}.</p>
${records || '<p>Meja tidak menyimpan pengaduan dengan NIK atau nomor telepon ini.</p>'}
</body></html>`;
}
