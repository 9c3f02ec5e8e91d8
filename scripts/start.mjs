// npm start: the desktop shell where an Electron binary exists, otherwise browser mode.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNode22, buildIfStale, root, hostNodeFlags } from './build-if-stale.mjs';

/** The Electron executable, without triggering the electron package's lazy download. */
export function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

assertNode22();
buildIfStale();
const binary = electronBinary();
const args = process.argv.slice(2);
let child;
if (binary) {
  child = spawn(binary, [root, ...args], { stdio: 'inherit' });
} else {
  console.log(
    'Electron tidak tersedia di mesin ini (binernya tidak terpasang), jadi Meja Pengaduan berjalan dalam mode peramban.',
  );
  child = spawn(process.execPath, [...hostNodeFlags, join(root, 'out', 'main', 'host.js'), ...args], {
    stdio: 'inherit',
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
