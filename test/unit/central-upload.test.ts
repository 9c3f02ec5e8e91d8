/**
 * A file to the central server (forwarding/upload.ts) against the fake central server on loopback, as
 * the contract's /v1/attachments/{sha256} describes it: in pieces, once, resumed after a dropped
 * connection from what arrived, nothing sent for a file the server holds, and every answer outside the
 * contract refused as the rest of the client refuses it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachmentLimits } from '../../src/main/forwarding/central-files';
import { createCentralClient, type CentralClient } from '../../src/main/forwarding/client';
import { FakeCentral, type Fault } from '../support/fake-central';
import { FakeCentralFiles } from '../support/fake-central-files';

let central: FakeCentral;
let client: CentralClient;
beforeAll(async () => {
  central = await new FakeCentral().start();
});
afterAll(() => central.stop());
beforeEach(async () => {
  central.fileStore = new FakeCentralFiles();
  central.fault = () => 'ok';
  central.seen.length = 0;
  await client?.close();
  client = createCentralClient({
    url: central.url,
    token: central.token,
    deskCode: 'PBL01',
    timeoutMs: 5000,
  });
});

/** A file of `size` random bytes and its SHA-256. */
function file(size: number) {
  const bytes = randomBytes(size);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
const piece = attachmentLimits.chunkBytes;
/** The server holding the first `bytes` of `f` already (an earlier attempt whose answer was lost). */
const holdStart = (
  store: FakeCentralFiles,
  f: ReturnType<typeof file>,
  bytes: number,
  length = f.bytes.length,
) =>
  store.patch(
    f.sha256,
    {
      'content-type': 'application/offset+octet-stream',
      'upload-offset': '0',
      'upload-length': String(length),
    },
    f.bytes.subarray(0, bytes),
  );
/** Faults on the PATCH requests only, the n-th (from 1) getting faults[n - 1]. */
function onPatches(...faults: Fault[]) {
  let n = 0;
  central.fault = (req) => (req.method === 'PATCH' ? (faults[n++] ?? 'ok') : 'ok');
}

describe('a file to the central server', () => {
  it('goes in pieces of at most 1 MiB, is held whole and byte-identical, each byte sent once', async () => {
    const f = file(2 * piece + 12_345);
    expect(await client.putAttachment(f.sha256, f.bytes)).toEqual({ kind: 'delivered', status: 200 });
    expect(central.fileStore.files.get(f.sha256)?.equals(f.bytes)).toBe(true);
    expect(central.fileStore.completions.get(f.sha256)).toBe(1);
    expect(central.fileStore.bytesStored).toBe(f.bytes.length);
    expect(central.seen.map((s) => s.method)).toEqual(['GET', 'PATCH', 'PATCH', 'PATCH']);
    expect(central.seen[1]!.contentType).toBe('application/offset+octet-stream');
  });

  it('sends nothing for a file the server holds whole (a retry, or the same photo on another record)', async () => {
    const f = file(50_000);
    await client.putAttachment(f.sha256, f.bytes);
    central.seen.length = 0;
    expect(await client.putAttachment(f.sha256, f.bytes)).toEqual({ kind: 'delivered', status: 200 });
    expect(central.seen.map((s) => s.method)).toEqual(['GET']);
    expect(central.fileStore.completions.get(f.sha256)).toBe(1);
  });

  it.each<[string, Fault]>([
    ['stored a piece and dropped the connection before answering', 'drop-after-commit'],
    ['stored half a piece and dropped the connection', 'store-half-then-drop'],
    ['stored a piece and answered 500', 'commit-then-500'],
    ['reset the connection before reading the piece', 'reset'],
  ])('goes on from what arrived after a server that %s', async (_what, fault) => {
    const f = file(3 * piece);
    onPatches('ok', fault);
    const first = await client.putAttachment(f.sha256, f.bytes);
    expect(first.kind).toBe('retry');
    const held = central.fileStore.state(f.sha256)!.received;
    expect(held).toBeGreaterThanOrEqual(piece);
    expect(await client.putAttachment(f.sha256, f.bytes)).toMatchObject({ kind: 'delivered' });
    expect(central.fileStore.files.get(f.sha256)?.equals(f.bytes)).toBe(true);
    // Nothing stored twice: the second attempt started where the server was.
    expect(central.fileStore.bytesStored).toBe(f.bytes.length);
  });

  it('asks where to go on when the server holds more than the desk thought (409), and goes on from there', async () => {
    const f = file(2 * piece + 10);
    // The first piece arrived in an earlier attempt whose answer was lost; then the server is asked.
    holdStart(central.fileStore, f, piece);
    let first = true;
    central.fault = (req) => {
      // The GET answers as if nothing were held (a replica behind), so the desk's PATCH at 0 meets a 409.
      if (req.method === 'GET' && first) {
        first = false;
        return '404';
      }
      return 'ok';
    };
    expect(await client.putAttachment(f.sha256, f.bytes)).toMatchObject({ kind: 'delivered' });
    expect(central.fileStore.files.get(f.sha256)?.equals(f.bytes)).toBe(true);
    expect(central.fileStore.bytesStored).toBe(f.bytes.length);
  });

  it.each<[string, Fault, string, boolean]>([
    ['a 2xx that is an HTML page', '200-html', 'invalid', false],
    ['a 2xx naming another file', '200-wrong-id', 'invalid', true],
    ['a 202', '202', 'invalid', false],
    ['an empty 200', '200-empty', 'invalid', true],
    ['a redirect', 'redirect', 'park', false],
    ['a 413', '413', 'park', false],
    ['a 422', '422', 'park', false],
    ['a 401', '401', 'pause', false],
    ['a 503', '503', 'retry', false],
    ['a 429', '429', 'retry', false],
  ])('does not count %s as the file received', async (_what, fault, kind, stored) => {
    const f = file(10_000);
    onPatches(fault);
    const outcome = await client.putAttachment(f.sha256, f.bytes);
    expect(outcome.kind).toBe(kind);
    expect(central.fileStore.files.has(f.sha256)).toBe(stored);
    // The next attempt finds out what the server holds, and sends at most what is missing.
    central.fault = () => 'ok';
    expect(await client.putAttachment(f.sha256, f.bytes)).toMatchObject({ kind: 'delivered' });
    expect(central.fileStore.files.get(f.sha256)?.equals(f.bytes)).toBe(true);
    expect(central.fileStore.bytesStored).toBe(f.bytes.length);
  });

  it('refuses an answer that names another size or claims more bytes than the file has', async () => {
    const f = file(10_000);
    const other = new FakeCentral();
    await other.start();
    try {
      const c = createCentralClient({
        url: other.url,
        token: other.token,
        deskCode: 'PBL01',
        timeoutMs: 5000,
      });
      // The server holds the same hash with another length: the desk does not believe it.
      holdStart(other.fileStore, f, 100, 20_000);
      expect(await c.putAttachment(f.sha256, f.bytes)).toMatchObject({
        kind: 'invalid',
        message: expect.stringContaining('ukuran 20000'),
      });
      await c.close();
    } finally {
      await other.stop();
    }
  });

  it('is refused whole (422, parked for a person) when its bytes are not the file its hash names', async () => {
    const f = file(1000);
    const outcome = await client.putAttachment(
      f.sha256,
      Buffer.concat([f.bytes.subarray(1), Buffer.from('x')]),
    );
    expect(outcome).toMatchObject({ kind: 'park', status: 422, message: expect.stringContaining('SHA-256') });
    expect(central.fileStore.files.size).toBe(0);
    // The server dropped the partial file: nothing of it is held.
    expect(central.fileStore.state(f.sha256)).toBeNull();
  });

  describe('on a first attempt (no question first: most files are new to the server)', () => {
    it('sends the pieces without asking', async () => {
      const f = file(piece + 10);
      expect(await client.putAttachment(f.sha256, f.bytes, true)).toMatchObject({ kind: 'delivered' });
      expect(central.seen.map((s) => s.method)).toEqual(['PATCH', 'PATCH']);
      expect(central.fileStore.files.get(f.sha256)?.equals(f.bytes)).toBe(true);
    });

    it('stores nothing again for a file the server holds whole (the same photo on another record)', async () => {
      const f = file(piece + 10);
      await client.putAttachment(f.sha256, f.bytes, true);
      const stored = central.fileStore.bytesStored;
      central.seen.length = 0;
      expect(await client.putAttachment(f.sha256, f.bytes, true)).toMatchObject({ kind: 'delivered' });
      expect(central.seen.map((s) => s.method)).toEqual(['PATCH']);
      expect(central.fileStore.bytesStored).toBe(stored);
      expect(central.fileStore.completions.get(f.sha256)).toBe(1);
    });

    it('asks, on a 409, how much the server holds, and goes on from there', async () => {
      const f = file(2 * piece + 10);
      holdStart(central.fileStore, f, piece);
      expect(await client.putAttachment(f.sha256, f.bytes, true)).toMatchObject({ kind: 'delivered' });
      expect(central.seen.map((s) => s.method)).toEqual(['PATCH', 'GET', 'PATCH', 'PATCH']);
      expect(central.fileStore.bytesStored).toBe(f.bytes.length);
    });
  });
});

/**
 * A server that answers from a script, one answer per request, for the rules a well-behaved fake never
 * reaches: lies about the state, a GET that fails, offsets that never agree.
 */
describe('a file to a server answering from a script', () => {
  type Reply = { status: number; body?: unknown; raw?: string } | 'drop';
  let script: Reply[] = [];
  const seen: Array<{ method: string; offset: string | undefined }> = [];
  let server: import('node:http').Server;
  let scripted: CentralClient;
  beforeAll(async () => {
    const { createServer } = await import('node:http');
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        seen.push({ method: req.method ?? '', offset: req.headers['upload-offset'] as string | undefined });
        const reply = script.shift() ?? {
          status: 500,
          body: { error: { code: 'INTERNAL', message: 'skrip habis' } },
        };
        if (reply === 'drop') return req.socket.destroy();
        res.writeHead(reply.status, { 'Content-Type': 'application/json' });
        res.end(reply.raw ?? JSON.stringify(reply.body ?? {}));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    scripted = createCentralClient({
      url: `http://127.0.0.1:${port}`,
      token: 't',
      deskCode: 'PBL01',
      timeoutMs: 3000,
    });
  });
  afterAll(async () => {
    await scripted.close();
    await new Promise<void>((r) => server.close(() => r()));
  });
  beforeEach(() => {
    script = [];
    seen.length = 0;
  });
  const f = file(3 * piece);
  const state = (received: number, extra: Record<string, unknown> = {}) => ({
    status: 200,
    body: {
      sha256: f.sha256,
      size: f.bytes.length,
      received,
      complete: received === f.bytes.length,
      ...extra,
    },
  });
  const notFound = { status: 404, body: { error: { code: 'NOT_FOUND', message: 'belum ada' } } };
  const conflict = { status: 409, body: { error: { code: 'CONFLICT', message: 'posisi lain' } } };

  it('asks first on a retry with GET, and goes on from the offset it answers', async () => {
    script = [state(piece), state(2 * piece), state(3 * piece)];
    expect(await scripted.putAttachment(f.sha256, f.bytes)).toEqual({ kind: 'delivered', status: 200 });
    expect(seen).toEqual([
      { method: 'GET', offset: undefined },
      { method: 'PATCH', offset: String(piece) },
      { method: 'PATCH', offset: String(2 * piece) },
    ]);
  });

  it.each<[string, Reply[], string]>([
    ['a GET whose connection drops', ['drop'], 'retry'],
    [
      'a GET answered 503',
      [{ status: 503, body: { error: { code: 'MAINTENANCE', message: 'x' } } }],
      'retry',
    ],
    ['a GET answered 301', [{ status: 301, body: {} }], 'park'],
    ['a GET answered 202', [{ status: 202, body: {} }], 'invalid'],
    ['a state claiming more bytes than the file has', [state(3 * piece + 5, { complete: false })], 'invalid'],
    ['a state whole and not whole at once', [state(piece, { complete: true })], 'invalid'],
    ['a state naming another file', [state(0, { sha256: 'a'.repeat(64) })], 'invalid'],
    ['a state of another size', [state(0, { size: 5 })], 'invalid'],
  ])('believes nothing of %s', async (_what, replies, kind) => {
    script = replies;
    const outcome = await scripted.putAttachment(f.sha256, f.bytes);
    expect(outcome.kind).toBe(kind);
    // Nothing was sent after an answer it did not believe.
    expect(seen.filter((s) => s.method === 'PATCH')).toEqual([]);
  });

  it('names the other file by the first 12 characters of each hash', async () => {
    script = [state(0, { sha256: 'a'.repeat(64) })];
    expect(await scripted.putAttachment(f.sha256, f.bytes)).toMatchObject({
      message: `Jawaban server tidak sesuai kontrak: jawaban menyebut berkas ${'a'.repeat(12)}…, bukan ${f.sha256.slice(0, 12)}…`,
    });
  });

  it('on a 409 asks again: from 0 when the server holds nothing, done when it holds all', async () => {
    script = [conflict, notFound, state(piece), state(2 * piece), state(3 * piece)];
    expect(await scripted.putAttachment(f.sha256, f.bytes, true)).toMatchObject({ kind: 'delivered' });
    expect(seen.map((s) => `${s.method} ${s.offset ?? ''}`.trim())).toEqual([
      'PATCH 0',
      'GET',
      'PATCH 0',
      `PATCH ${piece}`,
      `PATCH ${2 * piece}`,
    ]);
    seen.length = 0;
    script = [conflict, state(3 * piece)];
    expect(await scripted.putAttachment(f.sha256, f.bytes, true)).toEqual({ kind: 'delivered', status: 200 });
    expect(seen.map((s) => s.method)).toEqual(['PATCH', 'GET']);
  });

  it('on a 409, does not believe the GET after it either', async () => {
    for (const [reply, kind] of [
      ['drop', 'retry'],
      [{ status: 500, body: { error: { code: 'INTERNAL', message: 'x' } } }, 'retry'],
      [{ status: 204 }, 'invalid'],
      [state(3 * piece + 1, { complete: false }), 'invalid'],
    ] as Array<[Reply, string]>) {
      script = [conflict, reply];
      expect((await scripted.putAttachment(f.sha256, f.bytes, true)).kind).toBe(kind);
    }
  });

  it('leaves offsets that never agree to a later attempt (three 409s at most), and refuses a server that takes nothing', async () => {
    script = [conflict, state(0), conflict, state(0), conflict, state(0), conflict];
    expect(await scripted.putAttachment(f.sha256, f.bytes, true)).toMatchObject({
      kind: 'retry',
      status: 409,
    });
    expect(seen.filter((s) => s.method === 'PATCH')).toHaveLength(4);
    seen.length = 0;
    // A piece "stored" without the offset moving would keep the desk sending it for ever.
    script = [notFound, state(0)];
    expect(await scripted.putAttachment(f.sha256, f.bytes)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('posisi tetap 0'),
    });
    // A PATCH answered 3xx is never followed, nor a 2xx other than 200 believed.
    script = [notFound, { status: 307, body: {} }];
    expect((await scripted.putAttachment(f.sha256, f.bytes)).kind).toBe('park');
    script = [notFound, { status: 201, raw: 'not json' }];
    expect((await scripted.putAttachment(f.sha256, f.bytes)).kind).toBe('invalid');
    script = [notFound, { status: 300, body: {} }];
    expect((await scripted.putAttachment(f.sha256, f.bytes)).kind).toBe('park');
  });
});
