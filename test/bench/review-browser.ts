/**
 * The day review in Chromium against browser mode: from choosing a day in Tinjauan harian to its
 * first record row on screen, for the data set's busiest day and the day before it alternately (so
 * each choice loads), beside the floor: the same review.day fetched and parsed by the page with nothing
 * drawn, timed inside the page.
 */
import { openDesk } from './browser';
import { summarize, type Timing } from './stats';

export async function measureReviewInBrowser(
  dataDir: string,
  admin: { name: string; secret: string },
  days: [string, string],
): Promise<{ desk: Timing; raw: Timing }> {
  const { host, browser, page } = await openDesk(dataDir, admin, { width: 1366, height: 768 });
  try {
    // Timed once no backup is running (a backup's steps run between requests; bench:ops measures
    // saves during one).
    const call = (m: string, i: unknown) =>
      page.evaluate(
        ([m, i]) =>
          (globalThis as unknown as { __call: (m: string, i: unknown) => Promise<unknown> }).__call(m, i),
        [m, i] as const,
      );
    for (let waited = 0; waited < 600; waited++) {
      const list = (await call('backups.list', {})) as { ok: boolean; value?: Array<{ outcome: string }> };
      if (!list.ok || !list.value!.some((b) => b.outcome === 'running')) break;
      await new Promise((res) => setTimeout(res, 1000));
    }
    // Open the review on the first day before timing (opening on today loads today's records).
    await page.keyboard.press('Alt+T');
    const field = page.getByRole('textbox', { name: 'Hari', exact: true });
    await field.fill(days[1]);
    const firstRow = page.getByRole('grid', { name: 'Pengaduan hari ini' }).getByRole('row').nth(1);
    await firstRow.waitFor();
    const shown: number[] = [];
    const fetched: number[] = [];
    for (let i = 0; i < 12; i++) {
      const day = days[i % 2]!;
      const t0 = Date.now();
      await field.fill(day);
      await page.waitForFunction(
        (d) =>
          document.querySelector('.review .hint')?.textContent === d &&
          !!document.querySelector('[role=grid] [role=row]:nth-child(2)'),
        day,
      );
      if (i >= 2) shown.push(Date.now() - t0);
      // Timed inside the page: returning the 570 kB answer to this process over the DevTools
      // protocol took ~400 ms, which no one waits for at the counter.
      const took = await page.evaluate(async (d) => {
        const started = performance.now();
        await (globalThis as unknown as { __call: (m: string, i: unknown) => Promise<unknown> }).__call(
          'review.day',
          { day: d },
        );
        return performance.now() - started;
      }, day);
      if (i >= 2) fetched.push(took);
    }
    return { desk: summarize(shown), raw: summarize(fetched) };
  } finally {
    await browser.close();
    await host.stop();
  }
}
