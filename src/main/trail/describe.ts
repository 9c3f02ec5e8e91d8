/** A trail report as sentences, for the command line (the screen words it from the catalogue). */
import type { TrailReport } from './trail';

const tableName = { audit_log: 'jejak audit', complaint_events: 'riwayat pengaduan' } as const;
const reasonText = {
  changed:
    'isinya (atau tautannya) tidak cocok dengan rantai: baris ini diubah, atau baris sebelumnya diubah',
  gap: 'ada baris sebelum baris ini yang hilang dari rantai',
  unchained: 'baris ini tidak pernah ditautkan ke rantai (ditulis di luar aplikasi)',
  seal: 'baris-baris lama yang disegel saat rantai dimulai tidak lagi cocok dengan segelnya',
} as const;

export function describeReport(report: TrailReport): string {
  const lines = [
    `Diperiksa: ${report.checked.audit} baris jejak audit, ${report.checked.events} baris riwayat (${report.ms} ms).`,
  ];
  if (report.problem) {
    const p = report.problem;
    const where =
      p.table === 'complaint_events' && p.chainSeq !== null ? ` (urutan rantai ${p.chainSeq})` : '';
    lines.push(`RANTAI PUTUS di ${tableName[p.table]}, baris ${p.id}${where}: ${reasonText[p.reason]}.`);
  } else if (report.registerMismatch) {
    lines.push(
      `RANTAI TIDAK COCOK dengan register harian ${report.registerMismatch}: kepala rantai yang dicatat saat hari itu ditutup tidak ada lagi (riwayat hari itu atau sebelumnya ditulis ulang).`,
    );
  } else {
    lines.push('Rantai utuh: setiap baris cocok dengan baris sebelumnya, dan dengan register harian.');
    if (report.head.audit) lines.push(`Kepala audit #${report.head.audit.id}: ${report.head.audit.hash}`);
    if (report.head.events)
      lines.push(`Kepala riwayat #${report.head.events.seq}: ${report.head.events.hash}`);
  }
  return lines.join('\n');
}
