// npm run serve -- --data <folder> --port <n>: the desk in browser mode on 127.0.0.1.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { assertNode22, buildIfStale, root, hostNodeFlags } from './build-if-stale.mjs';

assertNode22();
buildIfStale();
const child = spawn(
  process.execPath,
  [...hostNodeFlags, join(root, 'out', 'main', 'host.js'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
