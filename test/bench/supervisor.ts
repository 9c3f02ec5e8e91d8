/**
 * The supervisor's work at size: the day review of the busiest day, a review action, a month's and a
 * year's report, and the year's exports (CSV and XLSX, with the main process's memory), each beside
 * the plainest code doing the same reading or writing.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Reports } from '../../src/main/reports/reports';
import { saveInput } from './save';
import { summarize, time, timeAsync, type Timing } from './stats';

type Report = (name: string, desk: Timing, raw: Timing, target?: string) => void;
type Call = (method: string, input: unknown) => Promise<unknown>;

export async function benchSupervisor(
  sqlite: Database.Database,
  call: Call,
  report: Report,
  log: (s: string) => void,
  dir: string,
  extra: {
    /** Times the month's report as PDF in Chromium (desk: call to PDF bytes; raw: a plain page of its text). */
    pdfOf?: (period: unknown) => Promise<{ desk: Timing; raw: Timing; pages: number }>;
    /** The core's reports, to end their thread (a report with no thread started) and see it ready. */
    reports: Pick<Reports, 'close' | 'threadStatus'>;
  },
) {
  const { pdfOf } = extra;
  // The busiest day of the data set, and today's: the save benchmark fills today with hundreds of
  // records of one citizen (one phone, one NIK), the worst case for the duplicate check.
  const dayRows = sqlite.prepare('SELECT * FROM complaints WHERE received_day = ? ORDER BY received_at, seq');
  const today = sqlite.prepare('SELECT max(received_day) FROM complaints').pluck().get() as string;
  const busiest = sqlite
    .prepare(
      'SELECT received_day AS day, count(*) AS n FROM complaints WHERE received_day < ? GROUP BY received_day ORDER BY n DESC LIMIT 1',
    )
    .get(today) as { day: string; n: number };
  const todays = sqlite
    .prepare('SELECT count(*) FROM complaints WHERE received_day = ?')
    .pluck()
    .get(today) as number;
  for (const [label, day, n] of [
    ['busiest day', busiest.day, busiest.n],
    ['one citizen all day', today, todays],
  ] as const) {
    report(
      `day review, ${label}: ${n} records`,
      await timeAsync(20, () => call('review.day', { day }), 3),
      time(20, () => dayRows.all(day), 3),
      'data < 100 ms (500 records)',
    );
  }
  const ids = sqlite
    .prepare('SELECT id FROM complaints WHERE received_day = ? LIMIT 200')
    .pluck()
    .all(busiest.day) as string[];
  const touch = sqlite.prepare('UPDATE complaints SET updated_at = ? WHERE id = ?');
  report(
    'review action: mark reviewed',
    await timeAsync(ids.length, (i) => call('review.mark', { id: ids[i]!, outcome: 'reviewed' }), 0),
    time(ids.length, (i) => touch.run(new Date().toISOString(), ids[i]!)),
    'p99 < 20 ms',
  );

  const last = sqlite.prepare('SELECT max(received_day) FROM complaints').pluck().get() as string;
  const [y, m] = last.split('-').map(Number) as [number, number];
  const month =
    m === 1 ? { kind: 'month', year: y - 1, index: 12 } : { kind: 'month', year: y, index: m - 1 };
  const monthFrom = `${month.year}-${String(month.index).padStart(2, '0')}-01`;
  const monthTo = `${month.year}-${String(month.index).padStart(2, '0')}-31`;
  // BENCH_REPORTS_ONLY=1: the reports alone (no exports, no PDF), for work on their speed.
  const reportsOnly = process.env.BENCH_REPORTS_ONLY === '1';
  if (!reportsOnly) {
    // The exports first, so the memory measured is theirs and not what the year's report left behind.
    // Exports of 100,000 records (the target's size: the first 100,000 of the year, whole days), beside
    // a plain loop writing joined lines of the same rows.
    const out = join(dir, 'exports-bench');
    rmSync(out, { recursive: true, force: true });
    await call('settings.update', { exportFolder: out });
    const from = `${month.year}-01-01`;
    const to = sqlite
      .prepare(
        'SELECT received_day FROM complaints WHERE received_day >= ? ORDER BY received_day, seq LIMIT 1 OFFSET 99999',
      )
      .pluck()
      .get(from) as string;
    const range = { kind: 'range', from, to };
    const rangeCount = sqlite
      .prepare('SELECT count(*) FROM complaints WHERE received_day BETWEEN ? AND ?')
      .pluck()
      .get(from, to) as number;
    const plain = async () => {
      const stream = createWriteStream(join(dir, 'plain.csv'));
      for (const r of sqlite
        .prepare(
          'SELECT receipt_number, received_at, type, channel, title, status FROM complaints WHERE received_day BETWEEN ? AND ?',
        )
        .iterate(from, to) as Iterable<Record<string, string>>) {
        if (!stream.write(`${Object.values(r).join(';')}\r\n`))
          await new Promise<void>((res) => stream.once('drain', () => res()));
      }
      await new Promise<void>((res) => stream.end(() => res()));
    };
    report(
      `CSV export (${rangeCount.toLocaleString('en')} rows, ${from} to ${to})`,
      await timeAsync(3, () => call('reports.export', { period: range, format: 'csv' }), 0),
      await timeAsync(3, plain, 0),
      '100k rows < 3 s',
    );

    // The XLSX, with the main process's memory sampled, and a save every 100 ms meanwhile: the same
    // save's latency without an export runs first, so the two are comparable.
    const saveLatencies = async (n: number, gapMs: number, until?: () => boolean) => {
      const samples: number[] = [];
      for (let i = 0; i < n && !(until?.() ?? false); i++) {
        const t0 = performance.now();
        await call('complaints.create', { ...saveInput, title: `Simpan saat ekspor ${i}` });
        samples.push(performance.now() - t0);
        await new Promise((res) => setTimeout(res, gapMs));
      }
      return summarize(samples);
    };
    const quiet = await saveLatencies(40, 100);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let exporting = true;
    const started = performance.now();
    const xlsxRun = call('reports.export', { period: range, format: 'xlsx' }).then(() => {
      exporting = false;
      return performance.now() - started;
    });
    const busy = await saveLatencies(10_000, 100, () => !exporting);
    const xlsxMs = await xlsxRun;
    clearInterval(sampler);
    report(
      `XLSX export (${rangeCount.toLocaleString('en')} rows)`,
      summarize([xlsxMs]),
      await timeAsync(1, plain, 0),
      '100k rows < 15 s',
    );
    // Memory in a process of its own: this one has run the benchmarks above, whose heap it keeps.
    const fresh = JSON.parse(
      execFileSync(
        process.execPath,
        [...process.execArgv, join(import.meta.dirname, 'export-memory.ts'), dir, from, to],
        {
          encoding: 'utf8',
        },
      )
        .trim()
        .split('\n')
        .pop()!,
    ) as { ms: number; rssBefore: number; peak: number };
    const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
    log(
      `  main-process memory (RSS) during the XLSX export, in a fresh process: peak ${mb(fresh.peak)} MB (${mb(fresh.rssBefore)} MB with the core open before it; the export took ${(fresh.ms / 1000).toFixed(1)} s)   target < 400 MB`,
    );
    log(
      `  (in this bench process, which ran the benchmarks above: peak ${mb(peak)} MB, ${mb(rssBefore)} MB before it)`,
    );

    report(
      `a save during the XLSX export (n=${busy.n})`,
      busy,
      quiet,
      'as fast as without it (raw = no export)',
    );
  }

  // A month's report as PDF: the desk's page (figures, charts, tables) printed by Chromium, as browser
  // mode's browser does (the desktop shell's printToPDF is the same engine).
  if (pdfOf && !reportsOnly) {
    const pdf = await pdfOf(month);
    report(`month report as PDF (${pdf.pages} pages)`, pdf.desk, pdf.raw, '< 3 s');
  }
  const monthCount = sqlite
    .prepare('SELECT count(*) FROM complaints WHERE received_day BETWEEN ? AND ?')
    .pluck()
    .get(monthFrom, monthTo) as number;
  const rawFigures = (from: string, to: string) => () => {
    sqlite
      .prepare(
        'SELECT channel, agency_code, status, count(*) FROM complaints WHERE received_day BETWEEN ? AND ? GROUP BY 1, 2, 3',
      )
      .all(from, to);
    sqlite
      .prepare(
        'SELECT e.complaint_id, e.at, e.to_status FROM complaints c JOIN complaint_events e ON e.complaint_id = c.id WHERE c.received_day BETWEEN ? AND ?',
      )
      .all(from, to);
  };
  // As a supervisor would: the reports screen open (it starts the report thread), then the period chosen.
  await call('reports.prepare', {});
  while (extra.reports.threadStatus()?.state !== 'ready') await new Promise((r) => setTimeout(r, 20));
  report(
    `month report (${monthCount.toLocaleString('en')} records, with the month before)`,
    await timeAsync(5, () => call('reports.figures', { period: month }), 1),
    time(5, rawFigures(monthFrom, monthTo), 1),
    '< 300 ms',
  );
  // And with no thread started (a report asked for without the screen, or before its thread is up):
  // both months on the desk's thread. The target is not for this case; reported to show what the
  // thread is worth.
  report(
    `month report, its thread not started (both months on one thread)`,
    await timeAsync(
      5,
      async () => {
        extra.reports.close();
        await call('reports.figures', { period: month });
      },
      1,
    ),
    time(5, rawFigures(monthFrom, monthTo), 1),
  );
  await call('reports.prepare', {});
  while (extra.reports.threadStatus()?.state !== 'ready') await new Promise((r) => setTimeout(r, 20));
  const year = { kind: 'year', year: month.year };
  const yearCount = sqlite
    .prepare('SELECT count(*) FROM complaints WHERE received_day BETWEEN ? AND ?')
    .pluck()
    .get(`${month.year}-01-01`, `${month.year}-12-31`) as number;
  report(
    `year report (${yearCount.toLocaleString('en')} records, with the year before)`,
    await timeAsync(3, () => call('reports.figures', { period: year }), 1),
    time(3, rawFigures(`${month.year}-01-01`, `${month.year}-12-31`), 1),
    '< 2 s',
  );

  await call('settings.update', { exportFolder: '' });
}
