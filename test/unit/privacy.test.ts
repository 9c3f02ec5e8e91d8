/**
 * Personal data kept only as long as allowed, and the person's rights (UU 27/2022). After a purge or
 * an erasure no byte of the removed personal data is anywhere in the data folder: the database file,
 * its WAL, the search index, the outbox. Legal holds and undelivered records are respected.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeCentral } from '../support/fake-central';
import { connect, until, wallClockDesk } from '../support/forwarding';
import {
  makeCore,
  sampleComplaint,
  setUpDesk,
  signedInOfficer,
  tempDir,
  TestClock,
  value,
} from '../support/core';

const cleanup: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

/** Every file under the data folder (database, WAL, logs, backups), read whole. */
function folderBytes(dir: string): Array<[string, Buffer]> {
  const out: Array<[string, Buffer]> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...folderBytes(path));
    else out.push([path, readFileSync(path)]);
  }
  return out;
}
/** Where in the data folder any of these strings still is (as UTF-8). */
function findAnywhere(dir: string, needles: string[]): string[] {
  const found: string[] = [];
  for (const [path, bytes] of folderBytes(dir))
    for (const n of needles) if (bytes.includes(Buffer.from(n, 'utf8'))) found.push(`${n} in ${path}`);
  return found;
}

const personA = {
  complainantName: 'Kartini Wulandari',
  nik: '3513014507900001',
  phone: '081234567890',
  email: 'kartini.w@example.id',
  address: 'Jl. Raya Tongas No. 7',
};
const personB = {
  complainantName: 'Bambang Sutejo',
  nik: '3513011203850002',
  phone: '085678901234',
  email: 'bambang@example.id',
  address: 'Dusun Krajan RT 02',
};

/** The stored forms of a complaint's personal data: envelopes and blind indexes, as they sit in the file. */
function storedForms(desk: ReturnType<typeof makeCore>, id: string): string[] {
  const row = desk.core.ctx.sqlite
    .prepare(
      'SELECT nik_enc, nik_bidx, phone_enc, phone_bidx, email_enc, address_enc FROM complaints WHERE id = ?',
    )
    .get(id) as Record<string, string | null>;
  const outbox = desk.core.ctx.sqlite
    .prepare("SELECT payload_enc FROM outbox WHERE complaint_id = ? AND payload_enc NOT LIKE '{%'")
    .pluck()
    .all(id) as string[];
  return [...Object.values(row).filter((v): v is string => v !== null), ...outbox];
}

describe('the retention schedule', () => {
  it('purges the personal data of complaints closed before the period, everywhere, and keeps the rest', async () => {
    const dir = tempDir('desk-privacy-');
    const clock = new TestClock(new Date('2024-03-04T02:00:00Z'));
    const desk = makeCore({ dataDir: dir.path, clock, masterKey: randomBytes(32) });
    cleanup.push(() => {
      desk.core.close();
      dir.remove();
    });
    await setUpDesk(desk.api);
    const create = async (person: typeof personA, title: string) =>
      value<{ id: string }>(
        await desk.api.dispatch(
          'complaints.create',
          { ...sampleComplaint, ...person, title, incidentDate: clock.now().toISOString().slice(0, 10) },
          'admin',
        ),
      ).id;
    const old = await create(personA, 'Pengaduan lama yang sudah diarsipkan');
    const held = await create(personA, 'Pengaduan lama dalam pemeriksaan Ombudsman');
    const open = await create(personB, 'Pengaduan lama yang belum selesai');
    for (const id of [old, held])
      value(
        await desk.api.dispatch(
          'complaints.act',
          { id, action: 'ARCHIVE', archiveReason: 'DI_LUAR_KEWENANGAN', reason: 'Sudah ditangani instansi' },
          'admin',
        ),
      );
    value(await desk.api.dispatch('privacy.hold', { id: held, reason: 'Diperiksa Ombudsman RI' }, 'admin'));
    // Delivered long ago (forwarding itself is tested against the fake central server elsewhere).
    desk.core.ctx.sqlite
      .prepare("UPDATE outbox SET state = 'sent', sent_at = ?")
      .run(clock.now().toISOString());
    const before = storedForms(desk, old);
    expect(before.length).toBeGreaterThanOrEqual(6);

    // Two years and a month later, on a desk that kept working.
    clock.advance(760 * 86_400_000);
    value(await desk.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'admin'));
    const recent = await create(personB, 'Pengaduan baru');
    value(
      await desk.api.dispatch(
        'complaints.act',
        { id: recent, action: 'ARCHIVE', archiveReason: 'DI_LUAR_KEWENANGAN', reason: 'Di luar kewenangan' },
        'admin',
      ),
    );
    const run = value<{ purged: number; held: number; waiting: number }>(
      await desk.api.dispatch('privacy.purgeExpired', {}, 'admin'),
    );
    expect(run).toMatchObject({ purged: 1, held: 1, waiting: 0 });

    // Gone from the row, the blind indexes, the search index and the outbox; found nowhere in the folder.
    const heldForms = storedForms(desk, held);
    expect(heldForms.length).toBeGreaterThanOrEqual(6);
    // (The held record of the same person keeps the same blind indexes: those are expected to stay.)
    const gone = before.filter((f) => !heldForms.includes(f));
    expect(gone.length).toBeGreaterThanOrEqual(5);
    for (const form of gone) expect(findAnywhere(dir.path, [form]), form).toEqual([]);
    const byNik = value<Array<{ id: string }>>(
      await desk.api.dispatch('complaints.findByContact', { nik: personA.nik }, 'admin'),
    );
    expect(byNik.map((r) => r.id)).toEqual([held]);
    const search = value<{ rows: Array<{ id: string }> }>(
      await desk.api.dispatch('complaints.queue', { search: 'Kartini' }, 'admin'),
    );
    expect(search.rows.map((r) => r.id)).toEqual([held]);
    // Still open, or closed too recently: kept.
    expect(storedForms(desk, open).length).toBeGreaterThanOrEqual(6);
    expect(storedForms(desk, recent).length).toBeGreaterThanOrEqual(6);
    // The complaint itself stays (number, subject, history) for the register and the reports.
    const kept = value<{ complaint: { receiptNumber: string; title: string; nik: string | null } }>(
      await desk.api.dispatch('complaints.get', { id: old }, 'admin'),
    );
    expect(kept.complaint.title).toBe('Pengaduan lama yang sudah diarsipkan');
    expect(kept.complaint.nik).toBeNull();
    // The audit says what was purged, not the data; the chain still holds.
    const audit = value<Array<{ action: string; detail: string }>>(
      await desk.api.dispatch('audit.list', {}, 'admin'),
    );
    const entry = audit.find((a) => a.action === 'privacy.retention')!;
    expect(JSON.parse(entry.detail)).toMatchObject({ purged: 1, held: 1 });
    expect(entry.detail).not.toContain(personA.nik);
    expect(value<{ ok: boolean }>(await desk.api.dispatch('trail.verify', {}, 'admin')).ok).toBe(true);
  });

  it('drops half-typed forms left untouched longer than the draft period', async () => {
    const clock = new TestClock();
    const desk = makeCore({ clock });
    cleanup.push(() => desk.close());
    await setUpDesk(desk.api);
    value(await desk.api.dispatch('drafts.save', { data: { nik: personA.nik, title: 'setengah' } }, 'admin'));
    clock.advance(8 * 86_400_000);
    value(await desk.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'admin'));
    const run = value<{ drafts: number }>(await desk.api.dispatch('privacy.purgeExpired', {}, 'admin'));
    expect(run.drafts).toBe(1);
    expect(value(await desk.api.dispatch('drafts.get', {}, 'admin'))).toBeNull();
  });
});

describe('the person’s rights', () => {
  it('finds every record of a person, gives them a copy, and erases their data everywhere on request', async () => {
    const central = await new FakeCentral().start();
    cleanup.push(() => central.stop());
    const desk = await wallClockDesk({ baseBackoffMs: 20, maxBackoffMs: 200 });
    cleanup.push(() => desk.close());
    const ids: string[] = [];
    for (const [person, title] of [
      [personA, 'Jalan berlubang di Tongas'],
      [{ ...personA, nik: undefined }, 'Lampu jalan mati (lewat telepon, tanpa NIK)'],
      [personB, 'Antrean puskesmas terlalu lama'],
    ] as const)
      ids.push(
        value<{ id: string }>(
          await desk.api.dispatch('complaints.create', { ...sampleComplaint, ...person, title }, 'admin'),
        ).id,
      );
    await connect(desk, central);
    await until(() => central.complaints.size === 3);
    await until(
      () =>
        desk.core.ctx.sqlite.prepare("SELECT count(*) FROM outbox WHERE state != 'sent'").pluck().get() === 0,
    );
    // By NIK finds one; by phone finds both of the person's complaints, not the other person's.
    const byNik = value<Array<{ id: string }>>(
      await desk.api.dispatch('privacy.find', { person: { nik: personA.nik } }, 'admin'),
    );
    expect(byNik.map((r) => r.id)).toEqual([ids[0]]);
    const byPhone = value<Array<{ id: string }>>(
      await desk.api.dispatch('privacy.find', { person: { phone: '+62 812-3456-7890' } }, 'admin'),
    );
    expect(byPhone.map((r) => r.id).sort()).toEqual([ids[0], ids[1]].sort());

    const copy = value<{ url: string; records: number }>(
      await desk.api.dispatch(
        'privacy.copy',
        { person: { phone: personA.phone }, reason: 'Permintaan pemilik data' },
        'admin',
      ),
    );
    expect(copy.records).toBe(2);
    const html = desk.core.privacy.takePrepared(copy.url.split('/').pop()!)!;
    for (const v of [
      personA.nik,
      personA.email,
      personA.address,
      personA.complainantName,
      'Jalan berlubang di Tongas',
    ])
      expect(html).toContain(v);
    expect(html).not.toContain(personB.complainantName);
    expect(desk.core.privacy.takePrepared(copy.url.split('/').pop()!)).toBeUndefined(); // once only

    const forms = [...storedForms(desk, ids[0]!), ...storedForms(desk, ids[1]!)];
    const erased = value<{ erased: number; held: string[]; waiting: string[] }>(
      await desk.api.dispatch(
        'privacy.erase',
        { person: { phone: personA.phone }, reason: 'Permintaan penghapusan' },
        'admin',
      ),
    );
    expect(erased).toMatchObject({ erased: 2, held: [], waiting: [] });
    const found = findAnywhere(desk.dataDir, [...forms, personA.complainantName, personA.email]);
    expect(found).toEqual([]);
    // The other person's data is untouched and still reads back.
    const other = value<{ nik: string }>(
      await desk.api.dispatch(
        'complaints.revealPersonalData',
        { id: ids[2]!, reason: 'Uji data lain tetap' },
        'admin',
      ),
    );
    expect(other.nik).toBe(personB.nik);
    // Erasing again finds nothing left to erase.
    const again = value<{ erased: number }>(
      await desk.api.dispatch(
        'privacy.erase',
        { person: { phone: personA.phone }, reason: 'Permintaan penghapusan' },
        'admin',
      ),
    );
    expect(again.erased).toBe(0);
  });

  it('keeps a record under a legal hold and a record not yet delivered, and says which', async () => {
    const desk = makeCore();
    cleanup.push(() => desk.close());
    await setUpDesk(desk.api);
    const held = value<{ id: string; receiptNumber: string }>(
      await desk.api.dispatch('complaints.create', { ...sampleComplaint, ...personA }, 'admin'),
    );
    const waiting = value<{ id: string; receiptNumber: string }>(
      await desk.api.dispatch(
        'complaints.create',
        { ...sampleComplaint, ...personA, title: 'Belum terkirim ke pusat' },
        'admin',
      ),
    );
    desk.core.ctx.sqlite.prepare("UPDATE outbox SET state = 'sent' WHERE complaint_id = ?").run(held.id);
    value(await desk.api.dispatch('privacy.hold', { id: held.id, reason: 'Perkara di pengadilan' }, 'admin'));
    const r = value<{ erased: number; held: string[]; waiting: string[] }>(
      await desk.api.dispatch(
        'privacy.erase',
        { person: { nik: personA.nik }, reason: 'Permintaan penghapusan' },
        'admin',
      ),
    );
    expect(r).toEqual({ erased: 0, held: [held.receiptNumber], waiting: [waiting.receiptNumber], drafts: 0 });
    // Lifted: erased next time.
    value(await desk.api.dispatch('privacy.hold', { id: held.id, reason: null }, 'admin'));
    const next = value<{ erased: number }>(
      await desk.api.dispatch(
        'privacy.erase',
        { person: { nik: personA.nik }, reason: 'Permintaan penghapusan' },
        'admin',
      ),
    );
    expect(next.erased).toBe(1);
  });

  it('is for supervisors, and refuses a request that names nobody, naming the field', async () => {
    const desk = makeCore();
    cleanup.push(() => desk.close());
    await setUpDesk(desk.api);
    await signedInOfficer(desk.api, 'petugas1', 'rahasia-petugas-1', 'officer');
    for (const [m, input] of [
      ['privacy.find', { person: { nik: personA.nik } }],
      ['privacy.copy', { person: { nik: personA.nik }, reason: 'Permintaan' }],
      ['privacy.erase', { person: { nik: personA.nik }, reason: 'Permintaan' }],
      ['privacy.purgeExpired', {}],
    ] as const) {
      const r = await desk.api.dispatch(m, input, 'officer');
      expect(r.ok ? 'ok' : r.error.code, m).toBe('FORBIDDEN');
    }
    const nobody = await desk.api.dispatch(
      'privacy.erase',
      { person: {}, reason: 'Permintaan penghapusan' },
      'admin',
    );
    expect(nobody.ok).toBe(false);
    if (!nobody.ok) expect(nobody.error.fields?.['person.nik']).toContain('NIK');
  });
});
