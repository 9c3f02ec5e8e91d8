/**
 * In Chromium against browser mode: how long until the queue shows its first rows after opening
 * it, and how long until the list answers typing in Cari. Measured from the test side (includes
 * Playwright's own round trips, so it slightly overstates).
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startHost } from '../support/host-process';
import { summarize } from './stats';
import { ms } from './stats';

/** The browser-mode host on the bench database, Chromium, and a page signed in on the intake form. */
export async function openDesk(
  dataDir: string,
  admin: { name: string; secret: string },
  viewport: { width: number; height: number },
) {
  const host = await startHost({ dataDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await page.goto(host.url);
  await page.getByLabel('Nama pengguna').fill(admin.name);
  await page.getByLabel('PIN/kata sandi').fill(admin.secret);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('heading', { name: 'Pengaduan baru' }).waitFor();
  // tsx names the functions it compiles with a helper the page does not have; and a way to call the
  // desk's API from the page, as its own client does (globalThis.__call(method, input) -> result).
  await page.evaluate(`globalThis.__name = (f) => f;
    globalThis.__call = (method, input) => fetch('/api/' + method, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: 'Bearer ' + sessionStorage.getItem('desk.launchToken'),
        'X-Desk-Tab': sessionStorage.getItem('desk.tabId'),
      },
      body: JSON.stringify(input),
    }).then((r) => r.json());`);
  return { host, browser, page };
}

export async function measureBrowser(
  dataDir: string,
  admin: { name: string; secret: string },
  log: (s: string) => void,
) {
  const { host, browser, page } = await openDesk(dataDir, admin, { width: 1366, height: 860 });
  try {
    const rows = page.getByRole('listbox', { name: 'Antrean pengaduan' }).getByRole('option');

    const open: number[] = [];
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Alt+N');
      await page.getByRole('heading', { name: 'Pengaduan baru' }).waitFor();
      const t0 = Date.now();
      await page.keyboard.press('Alt+A');
      await rows.first().waitFor();
      open.push(Date.now() - t0);
    }
    const openTiming = summarize(open);
    log(
      `  queue shows its first rows after opening: median ${ms(openTiming.median)} ms, p99 ${ms(openTiming.p99)} ms   target < 1000 ms`,
    );

    const search = page.getByLabel('Cari');
    const typing: number[] = [];
    const queries = [
      'jalan',
      'lampu',
      'puskesmas',
      'sampah',
      'pdam',
      'kraksaan',
      'bromo',
      'banjir',
      'obat',
      'pungutan',
    ];
    const perWord = new Map<string, number[]>();
    for (const q of [...queries, ...queries, ...queries]) {
      await search.fill('');
      await page.locator('[data-shown-search=""]').waitFor();
      // From the officer's last keystroke of the word to the list showing its answer.
      await search.pressSequentially(q.slice(0, -1), { delay: 30 });
      const t0 = Date.now();
      await search.press(q.slice(-1));
      // The list has answered when the rows on screen are the answer to the whole word.
      await page.locator(`[data-shown-search="${q}"]`).waitFor({ timeout: 10_000 });
      typing.push(Date.now() - t0);
      perWord.set(q, [...(perWord.get(q) ?? []), Date.now() - t0]);
    }
    log(`  per word (ms): ${[...perWord].map(([w, t]) => `${w} ${t.join('/')}`).join(', ')}`);
    const typingTiming = summarize(typing);
    log(
      `  typing a word in Cari until the list updates: median ${ms(typingTiming.median)} ms, p99 ${ms(typingTiming.p99)} ms   target < 150 ms (from the last keystroke; includes the 40 ms debounce)`,
    );
    // The browser-mode process is the desk's main process: its resident memory after the session.
    const status = readFileSync(`/proc/${host.process.pid}/status`, 'utf8');
    const rssMb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    log(
      `  browser-mode main process memory (RSS) after the session: ${rssMb.toFixed(0)} MB   target < 300 MB`,
    );
    return { open: openTiming, typing: typingTiming, rssMb };
  } finally {
    await browser.close();
    await host.stop();
  }
}
