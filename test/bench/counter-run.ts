import { join } from 'node:path';
import { repoRoot } from '../support/core';
import { benchAdmin, buildDataset } from './build-dataset';
import { measureCounter } from './counter';
const size = Number(process.env.SIZE ?? '100000');
const dir = join(repoRoot, 'bench-data', String(size));
await buildDataset(dir, size, (s) => console.log(s));
await measureCounter(dir, benchAdmin, (s) => console.log(s));
