/**
 * npm run bench:counter: only the counter's feel in Chromium (test/bench/counter.ts), on the largest
 * of BENCH_SIZES (default 100000), building or reusing its data set.
 */
import { join } from 'node:path';
import { repoRoot } from '../support/core';
import { benchAdmin, buildDataset } from './build-dataset';
import { measureCounter } from './counter';

const size = Math.max(...(process.env.BENCH_SIZES ?? '100000').split(',').map(Number));
const dir = join(repoRoot, 'bench-data', String(size));
const log = (s: string) => console.log(s);
await buildDataset(dir, size, log);
log(`\n== the counter in Chromium, ${size.toLocaleString('en')} complaints`);
await measureCounter(dir, benchAdmin, log);
