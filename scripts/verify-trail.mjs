// npm run verify-trail -- [--data <folder>]: checks the hash chain of the audit trail and the history.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { assertNode22, buildIfStale, root } from './build-if-stale.mjs';

assertNode22();
buildIfStale();
const child = spawn(process.execPath, [join(root, 'out', 'main', 'verify.js'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
