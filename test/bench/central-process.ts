/**
 * What the forwarding benches share: the fake central server in a process of its own (central-server.ts,
 * so it does not share the desk's CPU), told to reset or to count over its stdin, and a fresh desk set
 * up and signed in, forwarding with `concurrency` lanes.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createApi } from '../../src/main/api';
import { createCore } from '../../src/main/core';
import { loadOrCreateKeyFile } from '../../src/main/platform/crypto/key-file';
import { migrationsFolder, referenceDataDir, repoRoot, tempDir } from '../support/core';

export async function startCentralProcess() {
  const server = spawn(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    [join(repoRoot, 'test', 'bench', 'central-server.ts')],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  const waiters: Array<(l: string) => void> = [];
  server.stdout.on('data', (d: Buffer) => {
    for (const l of d.toString().split('\n').filter(Boolean)) {
      const w = waiters.shift();
      if (w) w(l);
      else lines.push(l);
    }
  });
  const nextLine = () => new Promise<string>((r) => (lines.length ? r(lines.shift()!) : waiters.push(r)));
  const port = Number((await nextLine()).split(' ')[1]);
  return {
    url: `http://127.0.0.1:${port}`,
    /** Forgets everything stored. */
    async reset() {
      server.stdin.write('reset\n');
      await nextLine();
    },
    /** complaints, events, files, bytes of files stored. */
    async count(): Promise<[number, number, number, number]> {
      server.stdin.write('count\n');
      return (await nextLine()).split(' ').slice(1).map(Number) as [number, number, number, number];
    },
    stop: () => server.kill(),
  };
}

/** A fresh desk in a temporary folder, set up, its admin signed in as caller `b`. */
export async function benchDesk(prefix: string, concurrency: number) {
  const dir = tempDir(prefix);
  const core = createCore({
    dataDir: dir.path,
    migrationsFolder,
    referenceDataDir,
    masterKey: loadOrCreateKeyFile(join(dir.path, 'desk.key')),
    shell: 'browser',
    version: 'bench',
    forwarding: { concurrency },
  });
  const api = createApi(core);
  const call = async (method: string, input: unknown) => {
    const r = await api.dispatch(method, input, 'b');
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  await call('setup.initialize', {
    deskCode: 'PBL01',
    siteName: 'MPP bench',
    admin: { name: 'admin', displayName: 'Admin', secret: 'bench-admin-1' },
  });
  await call('auth.signIn', { name: 'admin', secret: 'bench-admin-1' });
  return {
    core,
    api,
    call,
    close() {
      core.close();
      dir.remove();
    },
  };
}
