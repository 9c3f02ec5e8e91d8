/**
 * Periodic report figures against known answers (issue 11): a generated desk of 48 complaints over
 * November and December 2026, acted on with the real actions at known days (on time, late, never,
 * postponed and resumed, archived, re-routed, corrected after the period), across cuti bersama and
 * Christmas and the year's end. The expected figures are computed here, from the plan, with this
 * file's own working-day arithmetic; nothing of the report code is reused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { milestonesOf, pausesOf, type ReportEvent } from '../../src/main/reports/milestones';
import { makeCore, referenceDataDir, sampleComplaint, setUpDesk, value } from '../support/core';

// ---- the test's own calendar (Mon-Fri minus the holiday table) ----
const holidays = new Set(
  readFileSync(join(referenceDataDir, 'hari-libur-2025-2026.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]!)
    .filter(Boolean),
);
const dayMs = 86_400_000;
const plus = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
const working = (d: string) => {
  const w = new Date(`${d}T00:00:00Z`).getUTCDay();
  return w !== 0 && w !== 6 && !holidays.has(d);
};
const addWD = (d: string, n: number) => {
  let day = d;
  if (n === 0) {
    while (!working(day)) day = plus(day, 1);
    return day;
  }
  for (let left = n; left > 0;) {
    day = plus(day, 1);
    if (working(day)) left--;
  }
  return day;
};
const wdBetween = (a: string, b: string): number => {
  let n = 0;
  for (let d = plus(a, 1); d <= b; d = plus(d, 1)) if (working(d)) n++;
  return a <= b ? n : -wdBetween(b, a);
};
const nearestRank = (xs: number[], p: number) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.ceil((p / 100) * s.length) - 1]!;
};

// ---- the plan ----
type Step = { after: number; action: string; extra?: Record<string, unknown> };
const patterns: Step[][] = [
  [], // never acted on
  [
    { after: 1, action: 'VERIFY' },
    { after: 1, action: 'FORWARD' },
    { after: 4, action: 'FOLLOW_UP' },
  ],
  [
    { after: 5, action: 'VERIFY' },
    { after: 0, action: 'FORWARD' },
    { after: 8, action: 'FOLLOW_UP' },
  ],
  [
    { after: 1, action: 'POSTPONE' },
    { after: 3, action: 'RESUME' },
    { after: 2, action: 'VERIFY' },
  ],
  [{ after: 2, action: 'ARCHIVE', extra: { archiveReason: 'TIDAK_VALID' } }],
  [
    { after: 2, action: 'VERIFY' },
    { after: 0, action: 'FORWARD' },
    { after: 1, action: 'REROUTE', extra: { agencyCode: 'DINKES' } },
    { after: 3, action: 'FOLLOW_UP' },
    { after: 1, action: 'DONE' },
  ],
];
const channels = ['TATAP_MUKA', 'TELEPON', 'WHATSAPP'];
const agencies = ['DPUPR', 'DINKES', 'DISPENDUKCAPIL'];
interface Planned {
  i: number;
  day: string;
  steps: Array<{ day: string; action: string; extra?: Record<string, unknown> }>;
  channel: string;
  agency: string;
  anonymous: boolean;
  id?: string;
  receipt?: string;
}
const plan: Planned[] = [];
for (let i = 0; i < 48; i++) {
  // Receipts from 2 November to 31 December, weekends and holidays included.
  const day = plus('2026-11-02', Math.floor(i * 1.26));
  let at = day;
  const steps = patterns[i % 6]!.map((s) => {
    at = addWD(at, s.after);
    return { day: at, action: s.action, ...(s.extra ? { extra: s.extra } : {}) };
  });
  plan.push({ i, day, steps, channel: channels[i % 3]!, agency: agencies[i % 3]!, anonymous: i % 5 === 0 });
}

// ---- the desk, driven through its API at the planned days ----
let desk: ReturnType<typeof makeCore>;
const call = async <T>(method: string, input: unknown): Promise<T> => {
  let r = await desk.api.dispatch(method, input, 'admin');
  if (!r.ok && (r.error as { code: string }).code === 'SESSION_LOCKED') {
    value(await desk.api.dispatch('auth.unlock', { secret: 'rahasia-admin-1' }, 'admin'));
    r = await desk.api.dispatch(method, input, 'admin');
  }
  return value<T>(r);
};
const setDay = (day: string, hour = 2) => {
  desk.clock.current = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
};

beforeAll(async () => {
  desk = makeCore();
  await setUpDesk(desk.api);
  const happenings: Array<{ day: string; order: number; run: () => Promise<void> }> = [];
  plan.forEach((p, n) => {
    happenings.push({
      day: p.day,
      order: n * 10,
      run: async () => {
        setDay(p.day);
        const saved = await call<{ id: string; receiptNumber: string }>('complaints.create', {
          ...sampleComplaint,
          title: `${sampleComplaint.title} nomor ${p.i}`,
          incidentDate: undefined,
          phone: undefined,
          nik: undefined,
          channel: p.channel,
          agencyCode: p.agency,
          anonymous: p.anonymous,
          ...(p.anonymous ? { complainantName: undefined, email: undefined, address: undefined } : {}),
        });
        p.id = saved.id;
        p.receipt = saved.receiptNumber;
      },
    });
    p.steps.forEach((s, k) =>
      happenings.push({
        day: s.day,
        order: n * 10 + k + 1,
        run: async () => {
          setDay(s.day, 3);
          const needsReason = ['FOLLOW_UP', 'POSTPONE', 'REROUTE', 'ARCHIVE'].includes(s.action);
          await call('complaints.act', {
            id: p.id,
            action: s.action,
            ...(needsReason ? { reason: 'Sesuai rencana uji' } : {}),
            ...(s.extra ?? {}),
          });
        },
      }),
    );
  });
  happenings.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.order - b.order));
  for (const h of happenings) await h.run();
  // A correction after the period changes no figure of it.
  setDay('2027-01-05');
  await call('complaints.correct', {
    id: plan[1]!.id,
    title: 'Judul dibetulkan sesudah periode',
    reason: 'Uji' + ' koreksi',
  });
});
afterAll(() => desk.close());

// ---- the expected figures, from the plan ----
function expected(from: string, to: string) {
  const inPeriod = plan.filter((p) => p.day >= from && p.day <= to);
  const count = (key: (p: Planned) => string) =>
    inPeriod.reduce<Record<string, number>>((m, p) => ({ ...m, [key(p)]: (m[key(p)] ?? 0) + 1 }), {});
  const stage = () => ({
    judged: 0,
    kept: 0,
    durations: [] as number[],
    late: [] as string[],
    lateDetail: [] as Array<{ receiptNumber: string; due: string; workingDaysLate: number }>,
  });
  const stages = { verify: stage(), followUp: stage(), answer: stage() };
  const statusAtEnd: Record<string, number> = {};
  const byAgencyStage: Record<
    string,
    { followUp: { judged: number; kept: number }; answer: { judged: number; kept: number } }
  > = {};
  for (const p of inPeriod) {
    let verifyDue = addWD(p.day, 3);
    let followUpDue = addWD(verifyDue, 5);
    let answerDue = plus(p.day, 14);
    let status = 'BARU';
    let beforePause = 'BARU';
    let pausedSince: string | null = null;
    let paused = 0;
    let verified: string | null = null;
    let forwarded: string | null = null;
    let followed: string | null = null;
    let answered: string | null = null;
    for (const s of p.steps) {
      const next: Record<string, string> = {
        VERIFY: 'TERVERIFIKASI',
        FORWARD: 'TERDISPOSISI',
        REROUTE: 'TERDISPOSISI',
        FOLLOW_UP: 'DITINDAKLANJUTI',
        DONE: 'SELESAI',
        ARCHIVE: 'DIARSIPKAN',
        POSTPONE: 'TUNDA',
        RESUME: beforePause,
      };
      if (s.action === 'POSTPONE') {
        beforePause = status;
        pausedSince = s.day;
      }
      if (s.action === 'RESUME') {
        const wd = wdBetween(pausedSince!, s.day);
        verifyDue = addWD(verifyDue, wd);
        followUpDue = addWD(followUpDue, wd);
        answerDue = plus(answerDue, Math.round((Date.parse(s.day) - Date.parse(pausedSince!)) / dayMs));
        paused += wd;
      }
      if (s.action === 'FORWARD' || s.action === 'REROUTE') followUpDue = addWD(s.day, 5);
      if (s.day <= to) status = next[s.action]!;
      const to_ = next[s.action]!;
      if (!verified && !['BARU', 'TUNDA'].includes(to_)) verified = s.day;
      if (!forwarded && to_ === 'TERDISPOSISI') forwarded = s.day;
      if (forwarded && !followed && ['DITINDAKLANJUTI', 'SELESAI'].includes(to_)) followed = s.day;
      if (!answered && ['DITINDAKLANJUTI', 'SELESAI', 'DIARSIPKAN'].includes(to_)) answered = s.day;
    }
    statusAtEnd[status] = (statusAtEnd[status] ?? 0) + 1;
    const judge = (
      st: ReturnType<typeof stage>,
      start: string | null,
      done: string | null,
      due: string,
      pausedDays: number,
    ) => {
      if (!start) return null;
      if (done && done <= to) {
        st.judged++;
        st.durations.push(wdBetween(start, done) - pausedDays);
        if (done <= due) st.kept++;
        return done <= due;
      } else if (due < to) {
        st.judged++;
        st.late.push(p.receipt!);
        st.lateDetail.push({ receiptNumber: p.receipt!, due, workingDaysLate: wdBetween(due, to) });
        return false;
      }
      return null;
    };
    judge(stages.verify, p.day, verified, verifyDue, verified ? paused : 0);
    const followUpKept = judge(stages.followUp, forwarded, followed, followUpDue, 0);
    const answerKept = judge(stages.answer, p.day, answered, answerDue, answered ? paused : 0);
    // Per agency as routed now (a re-routed record counts for DINKES).
    if (followUpKept !== null || answerKept !== null) {
      const agency = p.steps.some((s) => s.action === 'REROUTE') ? 'DINKES' : p.agency;
      const a = (byAgencyStage[agency] ??= {
        followUp: { judged: 0, kept: 0 },
        answer: { judged: 0, kept: 0 },
      });
      if (followUpKept !== null) {
        a.followUp.judged++;
        if (followUpKept) a.followUp.kept++;
      }
      if (answerKept !== null) {
        a.answer.judged++;
        if (answerKept) a.answer.kept++;
      }
    }
  }
  const stageFigures = (st: ReturnType<typeof stage>) => ({
    judged: st.judged,
    kept: st.kept,
    share: st.judged ? st.kept / st.judged : null,
    medianDays: nearestRank(st.durations, 50),
    p90Days: nearestRank(st.durations, 90),
    late: st.late.sort(),
    lateDetail: [...st.lateDetail].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0)),
  });
  return {
    byAgencyStage,
    received: inPeriod.length,
    // Counted by where each record is routed now (a re-route moves it).
    byAgency: count((p) => (p.steps.some((s) => s.action === 'REROUTE') ? 'DINKES' : p.agency)),
    byOfficer: count(() => 'Admin Meja'),
    byKecamatan: count(() => sampleComplaint.kecamatanCode),
    byType: count(() => 'PENGADUAN'),
    byChannel: count((p) => p.channel),
    anonymous: inPeriod.filter((p) => p.anonymous).length,
    statusAtEnd,
    verify: stageFigures(stages.verify),
    followUp: stageFigures(stages.followUp),
    answer: stageFigures(stages.answer),
    perDay: count((p) => p.day),
  };
}

type Stage = {
  judged: number;
  kept: number;
  share: number | null;
  medianDays: number | null;
  p90Days: number | null;
  lateAtEnd: Array<{ receiptNumber: string; due: string; workingDaysLate: number }>;
  lateCount: number;
};
type Report = {
  period: { from: string; to: string };
  previous: { from: string; to: string };
  current: {
    received: number;
    byChannel: Record<string, number>;
    byAgency: Record<string, number>;
    byOfficer: Record<string, number>;
    byKecamatan: Record<string, number>;
    byType: Record<string, number>;
    byDesa: Record<string, number>;
    bySubcategory: Record<string, number>;
    topSubcategories: unknown[];
    supervisory: number;
    confidential: number;
    anonymous: number;
    statusAtEnd: Record<string, number>;
    compliance: Record<'verify' | 'followUp' | 'answer', Stage>;
    complianceByAgency: Record<string, unknown>;
    series: { unit: string; points: Array<{ start: string; count: number }> };
    delivery: Record<string, number>;
  };
  before: { received: number };
  charts: Record<string, string>;
};
const withoutDetail = <T extends { lateDetail: unknown }>({ lateDetail: _, ...rest }: T) => rest;
const stageOf = (s: Stage) => ({
  judged: s.judged,
  kept: s.kept,
  share: s.share,
  medianDays: s.medianDays,
  p90Days: s.p90Days,
  late: s.lateAtEnd.map((l) => l.receiptNumber).sort(),
});

describe('periodic report figures', () => {
  it('December 2026 (Christmas, cuti bersama, the year end) matches the known answers, and November beside it', async () => {
    const r = await call<Report>('reports.figures', { period: { kind: 'month', year: 2026, index: 12 } });
    expect(r.period).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(r.previous).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    const want = expected('2026-12-01', '2026-12-31');
    expect(r.current.received).toBe(want.received);
    expect(r.current.byChannel).toEqual(want.byChannel);
    expect(r.current.anonymous).toBe(want.anonymous);
    expect(r.current.byAgency).toEqual(want.byAgency);
    expect(r.current.complianceByAgency).toEqual(want.byAgencyStage);
    // Both agencies have judged records, and not every one was kept: the chart has something to show.
    expect(Object.keys(want.byAgencyStage).length).toBeGreaterThan(1);
    expect(r.charts.agencyCompliance).toContain('<svg');
    expect(r.current.byOfficer).toEqual(want.byOfficer);
    expect(r.current.byKecamatan).toEqual(want.byKecamatan);
    expect(r.current.byType).toEqual(want.byType);
    expect(r.current.byDesa).toEqual({ [sampleComplaint.desaCode]: want.received });
    expect(r.current.bySubcategory).toEqual({ '-': want.received });
    expect(r.current.topSubcategories).toEqual([]);
    expect([r.current.supervisory, r.current.confidential]).toEqual([0, 0]);
    // Late at the end: oldest deadline first, with how many working days late at the period's end.
    for (const s of ['verify', 'followUp', 'answer'] as const)
      expect(
        r.current.compliance[s].lateAtEnd.map((l) => l.due),
        s,
      ).toEqual(want[s].lateDetail.map((l) => l.due));
    for (const s of ['verify', 'followUp', 'answer'] as const)
      expect(r.current.compliance[s].lateCount, s).toBe(want[s].lateDetail.length);
    expect(r.current.compliance.verify.lateAtEnd.map((l) => l.workingDaysLate).sort()).toEqual(
      want.verify.lateDetail.map((l) => l.workingDaysLate).sort(),
    );
    expect(r.current.statusAtEnd).toEqual(want.statusAtEnd);
    for (const s of ['verify', 'followUp', 'answer'] as const)
      expect(stageOf(r.current.compliance[s]), s).toEqual(withoutDetail(want[s]));
    expect(Object.fromEntries(r.current.series.points.map((p) => [p.start, p.count]))).toEqual(want.perDay);
    expect(r.before.received).toBe(expected('2026-11-01', '2026-11-30').received);
    expect(r.current.delivery).toEqual({ sent: 0, waiting: want.received, parked: 0, none: 0 });
    for (const svg of Object.values(r.charts)) expect(svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });

  it('a range across the year end, the fourth quarter, and one agency’s scope', async () => {
    for (const [period, from, to] of [
      [{ kind: 'range', from: '2026-11-20', to: '2027-01-10' }, '2026-11-20', '2027-01-10'],
      [{ kind: 'quarter', year: 2026, index: 4 }, '2026-10-01', '2026-12-31'],
      [{ kind: 'month', year: 2026, index: 11 }, '2026-11-01', '2026-11-30'],
    ] as const) {
      const r = await call<Report>('reports.figures', { period });
      const want = expected(from, to);
      expect(r.current.received, `${from}..${to}`).toBe(want.received);
      expect(r.current.statusAtEnd).toEqual(want.statusAtEnd);
      for (const s of ['verify', 'followUp', 'answer'] as const)
        expect(stageOf(r.current.compliance[s]), s).toEqual(withoutDetail(want[s]));
    }
    // A quarter (91 or 92 days) is drawn per day; a year per week, each point a Monday.
    const q4 = await call<Report>('reports.figures', { period: { kind: 'quarter', year: 2026, index: 4 } });
    expect(q4.current.series.unit).toBe('day');
    const wholeYear = await call<Report>('reports.figures', { period: { kind: 'year', year: 2026 } });
    expect(wholeYear.current.series.unit).toBe('week');
    expect(wholeYear.current.series.points.reduce((n, p) => n + p.count, 0)).toBe(wholeYear.current.received);
    for (const p of wholeYear.current.series.points)
      expect(new Date(`${p.start}T00:00:00Z`).getUTCDay()).toBe(1);
    const dinkes = await call<Report>('reports.figures', {
      period: { kind: 'month', year: 2026, index: 12 },
      scope: { kind: 'agency', code: 'DINKES' },
    });
    const all = await call<Report>('reports.figures', { period: { kind: 'month', year: 2026, index: 12 } });
    expect(dinkes.current.received).toBe(all.current.byAgency.DINKES);
  });

  it('keeps on each record the milestones its history says (the trigger of migration 0015 against milestonesOf)', () => {
    const sqlite = desk.core.ctx.sqlite;
    const events = sqlite.prepare(
      `SELECT complaint_id AS complaintId, kind, at, to_status AS toStatus,
         json_extract(data, '$.pausedWorkingDays') AS pausedWorkingDays
       FROM complaint_events WHERE complaint_id = ? ORDER BY at, id`,
    );
    const rows = sqlite
      .prepare(
        `SELECT id, verified_day, forwarded_day, followed_up_day, answered_day, last_change_status, pauses
         FROM complaints`,
      )
      .all() as Array<Record<string, string | null>>;
    expect(rows).toHaveLength(plan.length);
    for (const row of rows) {
      const m = milestonesOf(events.all(row.id) as ReportEvent[], '9999-12-31');
      expect(
        {
          statusAtEnd: row.last_change_status,
          verifiedOn: row.verified_day,
          forwardedOn: row.forwarded_day,
          followedUpOn: row.followed_up_day,
          answeredOn: row.answered_day,
          pauses: pausesOf(row.pauses!),
        },
        row.id!,
      ).toEqual(m);
    }
    // The plan has records forwarded, followed up, postponed and resumed.
    expect(rows.filter((r) => r.followed_up_day).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.pauses).length).toBeGreaterThan(0);
  });

  it('refuses an impossible period and an unknown scope, naming the field', async () => {
    const refusal = async (input: unknown) => {
      const r = await desk.api.dispatch('reports.figures', input, 'admin');
      if (r.ok) throw new Error('expected a refusal');
      return r.error as { code: string; fields?: Record<string, string> };
    };
    expect(
      (await refusal({ period: { kind: 'range', from: '2026-12-31', to: '2026-12-01' } })).fields,
    ).toEqual({
      'period.to': 'Akhir periode tidak boleh sebelum awalnya.',
    });
    expect(
      Object.keys((await refusal({ period: { kind: 'month', year: 2026, index: 13 } })).fields ?? {}),
    ).toEqual(['period.index']);
    expect(
      Object.keys(
        (await refusal({ period: { kind: 'range', from: '2026-02-30', to: '2026-03-01' } })).fields ?? {},
      ),
    ).toEqual(['period.from']);
    expect(
      Object.keys(
        (await refusal({ period: { kind: 'year', year: 2026 }, scope: { kind: 'desa' } })).fields ?? {},
      ),
    ).toEqual(['scope.kind']);
    expect(
      Object.keys(
        (await refusal({ period: { kind: 'year', year: 2026 }, scope: { kind: 'agency' } })).fields ?? {},
      ),
    ).toEqual(['scope.code']);
  });
});
