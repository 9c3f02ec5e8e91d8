/**
 * One Chromium section of npm run bench on its own, on the largest of BENCH_SIZES (default 100000),
 * building or reusing its data set (needs `npm run build` first, like the e2e tests):
 *   npm run bench:counter   the counter's feel with the CPU slowed (test/bench/counter.ts)
 *   npm run bench:browser   queue first rows and Cari, last key to list updated (test/bench/browser.ts)
 */
import { join } from 'node:path';
import { repoRoot } from '../support/core';
import { benchAdmin, buildDataset } from './build-dataset';
import { measureBrowser } from './browser';
import { measureCounter } from './counter';

const sections = { counter: measureCounter, browser: measureBrowser };
const name = process.argv[2] as keyof typeof sections;
if (!(name in sections)) throw new Error(`usage: section.ts ${Object.keys(sections).join('|')}`);
const size = Math.max(...(process.env.BENCH_SIZES ?? '100000').split(',').map(Number));
const dir = join(repoRoot, 'bench-data', String(size));
const log = (s: string) => console.log(s);
await buildDataset(dir, size, log);
log(`\n== ${name} in Chromium, ${size.toLocaleString('en')} complaints`);
await sections[name](dir, benchAdmin, log);
