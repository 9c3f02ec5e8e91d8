/**
 * npm run bench:save: only the save beside its honest floor (test/bench/save.ts), on the largest of
 * BENCH_SIZES (default 1000000), run BENCH_RUNS times (default 3), each run in a fresh core, with
 * BENCH_PROFILE=1 a CPU profile of the desk's saves in the first run (top self time printed).
 */
import { join } from 'node:path';
import { createApi } from '../../src/main/api';
import { repoRoot } from '../support/core';
import { benchAdmin, buildDataset, openBenchCore } from './build-dataset';
import { startProfile } from './profile';
import { benchSave, saveInput } from './save';
import { ms } from './stats';

const size = Math.max(...(process.env.BENCH_SIZES ?? '1000000').split(',').map(Number));
const dir = join(repoRoot, 'bench-data', String(size));
const log = (s: string) => console.log(s);
await buildDataset(dir, size, log);
log(`\n== saving one complaint at ${size.toLocaleString('en')}: desk beside its floor, alternated`);
const runs = Number(process.env.BENCH_RUNS ?? 3);
for (let run = 1; run <= runs; run++) {
  const core = openBenchCore(dir);
  const api = createApi(core);
  const signIn = await api.dispatch('auth.signIn', benchAdmin, 'bench');
  if (!signIn.ok) throw new Error(JSON.stringify(signIn.error));
  const profile = run === 1 ? await startProfile() : { stop: async () => undefined };
  const { desk, raw } = await benchSave(core.ctx, async () => {
    const r = await api.dispatch('complaints.create', saveInput, 'bench');
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value;
  });
  await profile.stop('save');
  log(
    `  run ${run}: desk ${ms(desk.median)} / ${ms(desk.p99)} ms   floor ${ms(raw.median)} / ${ms(raw.p99)} ms   x${(desk.median / raw.median).toFixed(2)} median, x${(desk.p99 / raw.p99).toFixed(2)} p99   (n=${desk.n})   target p99 < 5 ms, <= x2`,
  );
  core.close();
}
