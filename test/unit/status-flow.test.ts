import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintStatus } from '../../src/shared/domain/complaint';
import { complaintStatuses } from '../../src/shared/domain/complaint';
import { complaintActions, type ComplaintAction } from '../../src/shared/domain/status-flow';
import { columns, expected } from '../support/status-rules';
import { makeCore, sampleComplaint, setUpDesk, value, signedInOfficer } from '../support/core';

let t: ReturnType<typeof makeCore>;
beforeAll(async () => {
  t = makeCore();
  await setUpDesk(t.api);
});
afterAll(() => t.close());

const inputFor = (action: ComplaintAction, id: string): Record<string, unknown> => {
  const base = { action, id };
  switch (action) {
    case 'REROUTE':
      return { ...base, agencyCode: 'DINKES', reason: 'Bukan wewenang DPUPR, urusan kesehatan' };
    case 'ARCHIVE':
      return { ...base, archiveReason: 'TIDAK_VALID', reason: 'Laporan tidak dapat diverifikasi' };
    case 'LAPOR_ID':
      return { ...base, laporTrackingId: '9165816' };
    case 'FOLLOW_UP':
    case 'CITIZEN_REPLY':
    case 'POSTPONE':
    case 'NOTE':
      return { ...base, reason: `Keterangan untuk ${action}` };
    default:
      return base;
  }
};

const pathTo: Record<ComplaintStatus, ComplaintAction[]> = {
  BARU: [],
  TERVERIFIKASI: ['VERIFY'],
  TERDISPOSISI: ['VERIFY', 'FORWARD'],
  DITINDAKLANJUTI: ['VERIFY', 'FORWARD', 'FOLLOW_UP'],
  DITANGGAPI: ['VERIFY', 'FORWARD', 'FOLLOW_UP', 'CITIZEN_REPLY'],
  SELESAI: ['VERIFY', 'FORWARD', 'FOLLOW_UP', 'DONE'],
  TUNDA: ['POSTPONE'],
  DIARSIPKAN: ['ARCHIVE'],
};

/** Moves the desk's clock (the session would idle-lock across the jump, so sign in again). */
async function at(iso: string) {
  t.clock.current = new Date(iso);
  value(await t.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'admin'));
}

async function complaintIn(status: ComplaintStatus): Promise<string> {
  const { id } = value<{ id: string }>(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));
  for (const step of pathTo[status])
    value(await t.api.dispatch('complaints.act', inputFor(step, id), 'admin'));
  const { complaint } = value<{ complaint: { status: string } }>(
    await t.api.dispatch('complaints.get', { id }, 'admin'),
  );
  expect(complaint.status).toBe(status);
  return id;
}

describe('the status flow, through the handler table', () => {
  for (const status of complaintStatuses) {
    for (const action of complaintActions) {
      const allowed = expected[action].allowed[columns.indexOf(status)] === 1;
      it(`${allowed ? 'allows' : 'refuses'} ${action} from ${status}`, async () => {
        const id = await complaintIn(status);
        const eventsBefore = value<{ events: unknown[] }>(
          await t.api.dispatch('complaints.get', { id }, 'admin'),
        ).events.length;
        const r = await t.api.dispatch('complaints.act', inputFor(action, id), 'admin');
        const after = value<{
          complaint: { status: string };
          events: Array<{ kind: string; fromStatus: string }>;
        }>(await t.api.dispatch('complaints.get', { id }, 'admin'));
        if (allowed) {
          expect(r.ok, JSON.stringify(r)).toBe(true);
          expect(after.events).toHaveLength(eventsBefore + 1);
          expect(after.events.at(-1)).toMatchObject({ kind: action, fromStatus: status });
          const to = expected[action].to;
          // RESUME goes back to where the complaint was before TUNDA (BARU on this path).
          const wanted = to === 'same' ? status : to === 'previous' ? 'BARU' : to;
          expect(after.complaint.status).toBe(wanted);
        } else {
          expect(r.ok === false && r.error.code).toBe('CONFLICT');
          expect(after.complaint.status).toBe(status);
          expect(after.events).toHaveLength(eventsBefore);
        }
      });
    }
  }
});

describe('deadlines through the flow', () => {
  it('forwarding starts the agency’s 5 working days; re-routing restarts them for the new agency', async () => {
    const id = await complaintIn('TERVERIFIKASI');
    await at('2026-11-30T03:00:00Z'); // Monday 30 Nov, 10:00 WIB
    value(await t.api.dispatch('complaints.act', { action: 'FORWARD', id }, 'admin'));
    let c = value<{ complaint: { deadlines: { followUpBy: string }; agencyCode: string } }>(
      await t.api.dispatch('complaints.get', { id }, 'admin'),
    ).complaint;
    expect(c.deadlines.followUpBy).toBe('2026-12-07');

    await at('2026-12-02T03:00:00Z'); // Wednesday
    value(
      await t.api.dispatch(
        'complaints.act',
        { action: 'REROUTE', id, agencyCode: 'KEC_35_13_01', reason: 'Urusan kecamatan' },
        'admin',
      ),
    );
    const got = value<{
      complaint: { deadlines: { followUpBy: string }; agencyCode: string; status: string };
      events: Array<{ data: unknown }>;
    }>(await t.api.dispatch('complaints.get', { id }, 'admin'));
    c = got.complaint;
    expect(c).toMatchObject({
      agencyCode: 'KEC_35_13_01',
      status: 'TERDISPOSISI',
      deadlines: { followUpBy: '2026-12-09' },
    });
    expect(got.events.at(-1)!.data).toEqual({ fromAgency: 'DPUPR', agencyCode: 'KEC_35_13_01' });
  });

  it('postponing stops the clock and resuming moves the deadlines by the working days paused', async () => {
    await at('2026-11-27T02:00:00Z'); // Friday 27 Nov
    const id = await complaintIn('TERVERIFIKASI'); // verify by Wed 2 Dec
    value(
      await t.api.dispatch(
        'complaints.act',
        { action: 'POSTPONE', id, reason: 'NIK dan alamat belum lengkap' },
        'admin',
      ),
    );
    const paused = await t.api.dispatch('complaints.queue', { sort: 'urgent', limit: 200 }, 'admin');
    expect(value<{ rows: Array<{ id: string }> }>(paused).rows.map((r) => r.id)).not.toContain(id);

    await at('2026-12-01T02:00:00Z'); // Tuesday 1 Dec: 2 working days later
    value(await t.api.dispatch('complaints.act', { action: 'RESUME', id }, 'admin'));
    const c = value<{ complaint: { status: string; deadlines: { verifyBy: string; answerBy: string } } }>(
      await t.api.dispatch('complaints.get', { id }, 'admin'),
    ).complaint;
    expect(c.status).toBe('TERVERIFIKASI');
    expect(c.deadlines.verifyBy).toBe('2026-12-04');
    expect(c.deadlines.answerBy).toBe('2026-12-15'); // 11 Dec + 4 calendar days
  });

  it('archives a duplicate with a link to the original, and refuses a missing or self link', async () => {
    await at('2026-11-27T02:00:00Z');
    const original = value<{ id: string; receiptNumber: string }>(
      await t.api.dispatch('complaints.create', sampleComplaint, 'admin'),
    );
    const copy = value<{ id: string; receiptNumber: string }>(
      await t.api.dispatch('complaints.create', sampleComplaint, 'admin'),
    );
    const self = await t.api.dispatch(
      'complaints.act',
      {
        action: 'ARCHIVE',
        id: copy.id,
        archiveReason: 'DUPLIKAT',
        duplicateOf: copy.receiptNumber,
        reason: 'Sama',
      },
      'admin',
    );
    expect(self.ok === false && self.error.fields).toEqual({
      duplicateOf: 'Laporan tidak dapat menjadi duplikat dirinya sendiri.',
    });
    const none = await t.api.dispatch(
      'complaints.act',
      { action: 'ARCHIVE', id: copy.id, archiveReason: 'DUPLIKAT', reason: 'Sama' },
      'admin',
    );
    expect(none.ok).toBe(false);
    value(
      await t.api.dispatch(
        'complaints.act',
        {
          action: 'ARCHIVE',
          id: copy.id,
          archiveReason: 'DUPLIKAT',
          duplicateOf: original.receiptNumber.toLowerCase(),
          reason: 'Dilaporkan dua kali',
        },
        'admin',
      ),
    );
    const events = value<{ events: Array<{ kind: string; data: Record<string, unknown> | null }> }>(
      await t.api.dispatch('complaints.get', { id: copy.id }, 'admin'),
    ).events;
    expect(events.at(-1)).toMatchObject({
      kind: 'ARCHIVE',
      data: { archiveReason: 'DUPLIKAT', duplicateOf: original.receiptNumber, duplicateOfId: original.id },
    });
  });
});

describe('corrections', () => {
  it('let a supervisor correct a record with a KOREKSI event holding before and after, never personal values', async () => {
    await at('2026-11-27T02:00:00Z');
    const { id } = value<{ id: string }>(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));
    const r = value<{ changed: string[] }>(
      await t.api.dispatch(
        'complaints.correct',
        {
          id,
          title: 'Jalan desa rusak parah di Ngadisari, Sukapura',
          phone: '0813 1111 2222',
          reason: 'Salah ketik saat pencatatan',
        },
        'admin',
      ),
    );
    expect(r.changed.sort()).toEqual(['phone', 'title']);
    const got = value<{
      complaint: { title: string; phone: string };
      events: Array<{ kind: string; reason: string; data: Record<string, unknown> }>;
    }>(await t.api.dispatch('complaints.get', { id }, 'admin'));
    expect(got.complaint).toMatchObject({
      title: 'Jalan desa rusak parah di Ngadisari, Sukapura',
      phone: '0813****2222',
    });
    const correction = got.events.at(-1)!;
    expect(correction).toMatchObject({
      kind: 'KOREKSI',
      reason: 'Salah ketik saat pencatatan',
      data: {
        before: { title: sampleComplaint.title },
        after: { title: 'Jalan desa rusak parah di Ngadisari, Sukapura' },
        personalDataChanged: ['phone'],
      },
    });
    expect(JSON.stringify(correction.data)).not.toContain('2222');
    // The search index follows the correction, and the new phone finds it.
    const found = value<{ rows: Array<{ id: string }> }>(
      await t.api.dispatch('complaints.queue', { search: 'sukapura ngadisari' }, 'admin'),
    );
    expect(found.rows.map((x) => x.id)).toContain(id);
    const byPhone = value<Array<{ id: string }>>(
      await t.api.dispatch('complaints.findByContact', { phone: '081311112222' }, 'admin'),
    );
    expect(byPhone.map((x) => x.id)).toEqual([id]);
  });

  it('refuse an officer, an empty correction, and a correction that breaks the rules', async () => {
    const { id } = value<{ id: string }>(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));
    const none = await t.api.dispatch(
      'complaints.correct',
      { id, title: sampleComplaint.title, reason: 'Tidak ada perubahan' },
      'admin',
    );
    expect(none.ok === false && none.error.message).toBe('Tidak ada yang berubah untuk dikoreksi.');
    const bad = await t.api.dispatch(
      'complaints.correct',
      { id, nik: '123', reason: 'NIK dibetulkan' },
      'admin',
    );
    expect(bad.ok === false && bad.error.fields).toEqual({ nik: 'NIK harus 16 angka.' });
    await signedInOfficer(t.api, 'petugas2', 'pin-1234', 'pc9');
    const officer = await t.api.dispatch(
      'complaints.correct',
      { id, title: 'Judul yang diubah petugas sendiri', reason: 'Coba ubah' },
      'pc9',
    );
    expect(officer.ok === false && officer.error.code).toBe('FORBIDDEN');
  });
});
