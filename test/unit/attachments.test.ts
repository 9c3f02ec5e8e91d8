/**
 * Attachments (issue 15) through the desk's own API on a real database, with real images made and
 * read back by sharp: what is kept, what is refused, what is stored and where nothing shows in clear.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uploadChunkBytes } from '../../src/shared/contract/attachments';
import { phonePhoto } from '../support/images';
import { uploadBytes } from '../support/uploads';
import {
  makeCore,
  sampleComplaint,
  setUpDesk,
  signedInOfficer,
  signedInSupervisor,
  value,
} from '../support/core';

let desk: ReturnType<typeof makeCore>;
let complaintId: string;
type View = {
  id: string;
  name: string;
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  thumbnail: string | null;
  masked: boolean;
  personal: boolean;
};
type Failure = { code: string; fields?: Record<string, string>; message: string };

beforeEach(async () => {
  desk = makeCore();
  await setUpDesk(desk.api);
  complaintId = value<{ id: string }>(
    await desk.api.dispatch('complaints.create', sampleComplaint, 'admin'),
  ).id;
});
afterEach(() => desk.close());

/** Sends a file in chunks as the renderer does; returns the upload's id. */
const upload = (bytes: Buffer, caller = 'admin') => uploadBytes(desk.api, bytes, caller);
async function attach(bytes: Buffer, extra: Record<string, unknown> = {}, caller = 'admin') {
  const uploadId = await upload(bytes, caller);
  return desk.api.dispatch('attachments.add', { uploadId, complaintId, name: 'bukti.jpg', ...extra }, caller);
}
const refusal = (r: { ok: boolean; error?: unknown }) => {
  if (r.ok) throw new Error('expected a refusal');
  return r.error as Failure;
};
const bytesOf = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');

/** Every file of the data folder, read whole (the database, its WAL, logs, backups). */
function dataFiles(dir: string): Buffer[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f));
}

describe('attachments', () => {
  it('keeps a phone photo upright, scaled, without its metadata, with a thumbnail, and nothing of it in clear on disk', async () => {
    const photo = await phonePhoto();
    expect(photo.length).toBeGreaterThan(3_000_000);
    const added = value<View>(await attach(photo));
    // Taken sideways: kept upright (portrait), its long side 2,048 px.
    expect([added.width, added.height]).toEqual([1536, 2048]);
    expect(added.mime).toBe('image/jpeg');
    expect(added.thumbnail).toMatch(/^data:image\/webp;base64,/);
    const thumb = await sharp(bytesOf(added.thumbnail!)).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(240);

    const opened = value<{ dataUrl: string; name: string }>(
      await desk.api.dispatch('attachments.open', { id: added.id }, 'admin'),
    );
    expect(opened.name).toBe('bukti.jpg');
    const stored = bytesOf(opened.dataUrl);
    const meta = await sharp(stored).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([1536, 2048, 'jpeg']);
    // Re-encoded: no EXIF (maker, copyright, orientation, any location) survives.
    expect(meta.exif).toBeUndefined();
    expect(stored.includes('PonselUji')).toBe(false);

    // The history shows it added.
    const history = value<{ events: Array<{ kind: string }> }>(
      await desk.api.dispatch('complaints.get', { id: complaintId }, 'admin'),
    ).events;
    expect(history.map((e) => e.kind)).toContain('LAMPIRAN');

    // At rest: neither the photo as it came, nor as stored, nor its thumbnail, nor its name.
    desk.core.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const probes = [
      photo.subarray(100_000, 100_064),
      stored.subarray(50_000, 50_064),
      bytesOf(added.thumbnail!).subarray(200, 264),
      Buffer.from('bukti.jpg'),
    ];
    for (const file of dataFiles(desk.dataDir))
      for (const probe of probes) expect(file.includes(probe)).toBe(false);
  });

  it('keeps the location only when the officer keeps it as evidence', async () => {
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a6' } })
      .withExif({ IFD0: { Make: 'PonselUji' } })
      .jpeg()
      .toBuffer();
    const kept = value<View & { keepsLocation: boolean }>(await attach(photo, { keepLocation: true }));
    expect(kept.keepsLocation).toBe(true);
    const opened = value<{ dataUrl: string }>(
      await desk.api.dispatch('attachments.open', { id: kept.id }, 'admin'),
    );
    expect((await sharp(bytesOf(opened.dataUrl)).metadata()).exif).toBeDefined();
  });

  it('refuses by content, whatever the name: HTML, an executable, a damaged JPEG, an image claiming 10 billion pixels; nothing is kept', async () => {
    const good = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#369' } })
      .jpeg()
      .toBuffer();
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(100_000, 0);
    ihdr.writeUInt32BE(100_000, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(4);
      head.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body));
      return Buffer.concat([head, body, crc]);
    };
    const bomb = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', Buffer.alloc(16)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const cases: Array<[string, Buffer, RegExp]> = [
      ['html', Buffer.from('<!doctype html><script>alert(1)</script>'), /bukan foto/],
      ['exe', Buffer.concat([Buffer.from('MZ'), randomBytes(4000)]), /bukan foto/],
      ['damaged', good.subarray(0, good.length / 2), /rusak/],
      ['bomb', bomb, /megapiksel/],
      ['pdf without its end', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\n'), /rusak/],
    ];
    for (const [label, bytes, message] of cases) {
      const failure = refusal(await attach(bytes));
      expect(failure.code, label).toBe('VALIDATION');
      expect(failure.fields?.file, label).toMatch(message);
    }
    // A refused file is not held on to: adding it again finds nothing uploaded.
    const html = await upload(Buffer.from('<html></html>'));
    const add = () =>
      desk.api.dispatch('attachments.add', { uploadId: html, complaintId, name: 'a.jpg' }, 'admin');
    expect(refusal(await add()).fields?.file).toMatch(/bukan foto/);
    expect(refusal(await add()).fields?.uploadId).toMatch(/belum terkirim ke meja/);
    const count = (table: string) =>
      desk.core.ctx.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect([count('attachments'), count('attachment_contents')]).toEqual([0, 0]);
    // A whole PDF is kept as it came.
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    );
    const kept = value<View>(await attach(pdf, { name: 'surat.pdf' }));
    expect([kept.mime, kept.thumbnail]).toEqual(['application/pdf', null]);
  });

  it('stores the same file once for two records, and drops it only when neither shows it and the central server has it; removals are in the history', async () => {
    const other = value<{ id: string }>(
      await desk.api.dispatch('complaints.create', sampleComplaint, 'admin'),
    ).id;
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const first = value<View>(await attach(photo));
    const second = value<View>(
      await desk.api.dispatch(
        'attachments.add',
        { uploadId: await upload(photo), complaintId: other, name: 'sama.png' },
        'admin',
      ),
    );
    const contents = () =>
      desk.core.ctx.sqlite.prepare('SELECT count(*) FROM attachment_contents').pluck().get();
    expect(contents()).toBe(1);
    value(await desk.api.dispatch('attachments.remove', { id: first.id, reason: 'Salah lampir' }, 'admin'));
    expect(contents()).toBe(1);
    expect(
      value<{ attachments: View[] }>(await desk.api.dispatch('attachments.list', { complaintId }, 'admin'))
        .attachments,
    ).toEqual([]);
    value(await desk.api.dispatch('attachments.remove', { id: second.id, reason: 'Salah lampir' }, 'admin'));
    // Shown by neither, but the central server still waits for it (no server is set up here).
    expect(contents()).toBe(1);
    expect(desk.core.attachments.sweep()).toBe(0);
    // Once it went (as the sender marks it), the close of a day's sweep forgets it.
    desk.core.ctx.sqlite.prepare("UPDATE outbox SET state = 'sent' WHERE kind = 'attachment'").run();
    expect(desk.core.attachments.sweep()).toBe(1);
    expect(contents()).toBe(0);
    const kinds = value<{ events: Array<{ kind: string; reason: string | null }> }>(
      await desk.api.dispatch('complaints.get', { id: complaintId }, 'admin'),
    ).events.filter((e) => e.kind.startsWith('LAMPIRAN'));
    expect(kinds.map((e) => [e.kind, e.reason])).toEqual([
      ['LAMPIRAN', null],
      ['LAMPIRAN_DIHAPUS', 'Salah lampir'],
    ]);
  });

  it('resumes an upload: a chunk sent again is ignored, one out of order is refused saying where to go on; another account cannot take it over', async () => {
    const bytes = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#123' } })
      .jpeg({ quality: 100 })
      .toBuffer();
    const big = Buffer.concat([bytes, randomBytes(3 * uploadChunkBytes)]); // more than one chunk
    const uploadId = randomUUID();
    const send = (offset: number, caller = 'admin') =>
      desk.api.dispatch(
        'attachments.upload',
        {
          uploadId,
          offset,
          total: big.length,
          chunk: big.subarray(offset, offset + uploadChunkBytes).toString('base64'),
        },
        caller,
      );
    expect(value<{ received: number }>(await send(0)).received).toBe(uploadChunkBytes);
    expect(value<{ received: number }>(await send(0)).received).toBe(uploadChunkBytes); // the answer was lost
    expect(refusal(await send(2 * uploadChunkBytes)).fields?.offset).toContain(String(uploadChunkBytes));
    await signedInOfficer(desk.api, 'budi', 'pin-budi-1', 'budi');
    expect(refusal(await send(uploadChunkBytes, 'budi')).code).toBe('NOT_FOUND');
    // Not whole yet: cannot be kept.
    expect(
      refusal(await desk.api.dispatch('attachments.add', { uploadId, complaintId, name: 'x.jpg' }, 'admin'))
        .fields?.uploadId,
    ).toMatch(/belum terkirim seluruhnya/);
  });

  it('holds to the limits in settings: size per file, files per record', async () => {
    value(
      await desk.api.dispatch(
        'settings.update',
        { attachmentMaxMegabytes: 1, attachmentsPerComplaint: 2 },
        'admin',
      ),
    );
    const tooBig = refusal(
      await desk.api.dispatch(
        'attachments.upload',
        { uploadId: randomUUID(), offset: 0, total: 2 * 1024 * 1024, chunk: '' },
        'admin',
      ),
    );
    expect(tooBig.fields?.file).toMatch(/lebih dari 1 MB/);
    const small = (color: string) =>
      sharp({ create: { width: 20, height: 20, channels: 3, background: color } })
        .png()
        .toBuffer();
    value(await attach(await small('#111')));
    value(await attach(await small('#222')));
    expect(refusal(await attach(await small('#333'))).fields?.file).toMatch(/paling banyak 2 lampiran/);
  });

  it('masks an attachment marked as personal; an officer cannot open it, a supervisor can with a reason, audited', async () => {
    const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#ddd' } })
      .jpeg()
      .toBuffer();
    const added = value<View>(await attach(photo, { name: 'KTP.jpg' }));
    await signedInOfficer(desk.api, 'budi', 'pin-budi-1', 'budi');
    const marked = value<View>(
      await desk.api.dispatch('attachments.mark', { id: added.id, personal: true }, 'budi'),
    );
    expect([marked.masked, marked.thumbnail, marked.name]).toEqual([true, null, '']);
    const listed = value<{ attachments: View[] }>(
      await desk.api.dispatch('attachments.list', { complaintId }, 'budi'),
    );
    expect(listed.attachments[0]).toMatchObject({ masked: true, thumbnail: null, name: '' });
    expect(refusal(await desk.api.dispatch('attachments.open', { id: added.id }, 'budi')).code).toBe(
      'FORBIDDEN',
    );
    await signedInSupervisor(desk.api);
    expect(
      refusal(await desk.api.dispatch('attachments.open', { id: added.id }, 'sari')).fields?.reason,
    ).toBeDefined();
    const opened = value<{ name: string }>(
      await desk.api.dispatch('attachments.open', { id: added.id, reason: 'Cek identitas pelapor' }, 'sari'),
    );
    expect(opened.name).toBe('KTP.jpg');
    const audit = desk.core.ctx.sqlite
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'attachments.openPersonal'")
      .pluck()
      .get();
    expect(audit).toBe(1);
  });

  it('says on the receipt how many files came with the complaint, and goes with the personal data when it is purged', async () => {
    for (const color of ['#a00', '#0a0'])
      value(
        await attach(
          await sharp({ create: { width: 40, height: 40, channels: 3, background: color } })
            .png()
            .toBuffer(),
        ),
      );
    const page = value<{ url: string }>(
      await desk.api.dispatch('receipts.prepare', { id: complaintId, paper: 'A4' }, 'admin'),
    );
    const html = desk.core.receipts.takePrepared(page.url.split('/').pop()!)!;
    expect(html).toContain('Lampiran');
    expect(html).toContain('2 berkas');
    expect(desk.core.attachments.purge([complaintId])).toBe(2);
    expect(desk.core.ctx.sqlite.prepare('SELECT count(*) FROM attachment_contents').pluck().get()).toBe(0);
    expect(
      value<{ attachments: View[] }>(await desk.api.dispatch('attachments.list', { complaintId }, 'admin'))
        .attachments,
    ).toEqual([]);
  });
});
