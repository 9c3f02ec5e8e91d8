/** Starts the real browser-mode host (out/main/host.js) on a temporary data folder. */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import hostNodeFlags from '../../scripts/host-node-flags.json' with { type: 'json' };
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcessByStdio<null, Readable, Readable>;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Node 22 (from the npm `node` package) runs the host: better-sqlite3 13 needs it. */
export const node22 = join(repoRoot, 'node_modules', '.bin', 'node');

/**
 * The environment a desk process of this data folder runs with: its key lives outside the data folder
 * (host/key-location.ts), here in a folder beside it, so tests leave nothing in the account's home.
 */
export const hostEnv = (dataDir: string, extra: Record<string, string> = {}) => ({
  ...process.env,
  XDG_CONFIG_HOME: `${dataDir}.config`,
  ...extra,
});

export async function startHost(opts: { dataDir?: string } = {}): Promise<RunningHost> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  // The flags `npm start` and `npm run serve` give the host, and HOST_NODE_ARGS: more flags for the
  // host's Node (a bench's `--cpu-prof --cpu-prof-dir=…`).
  const nodeArgs = [...hostNodeFlags, ...(process.env.HOST_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const host = join(repoRoot, 'out', 'main', 'host.js');
  const child = spawn(node22, [...nodeArgs, host, '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: hostEnv(dataDir),
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    // A host that does not answer in time is stopped: left running it would hold the data folder
    // (and, on a bench database, work through a migration for half an hour in the background).
    const timer = setTimeout(
      () => {
        child.kill('SIGKILL');
        reject(new Error(`host did not start:\n${output}`));
      },
      Number(process.env.HOST_START_TIMEOUT_MS ?? 20_000),
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    dataDir,
    process: child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill(signal);
        await exited;
      }
      if (!opts.dataDir) {
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(`${dataDir}.config`, { recursive: true, force: true });
      }
    },
  };
}
