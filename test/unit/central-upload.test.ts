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
    central.fileStore.patch(
      f.sha256,
      {
        'content-type': 'application/offset+octet-stream',
        'upload-offset': '0',
        'upload-length': String(f.bytes.length),
      },
      f.bytes.subarray(0, piece),
    );
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
      other.fileStore.patch(
        f.sha256,
        { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0', 'upload-length': '20000' },
        f.bytes.subarray(0, 100),
      );
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
      central.fileStore.patch(
        f.sha256,
        {
          'content-type': 'application/offset+octet-stream',
          'upload-offset': '0',
          'upload-length': String(f.bytes.length),
        },
        f.bytes.subarray(0, piece),
      );
      expect(await client.putAttachment(f.sha256, f.bytes, true)).toMatchObject({ kind: 'delivered' });
      expect(central.seen.map((s) => s.method)).toEqual(['PATCH', 'GET', 'PATCH', 'PATCH']);
      expect(central.fileStore.bytesStored).toBe(f.bytes.length);
    });
  });
});
