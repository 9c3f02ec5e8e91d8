/**
 * What the forwarding benches share: the fake central server in a process of its own (central-server.ts,
 * so it does not share the desk's CPU), told to reset or to count over its stdin, and a fresh desk set
 * up and signed in, forwarding with `concurrency` lanes.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createApi } from '../../src/main/api';
import { createCore, type Core } from '../../src/main/core';
import { attachmentLimits } from '../../src/main/forwarding/central-files';
import { Agent, request } from 'undici';
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

/** One request a drain makes: a JSON body, or a file's piece with its own headers. */
export interface Step {
  method: 'PUT' | 'POST' | 'PATCH';
  path: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** Seconds `run` takes. */
export async function timed(run: () => Promise<void>): Promise<number> {
  const t = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

export const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

/**
 * The desk's drain beside a plain loop of the same requests (each record's in order on one of
 * `lanes` lanes, undici, no checks, bookkeeping or disk): `rounds` alternating rounds, each alone on
 * the machine, the server forgetting everything between them. Seconds of each round.
 */
export async function alternateDrains(opts: {
  url: string;
  groups: Step[][];
  lanes: number;
  core: Core;
  central: { reset(): Promise<void> };
  rounds?: number;
}) {
  const agent = new Agent({ connections: 16 });
  const auth = { Authorization: 'Bearer central-token', 'X-Desk-Code': 'PBL01' };
  const plainLoop = async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: opts.lanes }, async () => {
        while (next < opts.groups.length)
          for (const s of opts.groups[next++]!) {
            const res = await request(`${opts.url}${s.path}`, {
              method: s.method,
              headers: { ...auth, 'Content-Type': 'application/json', ...s.headers },
              body: s.body,
              dispatcher: agent,
            });
            await res.body.text();
          }
      }),
    );
  };
  const deskDrain = () => drainDesk(opts.core);
  // A plain loop first warms its side (the desk's was warmed by the caller's first drain).
  await plainLoop();
  await opts.central.reset();
  const plainTimes: number[] = [];
  const deskTimes: number[] = [];
  for (let round = 0; round < (opts.rounds ?? 3); round++) {
    plainTimes.push(await timed(plainLoop));
    await opts.central.reset();
    opts.core.ctx.sqlite
      .prepare("UPDATE outbox SET state = 'pending', next_attempt_at = '1970-01-01T00:00:00.000Z'")
      .run();
    deskTimes.push(await timed(deskDrain));
    await opts.central.reset();
  }
  await agent.close();
  return { plainTimes, deskTimes };
}

/** The desk sending until nothing waits. */
export async function drainDesk(core: Core) {
  while (core.forwarding.status().waiting > 0) await core.forwarding.wake();
}

/**
 * What the desk will send, read from its outbox: per record in its order, JSON bodies as frozen, and a
 * file's bytes in the pieces the desk sends them in. `fileBytes`: the files' bytes in all.
 */
export function outboxSteps(core: Core): { groups: Step[][]; fileBytes: number } {
  const perRecord = new Map<string, Step[]>();
  let fileBytes = 0;
  for (const r of core.ctx.sqlite
    .prepare('SELECT kind, ref_id AS ref, payload_enc AS p, complaint_id AS c FROM outbox ORDER BY id')
    .all() as Array<{ kind: string; ref: string; p: string; c: string }>) {
    const list = perRecord.get(r.c) ?? [];
    const body = r.p.startsWith('{') ? r.p : core.ctx.cipher.decrypt('outbox', r.p);
    if (r.kind === 'attachment') {
      const { sha256 } = JSON.parse(body) as { sha256: string };
      const bytes = core.attachments.contentOf(sha256)!;
      fileBytes += bytes.length;
      for (let offset = 0; offset < bytes.length; offset += attachmentLimits.chunkBytes)
        list.push({
          method: 'PATCH',
          path: `/v1/attachments/${sha256}`,
          body: bytes.subarray(offset, offset + attachmentLimits.chunkBytes),
          headers: {
            'Content-Type': 'application/offset+octet-stream',
            'Upload-Offset': String(offset),
            'Upload-Length': String(bytes.length),
          },
        });
    } else
      list.push({
        method: r.kind === 'complaint' ? 'PUT' : 'POST',
        path: r.kind === 'complaint' ? `/v1/complaints/${r.ref}` : `/v1/complaints/${r.c}/events`,
        body,
      });
    perRecord.set(r.c, list);
  }
  return { groups: [...perRecord.values()], fileBytes };
}
