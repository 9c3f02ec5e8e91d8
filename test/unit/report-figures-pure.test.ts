/**
 * computeFigures on hand-made rows: the counts the generated desk cannot reach (Rahasia, berkadar
 * pengawasan, nothing queued, categories), the order of the top subcategories, the series and the
 * late records, the WIB day of an event late in the UTC evening, and the day/week boundary.
 */
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../src/shared/calendar/working-days';
import { computeFigures, type ReportEvent, type ReportRow } from '../../src/main/reports/figures';

const calendar = new WorkingCalendar(['2026-12-24', '2026-12-25']);
const row = (id: string, change: Partial<ReportRow> = {}): ReportRow => ({
  id,
  receiptNumber: `R-${id}`,
  receivedDay: '2026-12-01',
  type: 'PENGADUAN',
  channel: 'TATAP_MUKA',
  categoryId: null,
  subcategoryId: null,
  agencyCode: 'DPUPR',
  kecamatanCode: null,
  desaCode: null,
  officerName: 'Budi',
  anonymous: 0,
  confidential: 0,
  supervisory: 0,
  verifyDue: '2026-12-04',
  followUpDue: '2026-12-11',
  answerDue: '2026-12-15',
  delivery: 'sent',
  ...change,
});
const received = (id: string, at: string): ReportEvent => ({
  complaintId: id,
  kind: 'DITERIMA',
  at,
  toStatus: 'BARU',
  pausedWorkingDays: null,
});
const december = { from: '2026-12-01', to: '2026-12-31' };

describe('computeFigures', () => {
  it('counts Rahasia, berkadar pengawasan, nothing queued, categories and subcategories', () => {
    const rows = [
      row('a', { confidential: 1, supervisory: 1, delivery: null, categoryId: 1, subcategoryId: 11 }),
      row('b', { categoryId: 1, subcategoryId: 12 }),
      row('c', { categoryId: 2, subcategoryId: 12 }),
      row('d', { categoryId: 2, subcategoryId: 13, delivery: 'parked' }),
      row('e', { subcategoryId: 13, delivery: 'waiting' }),
      row('f'),
    ];
    const f = computeFigures(rows, [], december, calendar);
    expect([f.confidential, f.supervisory]).toEqual([1, 1]);
    expect(f.delivery).toEqual({ sent: 3, waiting: 1, parked: 1, none: 1 });
    expect(f.byCategory).toEqual({ '1': 2, '2': 2, '-': 2 });
    // Most frequent first, then by id; records without a subcategory are not a subcategory.
    expect(f.topSubcategories).toEqual([
      { id: 12, count: 2 },
      { id: 13, count: 2 },
      { id: 11, count: 1 },
    ]);
  });

  it('keeps only the ten most frequent subcategories', () => {
    const rows = Array.from({ length: 12 }, (_, i) => row(`r${i}`, { subcategoryId: 100 + i }));
    rows.push(row('x', { subcategoryId: 111 }));
    const top = computeFigures(rows, [], december, calendar).topSubcategories;
    expect(top).toHaveLength(10);
    expect(top[0]).toEqual({ id: 111, count: 2 });
    expect(top.slice(1).map((t) => t.id)).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108]);
  });

  it('orders the series by day and the late records by deadline, whatever order they came in', () => {
    const rows = [
      row('late2', { receivedDay: '2026-12-09', verifyDue: '2026-12-14' }),
      row('late1', { receivedDay: '2026-12-02', verifyDue: '2026-12-07' }),
      row('late3', { receivedDay: '2026-12-03', verifyDue: '2026-12-21' }),
    ];
    const f = computeFigures(rows, [], december, calendar);
    expect(f.series.points.map((p) => p.start)).toEqual(['2026-12-02', '2026-12-03', '2026-12-09']);
    expect(f.compliance.verify.lateAtEnd.map((l) => l.receiptNumber)).toEqual([
      'R-late1',
      'R-late2',
      'R-late3',
    ]);
    // 21 December to 31 December: 22, 23, 28, 29, 30, 31 (24 and 25 are off).
    expect(f.compliance.verify.lateAtEnd[2]!.workingDaysLate).toBe(6);
  });

  it('takes an event’s day in WIB: 20:00 UTC on 31 December is 1 January, after the period', () => {
    const rows = [row('a', { verifyDue: '2027-01-05' })];
    const events: ReportEvent[] = [
      received('a', '2026-12-01T02:00:00.000Z'),
      {
        complaintId: 'a',
        kind: 'VERIFY',
        at: '2026-12-31T20:00:00.000Z',
        toStatus: 'TERVERIFIKASI',
        pausedWorkingDays: null,
      },
    ];
    const f = computeFigures(rows, events, december, calendar);
    expect(f.statusAtEnd).toEqual({ BARU: 1 });
    expect(f.compliance.verify.judged).toBe(0); // not done by the end, and not yet due
    const earlier = events.map((e) => (e.kind === 'VERIFY' ? { ...e, at: '2026-12-31T16:59:00.000Z' } : e));
    expect(computeFigures(rows, earlier, december, calendar).statusAtEnd).toEqual({ TERVERIFIKASI: 1 });
  });

  it('draws per day up to 93 days, per week beyond', () => {
    const rows = [row('a')];
    expect(computeFigures(rows, [], { from: '2026-10-01', to: '2027-01-01' }, calendar).series.unit).toBe(
      'day',
    );
    expect(computeFigures(rows, [], { from: '2026-10-01', to: '2027-01-02' }, calendar).series.unit).toBe(
      'week',
    );
  });
});
