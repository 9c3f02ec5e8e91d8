/**
 * Forwarding attachments (issue 15): 1,000 complaints with two photos each, recorded while offline,
 * then drained to the fake central server in another process over loopback; throughput in MB/s of
 * file bytes, beside a plain loop sending the same requests (the same JSON bodies and the same file
 * bytes in the same 1 MiB pieces, in the same per-complaint order and concurrency) with no checks,
 * no bookkeeping and no disk.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { Agent, request } from 'undici';
import { createApi } from '../../src/main/api';
import { createCore } from '../../src/main/core';
import { attachmentLimits } from '../../src/main/forwarding/central-files';
import { loadOrCreateKeyFile } from '../../src/main/platform/crypto/key-file';
import { uploadChunkBytes } from '../../src/shared/contract/attachments';
import { migrationsFolder, referenceDataDir, repoRoot, tempDir } from '../support/core';

export async function benchForwardFiles(count: number, log: (s: string) => void) {
  const server = spawn(
    join(repoRoot, 'node_modules', '.bin', 'tsx'),
    [join(repoRoot, 'test', 'bench', 'central-server.ts')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
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
  const url = `http://127.0.0.1:${port}`;
  const dir = tempDir('desk-files-');
  const concurrency = 8;
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
  try {
    await call('setup.initialize', {
      deskCode: 'PBL01',
      siteName: 'MPP bench',
      admin: { name: 'admin', displayName: 'Admin', secret: 'bench-admin-1' },
    });
    await call('auth.signIn', { name: 'admin', secret: 'bench-admin-1' });
    // A phone photo as the desk keeps it is about 2048 x 1536; each one different (no deduplication).
    log(`  recording ${count.toLocaleString('en')} complaints with two photos each while offline…`);
    for (let i = 0; i < count; i++) {
      const { id } = (await call('complaints.create', {
        type: 'PENGADUAN',
        channel: 'TATAP_MUKA',
        title: `Jalan berlubang depan pasar nomor ${i}`,
        agencyCode: 'DPUPR',
        body: 'Jalan di depan pasar berlubang sejak sebulan dan membahayakan pengendara motor pada malam hari.',
        complainantName: 'Siti Aminah',
        phone: '081234567890',
      })) as { id: string };
      for (let k = 0; k < 2; k++) {
        // Coarse noise of its own, so that no two photos are alike after the desk's re-encoding.
        const photo = await sharp(randomBytes(512 * 384 * 3), {
          raw: { width: 512, height: 384, channels: 3 },
        })
          .resize(2048, 1536, { kernel: 'nearest' })
          .blur(1.5)
          .jpeg({ quality: 90 })
          .toBuffer();
        const uploadId = randomUUID();
        for (let offset = 0; offset < photo.length; offset += uploadChunkBytes)
          await call('attachments.upload', {
            uploadId,
            offset,
            total: photo.length,
            chunk: photo.subarray(offset, offset + uploadChunkBytes).toString('base64'),
          });
        await call('attachments.add', { uploadId, complaintId: id, name: `foto-${k}.jpg` });
      }
    }
    // What the desk will send, per complaint in its order: JSON bodies, and files by their bytes.
    type Step = {
      method: 'PUT' | 'POST' | 'PATCH';
      path: string;
      body: string | Buffer;
      headers?: Record<string, string>;
    };
    const perComplaint = new Map<string, Step[]>();
    let fileBytes = 0;
    for (const r of core.ctx.sqlite
      .prepare('SELECT kind, ref_id AS ref, payload_enc AS p, complaint_id AS c FROM outbox ORDER BY id')
      .all() as Array<{ kind: string; ref: string; p: string; c: string }>) {
      const list = perComplaint.get(r.c) ?? [];
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
      perComplaint.set(r.c, list);
    }
    const groups = [...perComplaint.values()];
    const agent = new Agent({ connections: 16 });
    const auth = { Authorization: 'Bearer central-token', 'X-Desk-Code': 'PBL01' };
    const reset = async () => {
      server.stdin.write('reset\n');
      await nextLine();
    };
    const timed = async (run: () => Promise<void>) => {
      const t = process.hrtime.bigint();
      await run();
      return Number(process.hrtime.bigint() - t) / 1e9;
    };
    const plainLoop = async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < groups.length)
            for (const s of groups[next++]!) {
              const res = await request(`${url}${s.path}`, {
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
    const deskDrain = async () => {
      while (core.forwarding.status().waiting > 0) await core.forwarding.wake();
    };
    const markUnsent = () =>
      core.ctx.sqlite
        .prepare("UPDATE outbox SET state = 'pending', next_attempt_at = '1970-01-01T00:00:00.000Z'")
        .run();
    await call('forwarding.saveSettings', { url, token: 'central-token', enabled: true });
    core.forwarding.start();
    // A first desk drain and a first plain loop warm both sides; then alternating rounds.
    await deskDrain();
    server.stdin.write('count\n');
    const [complaints, events, files, stored] = (await nextLine()).split(' ').slice(1).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    await reset();
    await plainLoop();
    await reset();
    const plainTimes: number[] = [];
    const deskTimes: number[] = [];
    for (let round = 0; round < 3; round++) {
      plainTimes.push(await timed(plainLoop));
      await reset();
      markUnsent();
      deskTimes.push(await timed(deskDrain));
      await reset();
    }
    await agent.close();
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const mb = fileBytes / 1024 / 1024;
    const plain = median(plainTimes);
    const desk = median(deskTimes);
    log(
      `  ${count.toLocaleString('en')} complaints, ${files} photos, ${mb.toFixed(0)} MB of files (${(fileBytes / files / 1024).toFixed(0)} kB each)`,
    );
    log(
      `  rounds (s): plain ${plainTimes.map((x) => x.toFixed(2)).join(', ')}; desk ${deskTimes.map((x) => x.toFixed(2)).join(', ')}`,
    );
    log(
      `  forwarding complaints with their photos   desk ${(mb / desk).toFixed(1)} MB/s (${desk.toFixed(2)} s)   plain upload loop ${(mb / plain).toFixed(1)} MB/s (${plain.toFixed(2)} s)   x${(desk / plain).toFixed(2)}`,
    );
    log(
      `  server held after the first drain: ${complaints} complaints, ${events} events, ${files} files, ${(stored / 1024 / 1024).toFixed(0)} MB stored (each byte once)`,
    );
    return { mbPerSecond: mb / desk, plainMbPerSecond: mb / plain };
  } finally {
    core.close();
    server.kill();
    dir.remove();
  }
}
