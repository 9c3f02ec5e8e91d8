/**
 * The period before a report's, counted on a worker thread beside it (reports/beside.ts): the same
 * figures as the desk's own thread counts, a cancel that ends it, and a thread that cannot start
 * falling back to the desk's thread.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerScript } from '../../src/main/reports/beside';
import { memoryLog } from '../support/memory-log';
import {
  adminSecret,
  makeCore,
  reportWorkerSource,
  sampleComplaint,
  setUpDesk,
  signedInOfficer,
  TestClock,
  value,
} from '../support/core';

let desk: ReturnType<typeof makeCore> | null = null;
let log = memoryLog();
afterEach(() => desk?.close());

/** A call as the admin; the clock's jumps between days lock the screen, so it unlocks first. */
async function call(method: string, input: unknown) {
  let r = await desk!.api.dispatch(method, input, 'admin');
  if (!r.ok && (r.error as { code: string }).code === 'SESSION_LOCKED') {
    value(await desk!.api.dispatch('auth.unlock', { secret: adminSecret }, 'admin'));
    r = await desk!.api.dispatch(method, input, 'admin');
  }
  return r;
}

/** A desk with 20 records in October and 20 in November 2026, some verified, some archived. */
async function deskWithTwoMonths(reportWorker: WorkerScript) {
  const clock = new TestClock(new Date('2026-10-05T02:00:00Z'));
  log = memoryLog();
  desk = makeCore({ clock, reportWorker, log });
  await setUpDesk(desk.api);
  for (let i = 0; i < 40; i++) {
    clock.current = new Date(Date.UTC(2026, 9 + (i % 2), 2 + (i % 25), 2));
    const channel = i % 3 ? 'TELEPON' : 'TATAP_MUKA';
    const { id } = value<{ id: string }>(
      await call('complaints.create', { ...sampleComplaint, incidentDate: undefined, channel }),
    );
    if (i % 4 === 0) value(await call('complaints.act', { id, action: 'VERIFY' }));
    if (i % 5 === 0)
      value(
        await call('complaints.act', {
          id,
          action: 'ARCHIVE',
          reason: 'Uji arsip',
          archiveReason: 'TIDAK_VALID',
        }),
      );
  }
  clock.current = new Date('2026-12-02T02:00:00Z');
  return desk;
}
const november = { period: { kind: 'month', year: 2026, index: 11 } };
type Report = { current: unknown; before: { received: number } };

describe('the period before, on a worker thread', () => {
  it('gives the same figures as the desk’s own thread', async () => {
    const d = await deskWithTwoMonths({ ...reportWorkerSource, minRecords: 0 });
    const beside = value<Report>(await call('reports.figures', november));
    const here = await d.core.jobs.run('test', undefined, (job) =>
      d.core.reports.report({ ...november, scope: { kind: 'desk' } } as never, job, { lateLimit: 100 }),
    );
    expect(beside.before.received).toBe(20);
    expect(beside.before).toEqual(here.before);
    expect(beside.current).toEqual(here.current);
    // Counted on the thread, not after its failure on the desk's.
    expect(log.lines.filter((l) => l.event === 'report.worker_failed')).toEqual([]);
  });

  it('falls back to the desk’s thread when the thread cannot start', async () => {
    await deskWithTwoMonths({ file: '/nowhere/report-worker.js', minRecords: 0 });
    const r = value<Report>(await call('reports.figures', november));
    expect(r.before.received).toBe(20);
    expect(log.lines.filter((l) => l.event === 'report.worker_failed')).toHaveLength(1);
  });

  it('is ended by a cancel', async () => {
    await deskWithTwoMonths({ ...reportWorkerSource, minRecords: 0 });
    const jobId = randomUUID();
    const running = call('reports.figures', { ...november, jobId });
    // The thread takes a moment to start (tsx compiles it): cancelled meanwhile.
    await new Promise((r) => setTimeout(r, 50));
    value(await call('reports.cancel', { jobId }));
    const result = await running;
    expect(result.ok).toBe(false);
    expect((result as { error: { code: string } }).error.code).toBe('CANCELLED');
    // The next report starts a thread anew and is counted on it.
    const after = value<Report>(await call('reports.figures', november));
    expect(after.before.received).toBe(20);
    expect(desk!.core.reports.threadStatus()).toEqual({ state: 'ready', tasks: 1 });
  });

  it('is started by a report too small for a cold start, kept for the next ones, and ended when idle', async () => {
    const d = await deskWithTwoMonths({
      ...reportWorkerSource,
      minRecords: Number.POSITIVE_INFINITY,
      readyMinRecords: 0,
      idleMs: 1_500,
    });
    const reports = d.core.reports;
    expect(reports.threadStatus()).toEqual({ state: 'none', tasks: 0 });
    // Counted on the desk's thread (a start would cost more than the period), the thread started meanwhile.
    const first = value<Report>(await call('reports.figures', november));
    expect(reports.threadStatus()?.state).toMatch(/starting|ready/);
    await until(() => reports.threadStatus()?.state === 'ready');
    const second = value<Report>(await call('reports.figures', november));
    expect(second.before).toEqual(first.before);
    expect(second.current).toEqual(first.current);
    expect(reports.threadStatus()).toEqual({ state: 'ready', tasks: 1 });
    const october = value<Report>(
      await call('reports.figures', { period: { kind: 'month', year: 2026, index: 10 } }),
    );
    expect(october.current).toEqual(first.before);
    expect(reports.threadStatus()).toEqual({ state: 'ready', tasks: 2 });
    // No report for idleMs: the thread ends.
    await until(() => reports.threadStatus()?.state === 'none');
    expect(log.lines.filter((l) => l.event === 'report.worker_failed')).toEqual([]);
  });
});

describe('the reports screen opening', () => {
  it('starts the thread, so the first report has it ready', async () => {
    const d = await deskWithTwoMonths({
      ...reportWorkerSource,
      minRecords: Number.POSITIVE_INFINITY,
      readyMinRecords: 0,
    });
    expect(value(await call('reports.prepare', {}))).toEqual({ preparing: true });
    await until(() => d.core.reports.threadStatus()?.state === 'ready');
    expect(value<Report>(await call('reports.figures', november)).before.received).toBe(20);
    expect(d.core.reports.threadStatus()).toEqual({ state: 'ready', tasks: 1 });
  });

  it('is refused to an officer; a thread that cannot start leaves the reports on the desk’s thread', async () => {
    const d = await deskWithTwoMonths({ file: '/nowhere/report-worker.js' });
    value(await d.api.dispatch('auth.unlock', { secret: adminSecret }, 'admin'));
    await signedInOfficer(d.api, 'budi', 'pin-budi-1', 'budi');
    const refused = await d.api.dispatch('reports.prepare', {}, 'budi');
    expect(refused.ok).toBe(false);
    expect((refused as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect(d.core.reports.threadStatus()).toEqual({ state: 'none', tasks: 0 });
    // The admin may; the thread cannot start, which leaves every report on the desk's thread.
    expect(value(await call('reports.prepare', {}))).toEqual({ preparing: true });
    await until(() => d.core.reports.threadStatus()?.state === 'none');
    expect(value<Report>(await call('reports.figures', november)).before.received).toBe(20);
  });
});

async function until(condition: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
