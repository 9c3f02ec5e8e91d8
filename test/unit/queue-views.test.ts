/**
 * The queue's saved views (mine, due today, late, to verify, returned, not in LAPOR!), their counts,
 * Cari by a LAPOR! tracking ID, and one action on several records (issue 13).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, sampleComplaint, setUpDesk, signedInOfficer, value } from '../support/core';

let t: ReturnType<typeof makeCore>;
type Row = { id: string; receiptNumber: string; status: string; currentDue: string | null };
type Counts = Record<string, { total: number; capped: boolean }>;

const ids = { admin: [] as string[], ani: [] as string[], budi: [] as string[] };
let aniId = '';

const record = async (caller: 'admin' | 'ani' | 'budi', title: string) =>
  value<{ id: string }>(
    await t.api.dispatch(
      'complaints.create',
      { ...sampleComplaint, title, nik: undefined, incidentDate: '2026-11-01' },
      caller,
    ),
  ).id;

const view = async (caller: string, input: Record<string, unknown>) =>
  value<{ rows: Row[]; searchKind: string | null }>(
    await t.api.dispatch('complaints.queue', { limit: 200, ...input }, caller),
  );
const idsOf = (rows: Row[]) => rows.map((r) => r.id).sort();
/** Moves the clock and signs everyone in again (a jump of hours locks idle sessions). */
async function at(iso: string) {
  t.clock.current = new Date(iso);
  for (const [name, secret] of [
    ['admin', 'rahasia-admin-1'],
    ['ani', 'rahasia-ani-1'],
    ['budi', 'rahasia-budi-1'],
  ] as const)
    value(await t.api.dispatch('auth.signIn', { name, secret }, name));
}
const counts = async (caller: string) =>
  value<Counts>(await t.api.dispatch('complaints.viewCounts', {}, caller));

beforeAll(async () => {
  t = makeCore();
  // Monday 2 November 2026, 09:00 WIB: the verification deadline is three working days later.
  t.clock.current = new Date('2026-11-02T02:00:00Z');
  await setUpDesk(t.api);
  aniId = await signedInOfficer(t.api, 'ani', 'rahasia-ani-1', 'ani');
  await signedInOfficer(t.api, 'budi', 'rahasia-budi-1', 'budi');
  for (let i = 0; i < 3; i++) ids.ani.push(await record('ani', `Lampu jalan mati nomor ${i}`));
  for (let i = 0; i < 2; i++) ids.budi.push(await record('budi', `Antrean puskesmas lama nomor ${i}`));
  ids.admin.push(await record('admin', 'Sampah menumpuk di pasar'));
});
afterAll(() => t.close());

describe('saved views', () => {
  it('"mine" holds what the caller recorded, whoever asks', async () => {
    expect(idsOf((await view('ani', { view: 'mine' })).rows)).toEqual([...ids.ani].sort());
    expect(idsOf((await view('budi', { view: 'mine' })).rows)).toEqual([...ids.budi].sort());
    // A caller cannot ask for someone else's "mine": the view takes no account id.
    const smuggled = await t.api.dispatch('complaints.queue', { view: 'mine', officerId: aniId }, 'budi');
    expect(idsOf(value<{ rows: Row[] }>(smuggled).rows)).toEqual([]);
  });

  it('"to verify" holds new records only, and a verified one leaves it', async () => {
    value(await t.api.dispatch('complaints.act', { action: 'VERIFY', id: ids.admin[0] }, 'admin'));
    const rows = (await view('ani', { view: 'toVerify' })).rows;
    expect(idsOf(rows)).toEqual([...ids.ani, ...ids.budi].sort());
    expect(rows.every((r) => r.status === 'BARU')).toBe(true);
  });

  it('"due today" and "late" follow the WIB calendar day of the running deadline', async () => {
    const due = (await view('admin', {})).rows[0]!.currentDue!;
    expect(due).toBe('2026-11-05');
    // The day before: nothing due, nothing late.
    await at('2026-11-04T16:59:00Z'); // 23:59 WIB on the 4th
    expect((await view('admin', { view: 'dueToday' })).rows).toHaveLength(0);
    // One minute later it is the 5th in Probolinggo: all six are due today, none late.
    await at('2026-11-04T17:00:00Z');
    expect((await view('admin', { view: 'dueToday' })).rows).toHaveLength(6);
    expect((await view('admin', { view: 'late' })).rows).toHaveLength(0);
    // The next day they are late, and no longer due today.
    await at('2026-11-05T17:00:00Z');
    expect((await view('admin', { view: 'dueToday' })).rows).toHaveLength(0);
    expect((await view('admin', { view: 'late' })).rows).toHaveLength(6);
    await at('2026-11-02T03:00:00Z');
  });

  it('"returned": an officer sees what was returned to them, a supervisor everything returned', async () => {
    value(await t.api.dispatch('review.return', { id: ids.ani[0], note: 'Judul kurang jelas' }, 'admin'));
    value(await t.api.dispatch('review.return', { id: ids.budi[0], note: 'Lokasi belum diisi' }, 'admin'));
    expect(idsOf((await view('ani', { view: 'returned' })).rows)).toEqual([ids.ani[0]]);
    expect(idsOf((await view('budi', { view: 'returned' })).rows)).toEqual([ids.budi[0]]);
    expect(idsOf((await view('admin', { view: 'returned' })).rows)).toEqual([ids.ani[0], ids.budi[0]].sort());
    // Corrected: it leaves the view.
    value(
      await t.api.dispatch(
        'complaints.correct',
        { id: ids.ani[0], title: 'Lampu jalan mati di Jl. Bromo', reason: 'Judul diperjelas' },
        'ani',
      ),
    );
    expect((await view('ani', { view: 'returned' })).rows).toHaveLength(0);
  });

  it('"not in LAPOR!" holds open records without a tracking ID; Cari finds one by #ID', async () => {
    value(
      await t.api.dispatch(
        'complaints.act',
        { action: 'LAPOR_ID', id: ids.budi[1], laporTrackingId: '9165816' },
        'admin',
      ),
    );
    const missing = idsOf((await view('admin', { view: 'notInLapor' })).rows);
    expect(missing).not.toContain(ids.budi[1]);
    expect(missing).toHaveLength(5);
    for (const typed of ['#9165816', '# 9165816', ' #9165816 ']) {
      const found = await view('ani', { search: typed });
      expect(found.searchKind).toBe('lapor');
      expect(idsOf(found.rows)).toEqual([ids.budi[1]]);
    }
    expect((await view('ani', { search: '#9165817' })).rows).toHaveLength(0);
    // A closed record is not asked for.
    value(await t.api.dispatch('complaints.act', { action: 'FORWARD', id: ids.admin[0] }, 'admin'));
    value(
      await t.api.dispatch(
        'complaints.act',
        { action: 'ARCHIVE', id: ids.ani[2], archiveReason: 'TIDAK_VALID', reason: 'Data tidak lengkap' },
        'admin',
      ),
    );
    expect(idsOf((await view('admin', { view: 'notInLapor' })).rows)).not.toContain(ids.ani[2]);
  });

  it('counts every view for the caller, matching the pages', async () => {
    for (const caller of ['ani', 'budi', 'admin']) {
      const c = await counts(caller);
      for (const v of ['mine', 'dueToday', 'late', 'toVerify', 'returned', 'notInLapor']) {
        expect(c[v], `${caller} ${v}`).toEqual({
          total: (await view(caller, { view: v })).rows.length,
          capped: false,
        });
      }
    }
    expect((await counts('ani')).mine?.total).toBe(3);
  });

  it('refuses a view it does not know, naming the field', async () => {
    const r = await t.api.dispatch('complaints.queue', { view: 'everything' }, 'ani');
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('view');
  });
});

describe('one action on several records', () => {
  it('verifies the ones the flow allows and names the ones it refuses', async () => {
    const fresh = [await record('ani', 'Trotoar rusak satu'), await record('ani', 'Trotoar rusak dua')];
    const already = ids.admin[0]!; // forwarded above
    const r = value<{
      done: Array<{ id: string; status: string }>;
      refused: Array<{ id: string; message: string }>;
    }>(await t.api.dispatch('complaints.actMany', { action: 'VERIFY', ids: [...fresh, already] }, 'ani'));
    expect(r.done.map((d) => d.id).sort()).toEqual([...fresh].sort());
    expect(r.done.every((d) => d.status === 'TERVERIFIKASI')).toBe(true);
    expect(r.refused).toEqual([{ id: already, message: expect.stringContaining('Verifikasi') }]);
    // Each got its own history event, by the officer who acted.
    const got = value<{ events: Array<{ kind: string; actorName: string | null }> }>(
      await t.api.dispatch('complaints.get', { id: fresh[0] }, 'ani'),
    );
    expect(got.events.map((e) => e.kind)).toEqual(['DITERIMA', 'VERIFY']);
    expect(got.events[1]!.actorName).toBe('ani');
  });

  it('two officers acting on the same records at once: each record moves exactly once', async () => {
    const batch: string[] = [];
    for (let i = 0; i < 10; i++) batch.push(await record('budi', `Saluran tersumbat nomor ${i}`));
    const [a, b] = await Promise.all([
      t.api.dispatch('complaints.actMany', { action: 'VERIFY', ids: batch }, 'ani'),
      t.api.dispatch('complaints.actMany', { action: 'VERIFY', ids: [...batch].reverse() }, 'budi'),
    ]);
    type R = { done: Array<{ id: string }>; refused: Array<{ id: string }> };
    const ra = value<R>(a);
    const rb = value<R>(b);
    expect(ra.done.length + rb.done.length).toBe(10);
    expect(ra.refused.length + rb.refused.length).toBe(10);
    for (const id of batch) {
      const got = value<{ events: Array<{ kind: string }> }>(
        await t.api.dispatch('complaints.get', { id }, 'ani'),
      );
      expect(got.events.filter((e) => e.kind === 'VERIFY')).toHaveLength(1);
    }
  });

  it('takes only the actions that need no text, and the same id twice acts once', async () => {
    const one = await record('ani', 'Pohon tumbang di jalan');
    for (const action of ['NOTE', 'ARCHIVE', 'REROUTE', 'LAPOR_ID']) {
      const r = await t.api.dispatch('complaints.actMany', { action, ids: [one] }, 'ani');
      expect(r.ok, action).toBe(false);
    }
    const r = value<{ done: unknown[]; refused: unknown[] }>(
      await t.api.dispatch('complaints.actMany', { action: 'VERIFY', ids: [one, one] }, 'ani'),
    );
    expect(r.done).toHaveLength(1);
    expect(r.refused).toHaveLength(0);
    expect((await t.api.dispatch('complaints.actMany', { action: 'VERIFY', ids: [] }, 'ani')).ok).toBe(false);
  });
});

describe("a citizen's earlier complaints", () => {
  it('by typed phone or NIK, open and closed, newest first; by a record, without itself', async () => {
    const nik = '3513014507900001';
    const withPhone = async (title: string, extra: Record<string, unknown>) =>
      value<{ id: string }>(
        await t.api.dispatch(
          'complaints.create',
          {
            ...sampleComplaint,
            title,
            incidentDate: '2026-11-01',
            nik: undefined,
            phone: undefined,
            ...extra,
          },
          'ani',
        ),
      ).id;
    const p1 = await withPhone('Saluran air mampet di gang tiga', { phone: '0813 1111 2222' });
    const p2 = await withPhone('Sampah tidak diangkut seminggu', { phone: '+62 813-1111-2222', nik });
    const n1 = await withPhone('KTP elektronik belum jadi', { nik });
    await withPhone('Orang lain sama sekali', { phone: '0813 9999 0000' });
    value(
      await t.api.dispatch(
        'complaints.act',
        { action: 'ARCHIVE', id: p1, archiveReason: 'TIDAK_VALID', reason: 'Tidak lengkap' },
        'admin',
      ),
    );
    type Earlier = { rows: Array<{ id: string; status: string; currentDue: string | null }>; more: boolean };
    const ask = async (q: Record<string, unknown>) =>
      value<Earlier>(await t.api.dispatch('complaints.earlier', q, 'ani'));

    const byPhone = await ask({ phone: '081311112222' });
    expect(byPhone.rows.map((r) => r.id)).toEqual([p2, p1]);
    expect(byPhone.rows[1]).toMatchObject({ status: 'DIARSIPKAN', currentDue: null });
    expect(byPhone.rows[0]!.currentDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Phone or NIK: either one matches.
    expect((await ask({ phone: '081311112222', nik })).rows.map((r) => r.id)).toEqual([n1, p2, p1]);
    // From a recorded complaint: its phone and NIK, itself left out.
    expect((await ask({ id: p2 })).rows.map((r) => r.id)).toEqual([n1, p1]);
    expect((await ask({ id: n1 })).rows.map((r) => r.id)).toEqual([p2]);
    // Nothing to go by, a number that is no phone, a partial NIK: nothing, not everything.
    expect((await ask({})).rows).toEqual([]);
    expect((await ask({ phone: '12' })).rows).toEqual([]);
    expect((await ask({ nik: '351301' })).rows).toEqual([]);
    expect((await t.api.dispatch('complaints.earlier', { id: 'not-a-uuid' }, 'ani')).ok).toBe(false);
  });
});
