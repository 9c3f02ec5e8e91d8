/**
 * The report as tables: the same rows go into the XLSX sheets, the PDF and (as figures) the screen.
 * Each breakdown has the period, the period before, and the change.
 */
import type { ReportView } from '../../shared/contract/reports';
import { msg } from '../../shared/i18n';
import type { Reference } from '../reference';
import type { SheetTable } from './export-files';

/** The report's words, in the language of whoever asks for it. */
const r = (key: string) => msg(`print.report.${key}`);
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
    headings: [label, r('current'), r('before'), r('change')],
    rows: keys.map((k) => [nameOf(k), current[k] ?? 0, before[k] ?? 0, (current[k] ?? 0) - (before[k] ?? 0)]),
    widths: [40, 14, 20, 12],
  };
}

export function reportTables(report: ReportView, reference: Reference): SheetTable[] {
  const { current: c, before: b } = report;
  const none = (k: string, look: (k: string) => string | undefined) => (k === '-' ? r('notGiven') : (look(k) ?? k));
  const category = (k: string) => none(k, (x) => reference.category(Number(x))?.name);
  const stageNames = { verify: r('stage.verify'), followUp: r('stage.followUp'), answer: r('stage.answer') };
  const stages = ['verify', 'followUp', 'answer'] as const;
  return [
    {
      name: r('sheet.summary'),
      headings: [r('figure'), r('current'), r('before'), r('change')],
      rows: (
        [
          [r('received'), c.received, b.received],
          [msg('fields.anonymous'), c.anonymous, b.anonymous],
          [msg('fields.confidential'), c.confidential, b.confidential],
          [msg('fields.supervisory'), c.supervisory, b.supervisory],
          [r('sent'), c.delivery.sent, b.delivery.sent],
          [r('waiting'), c.delivery.waiting, b.delivery.waiting],
          [r('parked'), c.delivery.parked, b.delivery.parked],
        ] as Array<[string, number, number]>
      ).map(([label, now, then]) => [label, now, then, now - then]),
      widths: [32, 14, 20, 12],
    },
    {
      name: r('sheet.compliance'),
      headings: [
        r('stage.name'),
        r('judged'),
        r('kept'),
        r('keptShare'),
        r('median'),
        r('p90'),
        r('lateAtEnd'),
        r('keptShareBefore'),
      ],
      rows: stages.map((s) => [
        stageNames[s],
        c.compliance[s].judged,
        c.compliance[s].kept,
        percent(c.compliance[s].share),
        c.compliance[s].medianDays,
        c.compliance[s].p90Days,
        c.compliance[s].lateCount,
        percent(b.compliance[s].share),
      ]),
      widths: [24, 10, 12, 16, 18, 22, 24, 30],
    },
    {
      name: r('sheet.late'),
      headings: [r('stage.name'), r('number'), r('due'), r('daysLate')],
      rows: stages.flatMap((s) =>
        c.compliance[s].lateAtEnd.map((l) => [stageNames[s], l.receiptNumber, l.due, l.workingDaysLate]),
      ),
      widths: [24, 26, 14, 22],
    },
    breakdown(r('sheet.status'), r('status'), c.statusAtEnd, b.statusAtEnd, (k) => msg(`statuses.${k}`)),
    breakdown(r('sheet.type'), r('type'), c.byType, b.byType, (k) => msg(`types.${k}`)),
    breakdown(r('sheet.channel'), r('channel'), c.byChannel, b.byChannel, (k) => reference.channel(k)?.name ?? k),
    breakdown(r('sheet.category'), r('category'), c.byCategory, b.byCategory, category),
    breakdown(r('sheet.subcategory'), r('subcategory'), c.bySubcategory, b.bySubcategory, category),
    breakdown(r('sheet.agency'), r('agency'), c.byAgency, b.byAgency, (k) => reference.agency(k)?.name ?? k),
    breakdown(r('sheet.kecamatan'), r('kecamatan'), c.byKecamatan, b.byKecamatan, (k) =>
      none(k, (x) => reference.region(x)?.name),
    ),
    {
      // The kecamatan's desa beneath it: the drill-down the screen offers, as one table.
      name: r('sheet.desa'),
      headings: [r('kecamatan'), r('desa'), r('current'), r('before'), r('change')],
      rows: Object.keys({ ...c.byDesa, ...b.byDesa })
        .map((k) => {
          const desa = k === '-' ? null : reference.region(k);
          const kecamatan = desa?.parentCode ? (reference.region(desa.parentCode)?.name ?? desa.parentCode) : '';
          return [kecamatan, none(k, () => desa?.name), c.byDesa[k] ?? 0, b.byDesa[k] ?? 0, (c.byDesa[k] ?? 0) - (b.byDesa[k] ?? 0)];
        })
        .sort((x, y) => String(x[0]).localeCompare(String(y[0])) || String(x[1]).localeCompare(String(y[1]))),
      widths: [24, 28, 14, 20, 12],
    },
    {
      name: r('sheet.agencyCompliance'),
      headings: [r('agency'), `${r('stage.followUp')}: ${r('judged')}`, r('keptShare'), `${r('stage.answer')}: ${r('judged')}`, r('keptShare')],
      rows: Object.entries(c.complianceByAgency)
        .sort((x, y) => y[1].answer.judged - x[1].answer.judged)
        .map(([k, a]) => [
          reference.agency(k)?.name ?? k,
          a.followUp.judged,
          percent(a.followUp.judged ? a.followUp.kept / a.followUp.judged : null),
          a.answer.judged,
          percent(a.answer.judged ? a.answer.kept / a.answer.judged : null),
        ]),
      widths: [40, 26, 16, 20, 16],
    },
    breakdown(r('sheet.officer'), r('officer'), c.byOfficer, b.byOfficer, (k) => k),
    {
      name: r('sheet.top'),
      headings: [r('subcategory'), r('count')],
      rows: c.topSubcategories.map((t) => [category(String(t.id)), t.count]),
      widths: [48, 10],
    },
  ];
}
