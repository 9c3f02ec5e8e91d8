/**
 * Long reports and exports as jobs (issue 11: "anything that takes longer than a second shows
 * progress and can be cancelled, and the desk stays responsive"): progress named by the caller's
 * jobId, a cancel that answers CANCELLED and leaves no file, jobs seen and cancelled only by the
 * account that started them, and saves answered while an export is still being written.
 */
import { readdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, sampleComplaint, setUpDesk, signedInSupervisor, value } from '../support/core';

let desk: ReturnType<typeof makeCore>;
const month = { kind: 'month', year: 2026, index: 11 } as const;
const records = 6000;

/** The event loop's next turn: what a renderer's next request gets. */
const turn = () => new Promise<void>((res) => setImmediate(res));

beforeAll(async () => {
  desk = makeCore();
  await setUpDesk(desk.api);
  await signedInSupervisor(desk.api);
  const first = value<{ id: string }>(await desk.api.dispatch('complaints.create', sampleComplaint, 'admin'));
  // A month of records: copies of the first one, as a busy desk's would be (the save path is
  // tested elsewhere; here only their number matters).
  const { sqlite } = desk.core.ctx;
  const columns = (
    sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('complaints') as string[]
  )
    .map((c) => `"${c}"`)
    .join(', ');
  const copy: Record<string, string> = {
    '"id"': `'copy-' || n`,
    '"receipt_number"': `'PBL01-20261127-' || printf('%05d', n) || '-C'`,
    '"seq"': '1000 + n',
  };
  const picked = columns
    .split(', ')
    .map((c) => copy[c] ?? c)
    .join(', ');
  sqlite
    .prepare(
      `WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ?)
       INSERT INTO complaints (${columns}) SELECT ${picked} FROM k, complaints WHERE complaints.id = ?`,
    )
    .run(records - 1, first.id);
});
afterAll(() => desk.close());

const exportFolder = () => join(desk.dataDir, 'exports');
const files = () => {
  try {
    return readdirSync(exportFolder());
  } catch {
    return [];
  }
};

describe('a long export', () => {
  it('says how far it is while it runs, and is done at the end', async () => {
    const jobId = randomUUID();
    const running = desk.api.dispatch('reports.export', { period: month, format: 'xlsx', jobId }, 'admin');
    const seen: Array<{ phase: string; done: number; total: number | null; state: string }> = [];
    let settled = false;
    void running.then(() => (settled = true));
    while (!settled) {
      await turn();
      const p = value<(typeof seen)[number] | null>(
        await desk.api.dispatch('reports.progress', { jobId }, 'admin'),
      );
      if (p) seen.push(p);
    }
    const out = value<{ file: string }>(await running);
    expect(out.file).toMatch(/\.xlsx$/);
    // The figures are read first, then the list is written, its total known, counting up to it.
    const writing = seen.filter((p) => p.phase === 'write' && p.state === 'running');
    expect(seen.some((p) => p.phase === 'read')).toBe(true);
    expect(writing.length).toBeGreaterThan(1);
    expect(writing.every((p) => p.total === records)).toBe(true);
    const done = writing.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.some((d) => d > 0 && d < records)).toBe(true);
    const last = value<{ state: string; done: number }>(
      await desk.api.dispatch('reports.progress', { jobId }, 'admin'),
    );
    expect(last).toMatchObject({ state: 'done', done: records });
  });

  it('is cancelled on request: CANCELLED in words, and no file left, not even its temporary one', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const before = files();
      const jobId = randomUUID();
      const running = desk.api.dispatch('reports.export', { period: month, format, jobId }, 'admin');
      // Cancel once it is writing.
      for (;;) {
        await turn();
        const p = value<{ phase: string; done: number } | null>(
          await desk.api.dispatch('reports.progress', { jobId }, 'admin'),
        );
        if (p && p.phase === 'write' && p.done > 0) break;
      }
      expect(value(await desk.api.dispatch('reports.cancel', { jobId }, 'admin'))).toEqual({
        cancelled: true,
      });
      const result = await running;
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('CANCELLED');
        expect(result.error.message).toMatch(/Dibatalkan/);
      }
      expect(files()).toEqual(before);
      expect(value(await desk.api.dispatch('reports.progress', { jobId }, 'admin'))).toMatchObject({
        state: 'cancelled',
      });
      // A cancelled job cannot be cancelled again, and the audit has no export for it.
      expect(value(await desk.api.dispatch('reports.cancel', { jobId }, 'admin'))).toEqual({
        cancelled: false,
      });
    }
  });

  it('is seen and cancelled only by the account that started it; a jobId is used once', async () => {
    const jobId = randomUUID();
    const running = desk.api.dispatch('reports.figures', { period: month, jobId }, 'admin');
    await turn();
    expect(value(await desk.api.dispatch('reports.progress', { jobId }, 'sari'))).toBeNull();
    expect(value(await desk.api.dispatch('reports.cancel', { jobId }, 'sari'))).toEqual({ cancelled: false });
    value(await running);
    const again = await desk.api.dispatch('reports.figures', { period: month, jobId }, 'admin');
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.fields?.jobId).toBeTruthy();
    // An officer may not ask at all (roles are enforced in main).
    const notAsked = await desk.api.dispatch('reports.progress', { jobId: 'not-a-uuid' }, 'admin');
    expect(notAsked.ok).toBe(false);
  });

  it('lets the desk save while it is written: each save is answered before the export finishes', async () => {
    const before = value<{ current: { received: number } }>(
      await desk.api.dispatch('reports.figures', { period: month }, 'admin'),
    ).current.received;
    const running = desk.api.dispatch('reports.export', { period: month, format: 'xlsx' }, 'admin');
    let exportDone = false;
    void running.then(() => (exportDone = true));
    const answered: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      const saved = await desk.api.dispatch(
        'complaints.create',
        { ...sampleComplaint, title: `Saat ekspor ${i}` },
        'sari',
      );
      expect(saved.ok).toBe(true);
      answered.push(!exportDone);
    }
    expect(answered).toEqual([true, true, true]);
    const out = value<{ file: string }>(await running);
    // The export read one snapshot: its figures and its list hold the records of when it began, not
    // the three saved while it was written.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out.file);
    const list = book.getWorksheet('Daftar pengaduan')!;
    expect(list.actualRowCount - 1).toBe(before);
    const summary = book.getWorksheet('Ringkasan')!;
    expect(summary.getRow(2).getCell(2).value).toBe(before);
  });
});
