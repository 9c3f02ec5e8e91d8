/**
 * The XLSX export's memory in a process of its own (as the desk's main process is: the core open and
 * nothing else run before), so the peak measured is the export's and not what earlier benchmarks left
 * in the heap. Run by test/bench/supervisor.ts: tsx export-memory.ts <data dir> <from> <to>; prints
 * one JSON line { ms, rssBefore, peak } (bytes).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createApi } from '../../src/main/api';
import { benchAdmin, openBenchCore } from './build-dataset';

const [dir, from, to] = process.argv.slice(2) as [string, string, string];
const core = openBenchCore(dir);
const api = createApi(core);
const call = async (method: string, input: unknown) => {
  const r = await api.dispatch(method, input, 'bench');
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
};
await call('auth.signIn', benchAdmin);
const out = join(dir, 'exports-memory');
rmSync(out, { recursive: true, force: true });
await call('settings.update', { exportFolder: out });
const rssBefore = process.memoryUsage().rss;
let peak = rssBefore;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = performance.now();
await call('reports.export', { period: { kind: 'range', from, to }, format: 'xlsx' });
const ms = performance.now() - started;
clearInterval(sampler);
await call('settings.update', { exportFolder: '' });
core.close();
rmSync(out, { recursive: true, force: true });
console.log(JSON.stringify({ ms, rssBefore, peak }));
