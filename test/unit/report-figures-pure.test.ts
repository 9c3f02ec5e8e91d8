/**
 * computeFigures on hand-made rows: the counts the generated desk cannot reach (Rahasia, berkadar
 * pengawasan, nothing queued, categories), the order of the top subcategories, the series and the
 * late records, the WIB day of an event late in the UTC evening, and the day/week boundary.
 */
import { LateList } from '../../src/main/reports/late-list';
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

/** A status change (or another event) at 10:00 WIB of a day. */
const change = (
  id: string,
  day: string,
  toStatus: string | null,
  kind = 'STATUS',
  pausedWorkingDays: number | null = null,
): ReportEvent => ({ complaintId: id, kind, at: `${day}T03:00:00.000Z`, toStatus, pausedWorkingDays });
/** One record's figures, from its own story. */
const story = (r: ReportRow, events: ReportEvent[]) =>
  computeFigures([r], [received(r.id, '2026-12-01T02:00:00.000Z'), ...events], december, calendar);

describe('a record’s story', () => {
  it('is BARU with no change, and an event that changes no status leaves the status as it was', () => {
    const f = computeFigures(
      [row('n'), row('r')],
      [received('r', '2026-12-01T02:00:00.000Z'), change('r', '2026-12-02', null, 'RESUME', 0)],
      december,
      calendar,
    );
    expect(f.statusAtEnd).toEqual({ BARU: 2 });
  });

  it('is verified by its first working status, whichever it is', () => {
    for (const status of [
      'TERVERIFIKASI',
      'TERDISPOSISI',
      'DITINDAKLANJUTI',
      'DITANGGAPI',
      'SELESAI',
      'DIARSIPKAN',
    ]) {
      const verify = story(row('a'), [change('a', '2026-12-03', status)]).compliance.verify;
      expect({ status, judged: verify.judged, kept: verify.kept, days: verify.medianDays }).toEqual({
        status,
        judged: 1,
        kept: 1,
        days: 2,
      });
    }
  });

  it('is followed up by DITINDAKLANJUTI, DITANGGAPI or SELESAI after the first forwarding', () => {
    for (const [status, done, days] of [
      ['DITINDAKLANJUTI', '2026-12-04', 2],
      ['DITANGGAPI', '2026-12-04', 2],
      ['SELESAI', '2026-12-07', 3],
    ] as const) {
      const followUp = story(row('f'), [change('f', '2026-12-02', 'TERDISPOSISI'), change('f', done, status)])
        .compliance.followUp;
      expect({ status, judged: followUp.judged, kept: followUp.kept, days: followUp.medianDays }).toEqual({
        status,
        judged: 1,
        kept: 1,
        days,
      });
    }
    // Forwarded again (re-routed): the agency's clock runs from the first forwarding.
    const rerouted = story(row('g'), [
      change('g', '2026-12-02', 'TERDISPOSISI'),
      change('g', '2026-12-08', 'TERDISPOSISI'),
      change('g', '2026-12-09', 'DITINDAKLANJUTI'),
    ]);
    expect(rerouted.compliance.followUp.medianDays).toBe(5);
    // A follow-up before any forwarding is not the agency's: its follow-up is the one after.
    const early = story(row('h'), [
      change('h', '2026-12-02', 'DITINDAKLANJUTI'),
      change('h', '2026-12-03', 'TERDISPOSISI'),
      change('h', '2026-12-08', 'SELESAI'),
    ]);
    expect(early.compliance.followUp.medianDays).toBe(3);
  });

  it('takes out the working days a postponement stood still, only those before the stage was done', () => {
    const days = (events: ReportEvent[]) => story(row('p'), events).compliance.verify.medianDays;
    // Resumed on the day it was verified: the 3 paused days come off the 4 counted.
    expect(
      days([
        change('p', '2026-12-02', 'TUNDA'),
        change('p', '2026-12-07', 'BARU', 'RESUME', 3),
        change('p', '2026-12-07', 'TERVERIFIKASI'),
      ]),
    ).toBe(1);
    // Postponed after it was verified: nothing comes off.
    expect(
      days([
        change('p', '2026-12-02', 'TERVERIFIKASI'),
        change('p', '2026-12-03', 'TUNDA'),
        change('p', '2026-12-08', 'TERVERIFIKASI', 'RESUME', 3),
      ]),
    ).toBe(1);
    // Only a RESUME says how long the clock stood still.
    expect(
      days([change('p', '2026-12-02', null, 'NOTE', 2), change('p', '2026-12-03', 'TERVERIFIKASI')]),
    ).toBe(2);
    // A pause before forwarding is not the agency's: its follow-up keeps its 2 days.
    const followUp = story(row('q'), [
      change('q', '2026-12-02', 'TUNDA'),
      change('q', '2026-12-04', 'BARU', 'RESUME', 2),
      change('q', '2026-12-07', 'TERDISPOSISI'),
      change('q', '2026-12-09', 'DITINDAKLANJUTI'),
    ]).compliance.followUp;
    expect(followUp.medianDays).toBe(2);
  });

  it('counts compliance per agency: judged and kept, and no agency whose records are not judged yet', () => {
    const f = computeFigures(
      [
        row('a1', { answerDue: '2026-12-15' }),
        row('a2', { answerDue: '2026-12-10' }),
        row('a3', { agencyCode: 'BAPPEDA', answerDue: '2027-01-05', verifyDue: '2027-01-04' }),
        row('a4', { agencyCode: 'DINKES' }),
        row('a5', { agencyCode: 'DINKES', followUpDue: '2026-12-03', answerDue: '2026-12-04' }),
      ],
      [
        change('a1', '2026-12-03', 'DITINDAKLANJUTI'),
        change('a4', '2026-12-02', 'TERDISPOSISI'),
        change('a4', '2026-12-03', 'DITINDAKLANJUTI'),
        change('a5', '2026-12-02', 'TERDISPOSISI'),
        change('a5', '2026-12-09', 'SELESAI'),
      ],
      december,
      calendar,
    );
    expect(f.complianceByAgency).toEqual({
      DPUPR: { followUp: { judged: 0, kept: 0 }, answer: { judged: 2, kept: 1 } },
      DINKES: { followUp: { judged: 2, kept: 1 }, answer: { judged: 2, kept: 1 } },
    });
  });

  it('lists late records by deadline, those with the same deadline in the order they came', () => {
    const f = computeFigures(
      [
        row('x', { verifyDue: '2026-12-14' }),
        row('y', { verifyDue: '2026-12-07' }),
        row('z', { verifyDue: '2026-12-07' }),
        row('w', { verifyDue: '2026-12-07' }),
      ],
      [],
      december,
      calendar,
    );
    expect(f.compliance.verify.lateAtEnd.map((l) => l.receiptNumber)).toEqual(['R-y', 'R-z', 'R-w', 'R-x']);
  });
});

describe('the late list', () => {
  const fill = (list: LateList) => {
    for (const [receipt, due] of [
      ['A', '2026-01-03'],
      ['B', '2026-01-01'],
      ['C', '2026-01-02'],
      ['D', '2026-01-01'],
    ] as const)
      list.add(receipt, due);
    return list;
  };
  it('lists every one oldest first, equal deadlines in the order they came', () => {
    const all = fill(new LateList(null));
    expect(all.sorted().map((l) => l.receiptNumber)).toEqual(['B', 'D', 'C', 'A']);
    expect(all.count).toBe(4);
  });
  it('keeps only the oldest when limited, the same as the whole list cut short, and counts them all', () => {
    for (const limit of [0, 1, 2, 3]) {
      const some = fill(new LateList(limit));
      expect(
        some.sorted().map((l) => l.receiptNumber),
        String(limit),
      ).toEqual(['B', 'D', 'C', 'A'].slice(0, limit));
      expect(some.count).toBe(4);
    }
  });
  it('keeps the same oldest as the whole list cut short over long runs with many equal deadlines', () => {
    // A seeded run (the same every time): 2,000 records over 28 days in any order, limits 1 to 60.
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const records = Array.from({ length: 2000 }, (_, i) => ({
      receipt: `R${i}`,
      due: `2026-02-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
    }));
    const whole = new LateList(null);
    for (const r of records) whole.add(r.receipt, r.due);
    const all = whole.sorted();
    for (const limit of [1, 2, 7, 33, 60]) {
      const some = new LateList(limit);
      for (const r of records) some.add(r.receipt, r.due);
      expect(some.sorted(), String(limit)).toEqual(all.slice(0, limit));
      expect(some.count).toBe(2000);
    }
  });
});
