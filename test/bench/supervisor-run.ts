/**
 * npm run bench:supervisor: only the supervisor's work (test/bench/supervisor.ts: the day review, a
 * review action, the month's and the year's report, the exports and a save during one) on the
 * largest of BENCH_SIZES (default 1000000), with BENCH_PROFILE=1 a CPU profile of the whole section;
 * then the day review in Chromium (BENCH_REVIEW_ONLY=1 runs only that; BENCH_REPORTS_ONLY=1 leaves out
 * the exports and the PDF).
 */
import { join } from 'node:path';
import { chromium } from 'playwright';
import { createApi } from '../../src/main/api';
import { repoRoot } from '../support/core';
import { benchAdmin, buildDataset, openBenchCore } from './build-dataset';
import { startProfile } from './profile';
import { resultLine, timeAsync, type Timing } from './stats';
import { measureReviewInBrowser } from './review-browser';
import { benchSupervisor } from './supervisor';

const size = Math.max(...(process.env.BENCH_SIZES ?? '1000000').split(',').map(Number));
const dir = join(repoRoot, 'bench-data', String(size));
const log = (s: string) => console.log(s);
await buildDataset(dir, size, log);
log(`\n== the supervisor's work at ${size.toLocaleString('en')} complaints`);
const core = openBenchCore(dir);
const api = createApi(core);
const signIn = await api.dispatch('auth.signIn', benchAdmin, 'bench');
if (!signIn.ok) throw new Error(JSON.stringify(signIn.error));
const call = async (method: string, input: unknown) => {
  const r = await api.dispatch(method, input, 'bench');
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
};
const report = (name: string, desk: Timing, raw: Timing, target?: string) =>
  log(resultLine(name, desk, raw, target, 58));
// The month's report as PDF: the desk's call and its page printed by Chromium, beside Chromium
// printing a plain page of the same text.
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();
const pdfOf = async (period: unknown) => {
  let pages = 0;
  let text = '';
  const desk = await timeAsync(
    3,
    async () => {
      const out = (await call('reports.export', { period, format: 'pdf' })) as { url: string };
      const html = core.exports.take('page', out.url.split('/').pop()!)!.body;
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      text = await page.evaluate(() => document.body.innerText);
    },
    1,
  );
  const raw = await timeAsync(3, async () => {
    await page.setContent(`<pre>${text.replace(/[<&]/g, ' ')}</pre>`, { waitUntil: 'load' });
    await page.pdf({ format: 'A4' });
  });
  return { desk, raw, pages };
};
// BENCH_REVIEW_ONLY=1: only the day review in Chromium (below).
if (process.env.BENCH_REVIEW_ONLY !== '1') {
  const profile = await startProfile();
  await benchSupervisor(core.ctx.sqlite, call, report, log, dir, { pdfOf, reports: core.reports });
  await profile.stop('supervisor');
}
await browser.close();
// The day review in Chromium: the two busiest days before today, alternately.
const busiest = core.ctx.sqlite
  .prepare(
    `SELECT received_day FROM complaints WHERE received_day < (SELECT max(received_day) FROM complaints)
     GROUP BY received_day ORDER BY count(*) DESC LIMIT 2`,
  )
  .pluck()
  .all() as [string, string];
core.close();
const review = await measureReviewInBrowser(dir, benchAdmin, busiest);
report(
  `day review in Chromium: choose a day to first row (${busiest.join(', ')})`,
  review.desk,
  review.raw,
  '< 300 ms',
);
