/**
 * Attachments travel (issue 15): each file reaches the central server once, byte-identical to the
 * re-encoded file the desk keeps, before the event that names it, through a server that drops
 * connections, cuts pieces short, answers 5xx after storing and sends login pages, over real HTTP on
 * loopback. A removal follows as its own event; a file erased before it went is never sent and does
 * not hold up its record.
 */
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uploadChunkBytes } from '../../src/shared/contract/attachments';
import { uploadBytes } from '../support/uploads';
import { FakeCentral, type Fault } from '../support/fake-central';
import { connect, save, until, wallClockDesk, type Desk } from '../support/forwarding';
import { sampleComplaint, value } from '../support/core';

let desk: Desk;
let central: FakeCentral;
const fast = { baseBackoffMs: 5, maxBackoffMs: 40, requestTimeoutMs: 1500, maxInvalidAnswers: 50 };

beforeEach(async () => {
  central = await new FakeCentral().start();
});
afterEach(async () => {
  desk?.close();
  await central.stop();
});

/** A photo of noise (it stays large as JPEG): `side` px square. */
const photo = (side: number, seed: number) =>
  sharp(Buffer.from(Array.from({ length: side * side * 3 }, (_, i) => (i * 7919 + seed * 104_729) % 251)), {
    raw: { width: side, height: side, channels: 3 },
  })
    .jpeg({ quality: 95 })
    .toBuffer();

/** Attaches `bytes` to a record through the desk's API as the renderer does; the attachment's id. */
async function attach(complaintId: string, bytes: Buffer, name = 'bukti.jpg'): Promise<{ id: string }> {
  const uploadId = await uploadBytes(desk.api, bytes);
  return value(await desk.api.dispatch('attachments.add', { uploadId, complaintId, name }, 'admin'));
}
const kept = (complaintId: string) =>
  desk.core.ctx.sqlite
    .prepare('SELECT id, sha256, bytes FROM attachments WHERE complaint_id = ? ORDER BY added_at, id')
    .all(complaintId) as Array<{ id: string; sha256: string; bytes: number }>;
const drained = () => {
  const s = desk.core.forwarding.status();
  return s.waiting === 0 && s.held === 0 && s.parked === 0;
};
const eventKinds = (complaintId: string) =>
  (central.eventOrder.get(complaintId) ?? []).map(
    (id) => (JSON.parse(central.events.get(id)!) as { kind: string }).kind,
  );

describe('attachments to the central server', () => {
  it('reach it once each, byte-identical to the kept file, before their events, through a misbehaving server', async () => {
    desk = await wallClockDesk(fast);
    // A fault on a third of the requests, the same sequence every run.
    const faults: Fault[] = [
      'reset',
      'drop-after-commit',
      'store-half-then-drop',
      '503',
      'commit-then-500',
      '200-html',
      '500',
    ];
    let n = 0;
    central.fault = (req) => (req.method !== 'GET' && n++ % 3 === 1 ? faults[n % faults.length]! : 'ok');
    const first = await save(desk, 'Jalan rusak di Desa Sumberanyar');
    const second = await save(desk, 'Lampu jalan padam');
    // Two photos of more than one piece each, and the first photo again on the second record.
    const big = await photo(1100, 1);
    const other = await photo(900, 2);
    expect(big.length).toBeGreaterThan(uploadChunkBytes);
    await attach(first, big);
    await attach(first, other, 'surat.jpg');
    await attach(second, big);
    await connect(desk, central);
    await until(drained, 30_000);

    const files = [...kept(first), ...kept(second)];
    const distinct = new Map(files.map((f) => [f.sha256, f]));
    expect(distinct.size).toBe(2);
    expect([...central.fileStore.files.keys()].sort()).toEqual([...distinct.keys()].sort());
    for (const sha of distinct.keys()) {
      // What arrived is the desk's re-encoded file, byte for byte.
      expect(central.fileStore.files.get(sha)!.equals(desk.core.attachments.contentOf(sha)!)).toBe(true);
      expect(central.fileStore.completions.get(sha)).toBe(1);
    }
    // Each byte was stored once: every retry went on from what the server held.
    expect(central.fileStore.bytesStored).toBe([...distinct.values()].reduce((s, f) => s + f.bytes, 0));
    // The faults did happen.
    expect(n).toBeGreaterThan(6);
    // The server takes a LAMPIRAN only once its file is there (fake-central.ts): they all arrived.
    expect(eventKinds(first)).toEqual(['DITERIMA', 'LAMPIRAN', 'LAMPIRAN']);
    expect(eventKinds(second)).toEqual(['DITERIMA', 'LAMPIRAN']);
    const lampiran = JSON.parse(central.events.get(central.eventOrder.get(first)![1]!)!) as {
      data: Record<string, unknown>;
    };
    expect(lampiran.data).toEqual({
      attachmentId: kept(first)[0]!.id,
      sha256: kept(first)[0]!.sha256,
      mediaType: 'image/jpeg',
      size: kept(first)[0]!.bytes,
      personal: false,
    });
  });

  it('sends a removal as its own event; a file removed before it went still goes first', async () => {
    desk = await wallClockDesk(fast);
    const id = await save(desk);
    const added = await attach(id, await photo(300, 3));
    value(await desk.api.dispatch('attachments.remove', { id: added.id, reason: 'Salah berkas' }, 'admin'));
    // Its content is kept while the server waits for it.
    const sha = kept(id)[0]!.sha256;
    expect(desk.core.attachments.contentOf(sha)).not.toBeNull();
    await connect(desk, central);
    await until(drained);
    expect(central.fileStore.files.has(sha)).toBe(true);
    expect(eventKinds(id)).toEqual(['DITERIMA', 'LAMPIRAN', 'LAMPIRAN_DIHAPUS']);
    // Sent, and shown by no record: the close of a day forgets it.
    expect(desk.core.attachments.sweep()).toBe(1);
    expect(desk.core.attachments.contentOf(sha)).toBeNull();
  });

  it('never sends a file erased before it went, nor the event naming it, and the record’s next events go', async () => {
    desk = await wallClockDesk(fast);
    const id = await save(desk);
    await attach(id, await photo(300, 4));
    value(await desk.api.dispatch('complaints.act', { id, action: 'VERIFY' }, 'admin'));
    desk.core.ctx.sqlite.transaction(() => desk.core.attachments.purge([id]))();
    await connect(desk, central);
    await until(drained);
    expect(central.fileStore.files.size).toBe(0);
    expect(central.seen.filter((s) => s.path.startsWith('/v1/attachments'))).toEqual([]);
    expect(eventKinds(id)).toEqual(['DITERIMA', 'VERIFY']);
    const rows = desk.core.ctx.sqlite
      .prepare(
        'SELECT kind, state, last_error AS e FROM outbox WHERE complaint_id = ? AND last_error IS NOT NULL',
      )
      .all(id);
    expect(rows).toEqual([
      { kind: 'attachment', state: 'sent', e: 'Berkas dimusnahkan sebelum terkirim.' },
      { kind: 'event', state: 'sent', e: 'Berkas dimusnahkan sebelum terkirim.' },
    ]);
  });
});

describe('files taken in with a complaint', () => {
  const upload = (bytes: Buffer) => uploadBytes(desk.api, bytes);

  it('go before the complaint, which names them; their events stay on the desk; a rebuilt record names the same', async () => {
    desk = await wallClockDesk(fast);
    const files = [await photo(700, 5), await photo(400, 6)];
    const attachments = [
      { uploadId: await upload(files[0]!), name: 'jalan.jpg' },
      { uploadId: await upload(files[1]!), name: 'ktp.jpg', personal: true },
    ];
    const { id } = value<{ id: string }>(
      await desk.api.dispatch('complaints.create', { ...sampleComplaint, attachments }, 'admin'),
    );
    const rows = kept(id);
    expect(rows).toHaveLength(2);
    // The uploads first in the record's lane, then the record and its first event.
    expect(
      desk.core.ctx.sqlite
        .prepare('SELECT kind FROM outbox WHERE complaint_id = ? ORDER BY id')
        .pluck()
        .all(id),
    ).toEqual(['attachment', 'attachment', 'complaint', 'event']);
    // The history shows each file taken in, after the record's first event.
    const history = value<{ events: Array<{ kind: string }> }>(
      await desk.api.dispatch('complaints.get', { id }, 'admin'),
    ).events.map((e) => e.kind);
    expect(history).toEqual(['DITERIMA', 'LAMPIRAN', 'LAMPIRAN']);
    // Built again from what the desk holds (a parked complaint sent again), it names the same files.
    const frozen = desk.core.ctx.sqlite
      .prepare("SELECT payload_enc FROM outbox WHERE complaint_id = ? AND kind = 'complaint'")
      .pluck()
      .get(id) as string;
    const sent = JSON.parse(desk.core.ctx.cipher.decrypt('outbox', frozen)) as { attachments: unknown[] };
    expect(sent.attachments).toEqual([
      {
        sha256: rows[0]!.sha256,
        name: 'jalan.jpg',
        size: rows[0]!.bytes,
        mediaType: 'image/jpeg',
        personal: false,
      },
      {
        sha256: rows[1]!.sha256,
        name: 'ktp.jpg',
        size: rows[1]!.bytes,
        mediaType: 'image/jpeg',
        personal: true,
      },
    ]);
    expect(JSON.parse(desk.core.centralRecords.rebuild.complaint(id)!)).toEqual(sent);

    await connect(desk, central);
    await until(drained);
    // The server took the complaint only with its files there (fake-central.ts), and no LAMPIRAN event.
    expect(JSON.parse(central.complaints.get(id)!)).toMatchObject({ attachments: sent.attachments });
    for (const r of rows)
      expect(central.fileStore.files.get(r.sha256)!.equals(desk.core.attachments.contentOf(r.sha256)!)).toBe(
        true,
      );
    expect(eventKinds(id)).toEqual(['DITERIMA']);
  });

  it('refuses a save whose file is not what it claims, naming the file; nothing is kept, and the others stay ready', async () => {
    desk = await wallClockDesk(fast);
    const good = await upload(await photo(300, 7));
    const fake = await upload(Buffer.from('<!doctype html><script>alert(1)</script>'));
    const refused = await desk.api.dispatch(
      'complaints.create',
      {
        ...sampleComplaint,
        attachments: [
          { uploadId: good, name: 'bukti.jpg' },
          { uploadId: fake, name: 'foto.jpg' },
        ],
      },
      'admin',
    );
    expect(refused.ok).toBe(false);
    const error = (refused as { error: { code: string; fields: Record<string, string> } }).error;
    expect(error.code).toBe('VALIDATION');
    expect(error.fields.attachments).toMatch(/^Lampiran foto\.jpg: .*bukan/);
    expect(desk.core.ctx.sqlite.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(0);
    expect(desk.core.ctx.sqlite.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
    // A save refused for its form keeps the uploads: the same files go with the corrected form.
    const noTitle = await desk.api.dispatch(
      'complaints.create',
      { ...sampleComplaint, title: '', attachments: [{ uploadId: good, name: 'bukti.jpg' }] },
      'admin',
    );
    expect(noTitle.ok).toBe(false);
    const { id } = value<{ id: string }>(
      await desk.api.dispatch(
        'complaints.create',
        { ...sampleComplaint, attachments: [{ uploadId: good, name: 'bukti.jpg' }] },
        'admin',
      ),
    );
    expect(kept(id)).toHaveLength(1);
    // Used once: the upload is gone with the save.
    const again = await desk.api.dispatch(
      'complaints.create',
      { ...sampleComplaint, attachments: [{ uploadId: good, name: 'bukti.jpg' }] },
      'admin',
    );
    expect((again as { error: { fields: Record<string, string> } }).error.fields.attachments).toMatch(
      /belum terkirim/,
    );
  });
});
