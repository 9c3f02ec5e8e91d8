/**
 * Operations at size: a backup of the database while an officer saves (the backup's time, and save
 * p99 during it beside save p99 without it), a restore of that backup, verifying the whole hash chain,
 * and a retention purge of the closed complaints' personal data with the desk answering meanwhile.
 * The floors: a plain file copy of the database (the least a backup can cost), and a plain
 * sequential read of the events table (the least a chain verify can cost).
 *
 *   npm run bench:ops            (BENCH_SIZES=100000 by default here; 1000000 for the issue's figures)
 */
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { createApi } from '../../src/main/api';
import { restoreBackup } from '../../src/main/backups';
import { createLog } from '../../src/main/platform/log';
import { writeKeyFile } from '../../src/main/platform/crypto/key-file';
import { migrationsFolder, repoRoot, sampleComplaint } from '../support/core';
import { benchAdmin, buildDataset, openBenchCore } from './build-dataset';
import { ms, summarize, type Timing } from './stats';

const log = (s: string) => console.log(s);
const sleep = (n: number) => new Promise((r) => setTimeout(r, n));
const line = (name: string, value: string) => log(`  ${name.padEnd(52)} ${value}`);
const pct = (t: Timing) => `median ${ms(t.median)} / p99 ${ms(t.p99)} ms`;

type Desk = ReturnType<typeof openBenchCore>;

/** Saves one complaint after another (a pause between, as at a counter) until `until` says stop. */
async function savesWhile(api: ReturnType<typeof createApi>, until: () => boolean, gapMs: number, min = 0) {
  const samples: number[] = [];
  for (let i = 0; until() || i < min; i++) {
    const t = performance.now();
    const r = await api.dispatch(
      'complaints.create',
      { ...sampleComplaint, title: `Bench operasi ${i}` },
      'bench',
    );
    samples.push(performance.now() - t);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    await sleep(gapMs);
  }
  return samples;
}

export async function benchOperations(dir: string, size: number) {
  log(`\n== operations at ${size.toLocaleString('en')} complaints`);
  const file = join(dir, 'desk.sqlite');
  const scratch = mkdtempSync(join(tmpdir(), 'bench-ops-'));
  const figures: Record<string, unknown> = { size };
  let core: Desk | null = openBenchCore(dir);
  try {
    const api = createApi(core);
    const signIn = await api.dispatch('auth.signIn', benchAdmin, 'bench');
    if (!signIn.ok) throw new Error(JSON.stringify(signIn.error));
    await api.dispatch(
      'backups.setRecovery',
      { kind: 'passphrase', passphrase: 'frasa pemulihan bench' },
      'bench',
    );
    line('database file', `${(statSync(file).size / 1024 / 1024).toFixed(0)} MB`);

    // Floor: a plain copy of the file (the desk idle; no check, no encryption).
    core.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    let t = performance.now();
    copyFileSync(file, join(scratch, 'plain-copy.sqlite'));
    const plainCopyMs = performance.now() - t;
    rmSync(join(scratch, 'plain-copy.sqlite'));
    line('floor: plain file copy', `${(plainCopyMs / 1000).toFixed(1)} s`);

    const baseline = summarize(await savesWhile(api, () => false, 20, 200));
    line('save, no backup running (200 saves)', pct(baseline));
    let done = false;
    t = performance.now();
    const backup = core.backups.run('manual').finally(() => (done = true));
    const during = summarize(await savesWhile(api, () => !done, 20, 20));
    const made = await backup;
    const backupMs = performance.now() - t;
    line(
      'backup while saving (snapshot, check, encrypt, verify)',
      `${(backupMs / 1000).toFixed(1)} s, ${(made.bytes / 1024 / 1024).toFixed(0)} MB`,
    );
    line(
      `save during the backup (${during.n} saves)`,
      `${pct(during)}   x${(during.p99 / baseline.p99).toFixed(2)} of p99 without (target <= 2)`,
    );
    Object.assign(figures, { plainCopyMs, backupMs, saveBaseline: baseline, saveDuringBackup: during });

    // The chain over the whole history.
    const verify = await core.trail.verify();
    line(
      'verify the whole hash chain',
      `${(verify.ms / 1000).toFixed(2)} s for ${verify.checked.events.toLocaleString('en')} history + ${verify.checked.audit} audit rows (target < 10 s), ${verify.ok ? 'holds' : 'BROKEN'}`,
    );
    const raw = new Database(file, { readonly: true });
    t = performance.now();
    let n = 0;
    for (const _ of raw.prepare('SELECT * FROM complaint_events ORDER BY chain_seq').iterate()) n++;
    const readMs = performance.now() - t;
    raw.close();
    line(
      'floor: read every history row in chain order',
      `${(readMs / 1000).toFixed(2)} s (${n.toLocaleString('en')} rows)`,
    );
    Object.assign(figures, { verifyMs: verify.ms, verifyFloorMs: readMs, chainRows: verify.checked });

    core.close();
    core = null;
    // Restore onto a fresh folder.
    const restored = join(scratch, 'restored');
    t = performance.now();
    await restoreBackup({
      dataDir: restored,
      from: made.path,
      migrationsFolder,
      passphrase: 'frasa pemulihan bench',
      keyFiles: [join(restored, 'desk.key')],
      storeKey: (key) => writeKeyFile(join(restored, 'desk.key'), key),
      log: createLog(null),
    });
    const restoreMs = performance.now() - t;
    line('restore onto a fresh folder (decrypt, check, migrate)', `${(restoreMs / 1000).toFixed(1)} s`);
    rmSync(made.path, { force: true });
    figures.restoreMs = restoreMs;

    // Retention on the restored copy: everything closed more than a month ago, the desk answering meanwhile.
    const copy = openBenchCore(restored);
    try {
      const copyApi = createApi(copy);
      const s = await copyApi.dispatch('auth.signIn', benchAdmin, 'bench');
      if (!s.ok) throw new Error(JSON.stringify(s.error));
      // About 100,000 records' personal data (the issue's figure), or every closed one on a smaller
      // data set: the data spans three years evenly, so the retention period picks the oldest share.
      const closed = copy.ctx.sqlite
        .prepare("SELECT count(*) FROM complaints WHERE status IN ('SELESAI', 'DIARSIPKAN')")
        .pluck()
        .get() as number;
      const months = closed <= 100_000 ? 1 : Math.max(1, 36 - Math.floor((36 * 100_000) / closed));
      copy.settings.update({ retentionMonths: months });
      let purging = true;
      t = performance.now();
      const purge = copy.privacy.purgeExpired(null).finally(() => (purging = false));
      const meanwhile = summarize(await savesWhile(copyApi, () => purging, 50, 5));
      const result = await purge;
      const purgeMs = performance.now() - t;
      line(
        `purge personal data of ${result.purged.toLocaleString('en')} closed complaints`,
        `${(purgeMs / 1000).toFixed(1)} s (${((purgeMs / Math.max(result.purged, 1)) * 100).toFixed(1)} ms per 100)`,
      );
      line(`save while the purge runs (${meanwhile.n} saves)`, pct(meanwhile));
      Object.assign(figures, {
        purgeMs,
        purged: result.purged,
        retentionMonths: months,
        saveDuringPurge: meanwhile,
      });
    } finally {
      copy.close();
    }
  } finally {
    core?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const sizes = (process.env.BENCH_SIZES ?? '100000').split(',').map(Number);
  const all: unknown[] = [];
  for (const size of sizes) {
    const dir = join(repoRoot, 'bench-data', String(size));
    await buildDataset(dir, size, log);
    all.push(await benchOperations(dir, size));
  }
  writeFileSync(join(repoRoot, 'bench-data', 'operations.json'), JSON.stringify(all, null, 2));
}
