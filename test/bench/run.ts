/**
 * npm run bench: the desk's speed at 100k and 1M complaints, each operation beside the raw
 * better-sqlite3 operation it builds on, measured in the same run (ratio = desk / raw).
 * Sizes: BENCH_SIZES=100000,1000000 (default). BENCH_BROWSER=0 skips Chromium, BENCH_DRAIN=0 the drain,
 * BENCH_SUPERVISOR=0 the day review and the reports,
 * BENCH_COUNTER=0 the counter's interaction latency and scans in Chromium with the CPU slowed 4x
 * (npm run bench:counter runs only that, on BENCH_SIZES' largest, default 100000).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApi } from '../../src/main/api';
import { applyPragmas } from '../../src/main/platform/database';
import { repoRoot } from '../support/core';
import { benchAdmin, buildDataset, openBenchCore } from './build-dataset';
import { measureBrowser } from './browser';
import { measureCounter } from './counter';
import { benchDrain } from './drain';
import { benchSupervisor } from './supervisor';
import { benchSave, saveInput } from './save';
import { resultLine, time, timeAsync, type Timing } from './stats';

const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const rows: Array<{ size: number; name: string; desk: Timing; raw: Timing; target?: string }> = [];
const log = (s: string) => console.log(s);

function report(size: number, name: string, desk: Timing, raw: Timing, target?: string) {
  rows.push({ size, name, desk, raw, ...(target ? { target } : {}) });
  log(resultLine(name, desk, raw, target));
}

async function benchSize(size: number) {
  const dir = join(repoRoot, 'bench-data', String(size));
  log(`\n== ${size.toLocaleString('en')} complaints (${dir})`);
  await buildDataset(dir, size, log);
  log('  operation                                    median / p99 (desk)           median / p99 (raw)');

  // Opening the database: the desk's whole start (pragmas, migration check, reference check) vs a bare open.
  const file = join(dir, 'desk.sqlite');
  const open = time(10, () => openBenchCore(dir).close(), 2);
  const rawOpen = time(
    10,
    () => {
      const db = new Database(file);
      applyPragmas(db);
      db.prepare('SELECT count(*) FROM accounts').get();
      db.close();
    },
    2,
  );
  report(size, 'open the database', open, rawOpen, '< 300 ms');

  const core = openBenchCore(dir);
  const api = createApi(core);
  const caller = 'bench';
  const signIn = await api.dispatch('auth.signIn', benchAdmin, caller);
  if (!signIn.ok) throw new Error(JSON.stringify(signIn.error));
  const { sqlite, cipher } = core.ctx;
  const call = async (method: string, input: unknown) => {
    const r = await api.dispatch(method, input, caller);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value;
  };

  // Lookups: samples of real receipt numbers and phones.
  const sample = sqlite
    .prepare('SELECT receipt_number AS r, phone_enc AS p FROM complaints WHERE seq % ? = 0 LIMIT 1000')
    .all(Math.max(1, Math.floor(size / 1000))) as Array<{ r: string; p: string }>;
  const phones = sample.map((s) => cipher.decrypt('phone', s.p));
  // The raw side returns what the desk returns: the row with its officer's name, the four personal
  // fields decrypted (one node:crypto decipher each) and masked.
  const opened = (row: Record<string, unknown> | undefined) => {
    if (!row) return row;
    const out = { ...row };
    for (const f of ['nik', 'phone', 'email', 'address'] as const) {
      const env = row[`${f}_enc`] as string | null;
      out[f] = env === null ? null : cipher.decrypt(f, env).replace(/.(?=.{4})/g, '*');
    }
    return out;
  };
  const withOfficer = 'SELECT c.*, a.display_name FROM complaints c JOIN accounts a ON a.id = c.officer_id';
  const byReceipt = sqlite.prepare(`${withOfficer} WHERE c.receipt_number = ?`);
  report(
    size,
    'lookup by receipt number',
    await timeAsync(1000, (i) =>
      call('complaints.findByReceipt', { receiptNumber: sample[i % sample.length]!.r }),
    ),
    time(1000, (i) => opened(byReceipt.get(sample[i % sample.length]!.r) as Record<string, unknown>)),
    'p99 < 2 ms',
  );
  const byPhone = sqlite.prepare(
    `${withOfficer} WHERE c.phone_bidx = ? ORDER BY c.received_at DESC LIMIT 200`,
  );
  report(
    size,
    'lookup by phone (blind index)',
    await timeAsync(1000, (i) => call('complaints.findByContact', { phone: phones[i % phones.length] })),
    time(1000, (i) =>
      (
        byPhone.all(cipher.blindIndex('phone', phones[i % phones.length]!)) as Array<Record<string, unknown>>
      ).map(opened),
    ),
    'p99 < 2 ms',
  );

  // Queue first pages: each filter combination beside the equivalent hand-written query.
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const combos: Array<[string, Record<string, unknown>, string, unknown[]]> = [
    ['queue: newest, no filter', {}, 'SELECT * FROM complaints ORDER BY received_at DESC LIMIT 51', []],
    [
      'queue: status BARU',
      { statuses: ['BARU'] },
      "SELECT * FROM complaints WHERE status = 'BARU' ORDER BY received_at DESC LIMIT 51",
      [],
    ],
    [
      'queue: agency DPUPR + status TERDISPOSISI',
      { agencyCode: 'DPUPR', statuses: ['TERDISPOSISI'] },
      "SELECT * FROM complaints WHERE agency_code = 'DPUPR' AND status = 'TERDISPOSISI' ORDER BY received_at DESC LIMIT 51",
      [],
    ],
    [
      'queue: kecamatan + channel',
      { kecamatanCode: '35.13.19', channel: 'WHATSAPP' },
      "SELECT * FROM complaints WHERE kecamatan_code = '35.13.19' AND channel = 'WHATSAPP' ORDER BY received_at DESC LIMIT 51",
      [],
    ],
    [
      'queue: category + last 30 days',
      { categoryId: 5, from: monthAgo.slice(0, 10) },
      'SELECT * FROM complaints WHERE category_id = 5 AND received_at >= ? ORDER BY received_at DESC LIMIT 51',
      [monthAgo],
    ],
    [
      'queue: late only',
      { lateOnly: true },
      'SELECT * FROM complaints WHERE current_due IS NOT NULL AND current_due < ? ORDER BY received_at DESC LIMIT 51',
      [today],
    ],
    [
      'queue: late only + agency',
      { lateOnly: true, agencyCode: 'DINKES' },
      "SELECT * FROM complaints WHERE agency_code = 'DINKES' AND current_due IS NOT NULL AND current_due < ? ORDER BY received_at DESC LIMIT 51",
      [today],
    ],
    [
      'queue: most urgent first',
      { sort: 'urgent' },
      'SELECT * FROM complaints WHERE current_due IS NOT NULL ORDER BY current_due, received_at LIMIT 51',
      [],
    ],
    [
      'queue: officer + status SELESAI',
      {
        officerId: (sqlite.prepare('SELECT id FROM accounts LIMIT 1').get() as { id: string }).id,
        statuses: ['SELESAI'],
      },
      "SELECT * FROM complaints WHERE officer_id = (SELECT id FROM accounts LIMIT 1) AND status = 'SELESAI' ORDER BY received_at DESC LIMIT 51",
      [],
    ],
  ];
  for (const [name, filters, sql, params] of combos) {
    const raw = sqlite.prepare(sql);
    report(
      size,
      name,
      await timeAsync(200, () => call('complaints.queue', { sort: 'newest', limit: 50, ...filters })),
      time(200, () => raw.all(...params)),
      'p99 < 10 ms',
    );
  }

  // The saved views (issue 13), as the bench's admin sees them, beside the plain SQL of each; their
  // six counts together (polled by the queue every 30 s) beside six plain capped counts.
  const adminId = (sqlite.prepare("SELECT id FROM accounts WHERE name = 'admin'").get() as { id: string }).id;
  const openStatuses = `('BARU','TERVERIFIKASI','TERDISPOSISI','DITINDAKLANJUTI','DITANGGAPI','TUNDA')`;
  const viewSql: Array<[string, string, unknown[]]> = [
    ['mine', 'SELECT * FROM complaints WHERE officer_id = ? ORDER BY received_at DESC LIMIT 51', [adminId]],
    [
      'dueToday',
      'SELECT * FROM complaints WHERE current_due = ? ORDER BY received_at DESC LIMIT 51',
      [today],
    ],
    [
      'late',
      'SELECT * FROM complaints WHERE current_due IS NOT NULL AND current_due < ? ORDER BY received_at DESC LIMIT 51',
      [today],
    ],
    ['toVerify', "SELECT * FROM complaints WHERE status = 'BARU' ORDER BY received_at DESC LIMIT 51", []],
    [
      'returned',
      "SELECT * FROM complaints WHERE id IN (SELECT complaint_id FROM complaint_reviews WHERE state = 'returned') ORDER BY received_at DESC LIMIT 51",
      [],
    ],
    [
      'notInLapor',
      `SELECT * FROM complaints WHERE lapor_tracking_id IS NULL AND status IN ${openStatuses} ORDER BY received_at DESC LIMIT 51`,
      [],
    ],
  ];
  for (const [view, sql, params] of viewSql) {
    const raw = sqlite.prepare(sql);
    report(
      size,
      `queue view: ${view}`,
      await timeAsync(200, () => call('complaints.queue', { view, limit: 50 })),
      time(200, () => raw.all(...params)),
      'p99 < 10 ms',
    );
  }
  const rawCounts = viewSql.map(([, sql, params]) => ({
    st: sqlite.prepare(`SELECT count(*) FROM (${sql.replace(/ ORDER BY .*$/, '')} LIMIT 10001)`),
    params,
  }));
  report(
    size,
    'the six view counts together',
    await timeAsync(50, () => call('complaints.viewCounts', {}), 3),
    time(50, () => rawCounts.forEach(({ st, params }) => st.get(...params)), 3),
    'p99 < 50 ms',
  );
  const laporRaw = sqlite.prepare('SELECT * FROM complaints WHERE lapor_tracking_id = ? LIMIT 51');
  report(
    size,
    'Cari #LAPOR! ID',
    await timeAsync(200, () => call('complaints.queue', { search: '#9165816', limit: 50 })),
    time(200, () => laporRaw.all('9165816')),
    'p99 < 10 ms',
  );

  // Word search (FTS5): common, rare, prefix and two-word queries, with and without a filter.
  const words = [
    'jalan',
    'lampu',
    'puskesmas',
    'pungutan',
    'sampah menumpuk',
    'banj',
    'kraksaan',
    'pdam keruh',
    'bromo',
    'obat kosong',
  ];
  const rawFts = sqlite.prepare(
    'SELECT c.* FROM complaint_fts f JOIN complaints c ON c.seq = f.rowid WHERE complaint_fts MATCH ? ORDER BY f.rowid DESC LIMIT 51',
  );
  const fts = (w: string) =>
    w
      .split(' ')
      .map((t) => `"${t}"*`)
      .join(' ');
  report(
    size,
    'search by words',
    await timeAsync(300, (i) =>
      call('complaints.queue', { sort: 'newest', limit: 50, search: words[i % words.length] }),
    ),
    time(300, (i) => rawFts.all(fts(words[i % words.length]!))),
    'p99 < 50 ms',
  );
  const rawFtsFiltered = sqlite.prepare(
    "SELECT c.* FROM complaint_fts f JOIN complaints c ON c.seq = f.rowid WHERE complaint_fts MATCH ? AND c.agency_code = 'DPUPR' ORDER BY f.rowid DESC LIMIT 51",
  );
  report(
    size,
    'search by words + agency filter',
    await timeAsync(300, (i) =>
      call('complaints.queue', {
        sort: 'newest',
        limit: 50,
        search: words[i % words.length],
        agencyCode: 'DPUPR',
      }),
    ),
    time(300, (i) => rawFtsFiltered.all(fts(words[i % words.length]!))),
    'p99 < 50 ms',
  );

  // Saving one complaint: the desk's whole call beside its honest floor (test/bench/save.ts: the same
  // rows by prepared statements in one FULL-sync transaction), alternated, 1,000 of each so that p99
  // is the tenth slowest and not one unlucky fsync.
  const saves = await benchSave(core.ctx, () => call('complaints.create', saveInput));
  report(size, 'save one complaint (FULL sync)', saves.desk, saves.raw, 'p99 < 5 ms, <= x2 floor');

  if (process.env.BENCH_SUPERVISOR !== '0')
    await benchSupervisor(
      sqlite,
      call,
      (name, desk, raw, target) => report(size, name, desk, raw, target),
      log,
      dir,
      { reports: core.reports },
    );

  const rss = process.memoryUsage().rss / 1024 / 1024;
  log(`  main-process memory (RSS) after the run: ${rss.toFixed(0)} MB   target < 300 MB`);
  core.close();
  return { rss };
}

const results: Record<number, { rss: number }> = {};
for (const size of sizes) results[size] = await benchSize(size);

let drain: Awaited<ReturnType<typeof benchDrain>> | null = null;
if (process.env.BENCH_DRAIN !== '0') {
  log('\n== forwarding: draining 10,000 waiting complaints to a fake central server on loopback');
  drain = await benchDrain(Number(process.env.BENCH_DRAIN_COUNT ?? 10_000), log);
}

let browser: Awaited<ReturnType<typeof measureBrowser>> | null = null;
if (process.env.BENCH_BROWSER !== '0') {
  const largest = Math.max(...sizes);
  log(`\n== browser mode in Chromium, ${largest.toLocaleString('en')} complaints`);
  browser = await measureBrowser(join(repoRoot, 'bench-data', String(largest)), benchAdmin, log);
}

let counter: Awaited<ReturnType<typeof measureCounter>> | null = null;
if (process.env.BENCH_COUNTER !== '0') {
  const largest = Math.max(...sizes);
  log(`\n== the counter in Chromium, ${largest.toLocaleString('en')} complaints`);
  counter = await measureCounter(join(repoRoot, 'bench-data', String(largest)), benchAdmin, log);
}

const out = join(repoRoot, 'bench-data', `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(out, JSON.stringify({ rows, results, drain, browser, counter }, null, 2));
log(`\nresults written to ${out}`);
