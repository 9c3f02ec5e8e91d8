/**
 * The report as tables: the same rows go into the XLSX sheets, the PDF and (as figures) the screen.
 * Each breakdown has the period, the period before, and the change.
 */
import type { ReportView } from '../../shared/contract/reports';
import { createI18n } from '../../shared/i18n';
import type { Reference } from '../reference';
import type { SheetTable } from './export-files';

const id = createI18n('id');
const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

function breakdown(
  name: string,
  label: string,
  current: Record<string, number>,
  before: Record<string, number>,
  nameOf: (key: string) => string,
): SheetTable {
  const keys = [...new Set([...Object.keys(current), ...Object.keys(before)])].sort(
    (a, b) => (current[b] ?? 0) - (current[a] ?? 0) || nameOf(a).localeCompare(nameOf(b)),
  );
  return {
    name,
    headings: [label, 'Periode ini', 'Periode sebelumnya', 'Perubahan'],
    rows: keys.map((k) => [nameOf(k), current[k] ?? 0, before[k] ?? 0, (current[k] ?? 0) - (before[k] ?? 0)]),
    widths: [40, 14, 20, 12],
  };
}

export function reportTables(report: ReportView, reference: Reference): SheetTable[] {
  const { current: c, before: b } = report;
  const none = (k: string, look: (k: string) => string | undefined) => (k === '-' ? '(tidak diisi)' : (look(k) ?? k));
  const category = (k: string) => none(k, (x) => reference.category(Number(x))?.name);
  const stageNames = { verify: 'Verifikasi', followUp: 'Tindak lanjut instansi', answer: 'Jawaban' } as const;
  const stages = ['verify', 'followUp', 'answer'] as const;
  return [
    {
      name: 'Ringkasan',
      headings: ['Angka', 'Periode ini', 'Periode sebelumnya', 'Perubahan'],
      rows: (
        [
          ['Pengaduan diterima', c.received, b.received],
          ['Anonim', c.anonymous, b.anonymous],
          ['Rahasia', c.confidential, b.confidential],
          ['Berkadar pengawasan', c.supervisory, b.supervisory],
          ['Terkirim ke server pusat', c.delivery.sent, b.delivery.sent],
          ['Menunggu kirim', c.delivery.waiting, b.delivery.waiting],
          ['Tertahan', c.delivery.parked, b.delivery.parked],
        ] as Array<[string, number, number]>
      ).map(([label, now, then]) => [label, now, then, now - then]),
      widths: [32, 14, 20, 12],
    },
    {
      name: 'Kepatuhan waktu',
      headings: [
        'Tahap',
        'Dinilai',
        'Tepat waktu',
        'Tepat waktu (%)',
        'Median (hari kerja)',
        'Persentil 90 (hari kerja)',
        'Terlambat di akhir periode',
        'Tepat waktu periode sebelumnya (%)',
      ],
      rows: stages.map((s) => [
        stageNames[s],
        c.compliance[s].judged,
        c.compliance[s].kept,
        percent(c.compliance[s].share),
        c.compliance[s].medianDays,
        c.compliance[s].p90Days,
        c.compliance[s].lateAtEnd.length,
        percent(b.compliance[s].share),
      ]),
      widths: [24, 10, 12, 16, 18, 22, 24, 30],
    },
    {
      name: 'Terlambat',
      headings: ['Tahap', 'Nomor', 'Batas', 'Terlambat (hari kerja)'],
      rows: stages.flatMap((s) =>
        c.compliance[s].lateAtEnd.map((l) => [stageNames[s], l.receiptNumber, l.due, l.workingDaysLate]),
      ),
      widths: [24, 26, 14, 22],
    },
    breakdown('Status akhir periode', 'Status', c.statusAtEnd, b.statusAtEnd, (k) => id.t(`statuses.${k}`)),
    breakdown('Menurut jenis', 'Jenis', c.byType, b.byType, (k) => id.t(`types.${k}`)),
    breakdown('Menurut kanal', 'Kanal', c.byChannel, b.byChannel, (k) => reference.channel(k)?.name ?? k),
    breakdown('Menurut kategori', 'Kategori', c.byCategory, b.byCategory, category),
    breakdown('Menurut subkategori', 'Subkategori', c.bySubcategory, b.bySubcategory, category),
    breakdown('Menurut instansi', 'Instansi tujuan', c.byAgency, b.byAgency, (k) => reference.agency(k)?.name ?? k),
    breakdown('Menurut kecamatan', 'Kecamatan', c.byKecamatan, b.byKecamatan, (k) =>
      none(k, (x) => reference.region(x)?.name),
    ),
    breakdown('Menurut petugas', 'Petugas', c.byOfficer, b.byOfficer, (k) => k),
    {
      name: '10 subkategori teratas',
      headings: ['Subkategori', 'Jumlah'],
      rows: c.topSubcategories.map((t) => [category(String(t.id)), t.count]),
      widths: [48, 10],
    },
  ];
}
