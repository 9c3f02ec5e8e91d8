/**
 * npm run bench:soak (issue 14): a working day compressed into ten "hours", against the real
 * browser-mode host (the desk's main process, its own process) on the largest of BENCH_SIZES
 * (default 1000000), with forwarding on to a fake central server and receipts printed to a fake
 * thermal printer, both on loopback. Each hour an HTTP client does what a busy desk does in one
 * (BENCH_SOAK_SCALE=1: 1,000 saves, 5,000 queue pages and searches, 200 prints, 1,000 records opened),
 * and Chromium, signed in on its own tab, opens the queue, types in Cari, opens records and records
 * one complaint through the form. After each hour: the host's resident memory (/proc) and what the
 * desk says it holds (app.about: JS heap, outside the heap, SQLite's cache limit and mmap), the
 * renderer's JS heap and DOM nodes (CDP), and the p99 of each operation in that hour.
 * BENCH_SOAK_BROWSER=0 leaves Chromium out. Needs `npm run build` first.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeCentral } from '../support/fake-central';
import { FakePrinter } from '../support/fake-printer';
import { repoRoot } from '../support/core';
import { startHost } from '../support/host-process';
import { benchAdmin, buildDataset } from './build-dataset';
import { openDesk, timeCari } from './browser';
import { openAndClose, typeComplaint } from './counter';
import { ms, summarize } from './stats';

const size = Math.max(...(process.env.BENCH_SIZES ?? '1000000').split(',').map(Number));
const scale = Number(process.env.BENCH_SOAK_SCALE ?? 1);
const hours = 10;
const perHour = {
  saves: Math.round(1000 * scale),
  lists: Math.round(5000 * scale),
  prints: Math.round(200 * scale),
};
const withBrowser = process.env.BENCH_SOAK_BROWSER !== '0';
const dir = join(repoRoot, 'bench-data', String(size));
const log = (s: string) => console.log(s);
await buildDataset(dir, size, log);

const central = await new FakeCentral().start();
const printer = await new FakePrinter().start();
const host = await startHost({ dataDir: dir });
const tab = randomBytes(16).toString('hex');
const rssMb = (field = 'VmRSS') =>
  Number(
    new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${host.process.pid}/status`, 'utf8'))?.[1],
  ) / 1024;

async function call<T>(method: string, input: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'X-Desk-Tab': tab, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

type Op = 'save' | 'queue' | 'search' | 'open' | 'print';
interface Hour {
  hour: number;
  rssMb: number;
  heapMb: number;
  externalMb: number;
  cacheMb: number;
  mmapMb: number;
  p99: Record<Op, number>;
  median: Record<Op, number>;
  delivered: number;
  printed: number;
  renderer?: { heapMb: number; nodes: number; listeners: number; queueOpenMs: number; cariMs: number[] };
}

try {
  await call('auth.signIn', benchAdmin);
  await call('forwarding.saveSettings', { url: central.url, token: central.token, enabled: true });
  await call('printers.save', {
    name: 'Thermal soak',
    kind: 'escpos-tcp',
    address: printer.address,
    paper: '58mm',
    isDefault: true,
  });

  const desk = withBrowser ? await openDesk(dir, benchAdmin, { width: 1366, height: 768 }, host) : null;
  const cdp = desk ? await desk.page.context().newCDPSession(desk.page) : null;

  const views = ['mine', 'dueToday', 'late', 'toVerify', 'returned', 'notInLapor'];
  const words = ['jalan', 'lampu mati', 'puskes', 'sampah', 'pdam keruh', 'ja', 'jala', 'pungutan', 'bromo'];
  const recent: Array<{ id: string; receiptNumber: string }> = [];
  let cursor: string | null = null;
  const hoursOut: Hour[] = [];
  log(
    `\n== a working day compressed at ${size.toLocaleString('en')} complaints: ${hours} hours of ${perHour.saves} saves, ${perHour.lists} queue pages and searches, ${perHour.prints} prints${withBrowser ? ', and Chromium' : ''}`,
  );
  log(
    '  hour   RSS MB (peak)   JS heap   outside   SQLite cache/mmap   p99 ms: save  queue  search  open  print   delivered  printed' +
      (withBrowser ? '   renderer: heap MB  DOM nodes  queue open ms  Cari ms' : ''),
  );
  let n = 0;
  for (let hour = 1; hour <= hours; hour++) {
    const samples: Record<Op, number[]> = { save: [], queue: [], search: [], open: [], print: [] };
    const timed = async <T>(op: Op, work: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const out = await work();
      const took = performance.now() - t0;
      samples[op].push(took);
      if (process.env.BENCH_SOAK_SLOW && took > Number(process.env.BENCH_SOAK_SLOW))
        log(`    slow: ${op} ${took.toFixed(0)} ms at ${new Date().toISOString().slice(11, 23)}`);
      return out;
    };
    const listsPerSave = perHour.lists / perHour.saves;
    for (let s = 0; s < perHour.saves; s++, n++) {
      const saved = await timed('save', () =>
        call<{ id: string; receiptNumber: string }>('complaints.create', {
          type: n % 7 === 0 ? 'ASPIRASI' : 'PENGADUAN',
          channel: ['TATAP_MUKA', 'WHATSAPP', 'TELEPON'][n % 3],
          title: `Jalan berlubang depan pasar nomor ${n}`,
          agencyCode: ['DPUPR', 'DINKES', 'DISHUB'][n % 3],
          body: 'Jalan di depan pasar berlubang sejak sebulan dan membahayakan pengendara motor pada malam hari.',
          kecamatanCode: '35.13.19',
          complainantName: 'Siti Aminah',
          phone: `0812${String(10_000_000 + n).slice(-8)}`,
        }),
      );
      recent.unshift(saved);
      recent.length = Math.min(recent.length, 50);
      for (let q = 0; q < listsPerSave; q++) {
        const k = (n * listsPerSave + q) % 10;
        if (k < 5) {
          // The queue: newest, a saved view, a filter, or the next page of what is on screen.
          const input: Record<string, unknown> =
            k === 0
              ? { sort: 'newest', limit: 100 }
              : k === 1
                ? { view: views[n % views.length], limit: 100 }
                : k === 2
                  ? { statuses: ['BARU'], agencyCode: 'DPUPR', limit: 100 }
                  : k === 3 && cursor
                    ? { sort: 'newest', limit: 200, cursor }
                    : { sort: 'urgent', limit: 100 };
          const page: { nextCursor: string | null } = await timed('queue', () =>
            call<{ nextCursor: string | null }>('complaints.queue', input),
          );
          cursor = k === 0 ? page.nextCursor : k === 3 ? null : cursor;
        } else {
          // Cari: words, a receipt number just given, a phone number.
          const search =
            k < 8
              ? words[(n + q) % words.length]!
              : k === 8
                ? recent[(n + q) % recent.length]!.receiptNumber
                : `0812${String(10_000_000 + Math.max(0, n - q)).slice(-8)}`;
          await timed('search', () => call('complaints.queue', { search, sort: 'newest', limit: 100 }));
        }
      }
      await timed('open', () => call('complaints.get', { id: recent[(n * 7) % recent.length]!.id }));
      if (s % Math.round(perHour.saves / perHour.prints) === 0)
        await timed('print', () => call('receipts.print', { id: saved.id }));
    }

    let renderer: Hour['renderer'];
    if (desk && cdp) {
      const { page } = desk;
      const rows = page.getByRole('listbox', { name: 'Antrean pengaduan' }).getByRole('option');
      // One complaint through the form, as an officer types it.
      await page.keyboard.press('Alt+N');
      await page.getByLabel('Jenis laporan').focus();
      await typeComplaint(page);
      await page.keyboard.press('Control+Enter');
      await page.locator('.saved__number').waitFor();
      await page.keyboard.press('Enter');
      // The queue opened from the form, Cari, and a few records opened and closed.
      await page.keyboard.press('Alt+N');
      await page.getByRole('heading', { name: 'Pengaduan baru' }).waitFor();
      const t0 = Date.now();
      await page.keyboard.press('Alt+A');
      await rows.first().waitFor();
      const queueOpenMs = Date.now() - t0;
      const cariMs: number[] = [];
      for (const w of ['jalan', 'lampu', 'pungutan', 'bromo', 'sampah']) cariMs.push(await timeCari(page, w));
      await page.getByLabel('Cari').fill('');
      await page.locator('[data-shown-search=""]').waitFor();
      await page.getByRole('listbox', { name: 'Antrean pengaduan' }).focus();
      await openAndClose(page, 5);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
      renderer = {
        heapMb: heap.usedSize / 1024 / 1024,
        nodes: dom.nodes,
        listeners: dom.jsEventListeners,
        queueOpenMs,
        cariMs,
      };
    }

    const about = await call<{
      memory: Record<
        'jsHeapUsedBytes' | 'externalBytes' | 'sqliteCacheLimitBytes' | 'sqliteMmapBytes',
        number
      >;
    }>('app.about', {});
    const mb = (b: number) => b / 1024 / 1024;
    const row: Hour = {
      hour,
      rssMb: rssMb(),
      heapMb: mb(about.memory.jsHeapUsedBytes),
      externalMb: mb(about.memory.externalBytes),
      cacheMb: mb(about.memory.sqliteCacheLimitBytes),
      mmapMb: mb(about.memory.sqliteMmapBytes),
      p99: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v).p99])) as Hour['p99'],
      median: Object.fromEntries(
        Object.entries(samples).map(([k, v]) => [k, summarize(v).median]),
      ) as Hour['median'],
      delivered: central.complaints.size,
      printed: printer.jobs.length,
      ...(renderer ? { renderer } : {}),
    };
    hoursOut.push(row);
    const r = row.renderer;
    log(
      `  ${String(hour).padStart(4)}   ${row.rssMb.toFixed(0).padStart(6)} (${rssMb('VmHWM').toFixed(0)})   ${row.heapMb.toFixed(0).padStart(7)}   ${row.externalMb.toFixed(0).padStart(7)}   ${row.cacheMb.toFixed(0).padStart(8)}/${row.mmapMb.toFixed(0)}          ${(['save', 'queue', 'search', 'open', 'print'] as const).map((o) => ms(row.p99[o]).padStart(5)).join('  ')}   ${String(row.delivered).padStart(9)}  ${String(row.printed).padStart(7)}` +
        (r
          ? `   ${r.heapMb.toFixed(1).padStart(17)}  ${String(r.nodes).padStart(9)}  ${String(r.queueOpenMs).padStart(13)}  ${r.cariMs.map((c) => c.toFixed(0)).join('/')}`
          : ''),
    );
  }

  const first = hoursOut[0]!;
  const last = hoursOut.at(-1)!;
  const peak = rssMb('VmHWM');
  log(
    `  main process RSS: first hour ${first.rssMb.toFixed(0)} MB, last ${last.rssMb.toFixed(0)} MB, peak ${peak.toFixed(0)} MB   target < 250 MB, no growth`,
  );
  for (const op of ['save', 'queue', 'search', 'open', 'print'] as const)
    log(
      `  ${op.padEnd(6)} p99 first hour ${ms(first.p99[op])} ms, last hour ${ms(last.p99[op])} ms (x${(last.p99[op] / first.p99[op]).toFixed(2)})   median ${ms(first.median[op])} -> ${ms(last.median[op])} ms`,
    );
  if (first.renderer && last.renderer)
    log(
      `  renderer: JS heap ${first.renderer.heapMb.toFixed(1)} -> ${last.renderer.heapMb.toFixed(1)} MB, DOM nodes ${first.renderer.nodes} -> ${last.renderer.nodes}, listeners ${first.renderer.listeners} -> ${last.renderer.listeners}; queue first rows ${first.renderer.queueOpenMs} -> ${last.renderer.queueOpenMs} ms (target < 1000); Cari p99 ${ms(Math.max(...first.renderer.cariMs))} -> ${ms(Math.max(...last.renderer.cariMs))} ms (target < 150)`,
    );
  if (desk) await desk.browser.close();
} catch (error) {
  log(`  the soak stopped: ${String(error)}\n  the host said:\n${host.output().slice(-3000)}`);
  process.exitCode = 1;
} finally {
  await host.stop();
  await central.stop();
  await printer.stop();
}
