// Builds the app (electron-vite build) when out/ is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

export function assertNode22() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    console.error(
      `Meja Pengaduan butuh Node.js 22 atau lebih baru (ini ${process.versions.node}). Jalankan lewat npm (npm start / npm run serve), yang memakai Node 22 dari paket "node".`,
    );
    process.exit(1);
  }
}

export function buildIfStale() {
  const marker = join(root, 'out', 'main', 'host.js');
  const sources = ['src', 'electron.vite.config.ts', 'package.json'].map((p) => join(root, p));
  const built = existsSync(marker) && existsSync(join(root, 'out', 'renderer', 'index.html'));
  if (built && statSync(marker).mtimeMs >= Math.max(...sources.map(newest))) return;
  console.error('Membangun aplikasi (electron-vite build)…');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) {
    console.error('Pembangunan gagal; lihat pesan di atas.');
    process.exit(result.status ?? 1);
  }
}

/**
 * Node flags for the browser-mode host (scripts/host-node-flags.json, which the tests' host reads too):
 * a 4 MB young generation instead of Node 22's 16 MB semi-spaces (measured by npm run bench:soak at
 * 1M: the first hour's peak RSS 267 MB -> 215-231 MB, the same speed).
 */
export const hostNodeFlags = JSON.parse(readFileSync(join(root, 'scripts', 'host-node-flags.json'), 'utf8'));
