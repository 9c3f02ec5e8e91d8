/**
 * The intake form while a 5 MB phone photo goes up (issue 15: "the intake form stays responsive
 * meanwhile"), in Chromium against browser mode at 1366×768: the officer types into Isi laporan, and
 * each keystroke is timed in the page from the key's event to the frame that shows it. The same
 * typing with no upload is the floor; both also with Chromium's CPU slowed four times (a counter PC
 * busy with other work).
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from '../support/core';
import { phonePhoto } from '../support/images';
import { openDesk } from './browser';
import { benchAdmin, buildDataset } from './build-dataset';
import { ms, summarize } from './stats';

const text = 'Jalan berlubang besar di depan sekolah sejak sebulan, anak-anak harus memutar lewat pasar. ';

/** Types `text` into the focused field; each key's delay from its event to the next frame, in ms. */
async function typeTimed(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = globalThis as unknown as { __keys: number[] };
    w.__keys = [];
    document.activeElement!.addEventListener('input', (e) => {
      const at = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => w.__keys.push(performance.now() - at), 0));
    });
  });
  for (const ch of text) await page.keyboard.type(ch, { delay: 30 });
  await page.waitForTimeout(200);
  return page.evaluate(() => (globalThis as unknown as { __keys: number[] }).__keys);
}

export async function benchIntakeTyping(log: (s: string) => void) {
  const dir = join(repoRoot, 'bench-data', '1000');
  await buildDataset(dir, 1000, () => undefined);
  const { host, browser, page } = await openDesk(dir, benchAdmin, { width: 1366, height: 768 });
  const photo = await phonePhoto(90);
  const cdp = await page.context().newCDPSession(page);
  try {
    const body = page.getByLabel('Isi laporan', { exact: true });
    const results: Array<[string, number[], number[]]> = [];
    for (const rate of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const floor: number[] = [];
      const during: number[] = [];
      // A fresh form each time: no draft (the draft keeps the files across a reload, by design).
      const fresh = async () => {
        await page.evaluate(() =>
          fetch('/api/drafts.clear', {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              Authorization: `Bearer ${sessionStorage.getItem('desk.launchToken')}`,
              'X-Desk-Tab': sessionStorage.getItem('desk.tabId')!,
            },
            body: '{}',
          }),
        );
        await page.reload();
        await page.getByRole('heading', { name: 'Pengaduan baru' }).waitFor();
        await body.fill('');
      };
      for (let round = 0; round < 3; round++) {
        await fresh();
        await body.focus();
        floor.push(...(await typeTimed(page)));
        await fresh();
        // The photo is picked, and the officer goes on typing while it goes up.
        await page
          .locator('.intake-files input[type=file]')
          .setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: photo });
        await body.focus();
        during.push(...(await typeTimed(page)));
        await page.locator('.intake-files li.ready').waitFor({ timeout: 60_000 });
      }
      results.push([rate === 1 ? 'CPU as it is' : 'CPU slowed x4', during, floor]);
    }
    for (const [name, during, floor] of results) {
      const d = summarize(during);
      const f = summarize(floor);
      log(
        `  typing while a ${(photo.length / 1024 / 1024).toFixed(1)} MB photo goes up, ${name}: key to frame median ${ms(d.median)} / p99 ${ms(d.p99)} / max ${ms(Math.max(...during))} ms (${d.n} keys)   floor, no upload: ${ms(f.median)} / ${ms(f.p99)} / ${ms(Math.max(...floor))} ms   target p99 < 100 ms`,
      );
    }
  } finally {
    await browser.close();
    await host.stop();
  }
}
