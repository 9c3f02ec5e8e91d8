/**
 * The queue at its edges: WIB day boundaries, each filter alone, the deadline that is due today,
 * forged cursors, the delivery state an officer sees on each row, and the count's cap. The broad
 * behaviour (ordering, paging, Cari) is in queue.test.ts; both run in `npm run mutate`
 * (MUTATION_GROUP=queue) against queue.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, sampleComplaint, setUpDesk, signedInOfficer, value } from '../support/core';

let t: ReturnType<typeof makeCore>;
type Row = { id: string; status: string; currentDue: string | null; delivery: string | null };
type Page = { rows: Row[]; nextCursor: string | null; searchKind: string | null };

const ids: Record<string, string> = {};
let officerId = '';

/** Moves the desk's clock; both officers sign in again (a jump of hours locks an idle session). */
async function when(iso: string | Date) {
  t.clock.current = new Date(iso);
  value(await t.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'admin'));
  if (officerId) value(await t.api.dispatch('auth.signIn', { name: 'budi', secret: 'pin-budi-1' }, 'budi'));
}

async function saveAt(key: string, iso: string, extra: Record<string, unknown> = {}, as = 'admin') {
  await when(iso);
  ids[key] = value<{ id: string }>(
    await t.api.dispatch(
      'complaints.create',
      { ...sampleComplaint, incidentDate: '2026-11-01', title: `Pengaduan uji tepi ${key}`, ...extra },
      as,
    ),
  ).id;
}

beforeAll(async () => {
  t = makeCore();
  t.clock.current = new Date('2026-11-02T02:00:00Z');
  await setUpDesk(t.api);
  officerId = await signedInOfficer(t.api, 'budi', 'pin-budi-1', 'budi');
  const categories = t.core.reference.all().categories;
  const top = categories.filter((c) => c.parentId === null);
  // 23:59:59 WIB on Tuesday 3 Nov, and midnight WIB starting Wednesday 4 Nov.
  await saveAt('lateTuesday', '2026-11-03T16:59:59Z', { categoryId: top[0]!.id });
  await saveAt('earlyWednesday', '2026-11-03T17:00:00Z', { categoryId: top[1]!.id, channel: 'TELEPON' });
  await saveAt('byBudi', '2026-11-04T03:00:00Z', { kecamatanCode: '35.13.02', desaCode: undefined }, 'budi');
  await when('2026-11-04T04:00:00Z');
});
afterAll(() => t.close());

const page = async (input: Record<string, unknown>) =>
  value<Page>(await t.api.dispatch('complaints.queue', { limit: 50, ...input }, 'admin'));
const found = async (input: Record<string, unknown>) =>
  (await page(input)).rows.map((r) => Object.entries(ids).find(([, id]) => id === r.id)?.[0]).sort();

describe('WIB days', () => {
  it('a day runs from midnight to midnight in WIB, on both ends of a range', async () => {
    expect(await found({ to: '2026-11-03' })).toEqual(['lateTuesday']);
    expect(await found({ from: '2026-11-04' })).toEqual(['byBudi', 'earlyWednesday']);
    expect(await found({ from: '2026-11-03', to: '2026-11-03' })).toEqual(['lateTuesday']);
    expect(await found({ from: '2026-11-04', to: '2026-11-04' })).toEqual(['byBudi', 'earlyWednesday']);
    expect(await found({ from: '2026-11-05' })).toEqual([]);
  });
});

describe('each filter alone', () => {
  it('category, channel, kecamatan, officer, statuses', async () => {
    const top = t.core.reference.all().categories.filter((c) => c.parentId === null);
    expect(await found({ categoryId: top[0]!.id })).toEqual(['lateTuesday']);
    expect(await found({ channel: 'TELEPON' })).toEqual(['earlyWednesday']);
    expect(await found({ kecamatanCode: '35.13.02' })).toEqual(['byBudi']);
    expect(await found({ officerId })).toEqual(['byBudi']);
    expect(await found({ statuses: ['BARU', 'SELESAI'] })).toEqual([
      'byBudi',
      'earlyWednesday',
      'lateTuesday',
    ]);
    expect(await found({ statuses: ['SELESAI'] })).toEqual([]);
  });
});

describe('deadlines', () => {
  it('a deadline due today is not late yet; the day after, it is; a closed one never is', async () => {
    const due = (await page({})).rows.find((r) => r.id === ids.lateTuesday)!.currentDue!;
    await when(`${due}T10:00:00+07:00`);
    expect(await found({ lateOnly: true })).not.toContain('lateTuesday');
    await when(new Date(new Date(`${due}T00:00:00+07:00`).getTime() + 24 * 3600_000));
    expect(await found({ lateOnly: true })).toContain('lateTuesday');
    expect(await found({ lateOnly: true, sort: 'urgent' })).toContain('lateTuesday');
    value(
      await t.api.dispatch(
        'complaints.act',
        { action: 'ARCHIVE', id: ids.lateTuesday, archiveReason: 'TIDAK_VALID', reason: 'Uji arsip tepi' },
        'admin',
      ),
    );
    expect(await found({ lateOnly: true })).not.toContain('lateTuesday');
    // Urgent lists only complaints whose deadline runs.
    expect(await found({ sort: 'urgent' })).toEqual(['byBudi', 'earlyWednesday']);
    expect(await found({ sort: 'newest' })).toContain('lateTuesday');
    await when('2026-11-04T04:00:00Z');
  });
});

describe('cursors', () => {
  const refused = async (input: Record<string, unknown>) => {
    const r = await t.api.dispatch('complaints.queue', { limit: 1, ...input }, 'admin');
    expect(r.ok, JSON.stringify(input)).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(Object.keys(r.error.fields ?? {})).toEqual(['cursor']);
    }
  };
  const forge = (k: unknown) => Buffer.from(JSON.stringify({ k })).toString('base64url');

  it('a cursor continues where the page ended, in each ordering and in Cari', async () => {
    for (const sort of ['newest', 'urgent']) {
      const first = await page({ sort, limit: 1 });
      expect(first.nextCursor, sort).not.toBeNull();
      const second = await page({ sort, limit: 1, cursor: first.nextCursor });
      expect(second.rows[0]?.id, sort).not.toBe(first.rows[0]?.id);
    }
    const first = await page({ search: 'tepi', limit: 2 });
    const rest = await page({ search: 'tepi', limit: 2, cursor: first.nextCursor });
    expect([...first.rows, ...rest.rows].map((r) => r.id).sort()).toEqual(Object.values(ids).sort());
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses a forged cursor or one made for another ordering, naming the field', async () => {
    const newest = (await page({ sort: 'newest', limit: 1 })).nextCursor!;
    const urgent = (await page({ sort: 'urgent', limit: 1 })).nextCursor!;
    await refused({ sort: 'urgent', cursor: newest });
    await refused({ sort: 'newest', cursor: urgent });
    await refused({ search: 'tepi', cursor: newest });
    await refused({ sort: 'newest', cursor: 'bukan-kursor' });
    await refused({ sort: 'newest', cursor: forge('x') });
    await refused({ sort: 'newest', cursor: forge(['2026-11-04T00:00:00Z', { seq: 1 }]) });
    await refused({ sort: 'newest', cursor: forge(['2026-11-04T00:00:00Z', 1, 2]) });
    await refused({ sort: 'newest', cursor: forge([1, '2026-11-04T00:00:00Z']) });
    await refused({ sort: 'newest', cursor: Buffer.from('{"k":[1e999]}').toString('base64url') });
  });

  it('a well-formed cursor past the last row gives an empty page, not an error', async () => {
    const r = await t.api.dispatch('complaints.queue', { sort: 'newest', cursor: forge(['0', 0]) }, 'admin');
    expect(r.ok && (r.value as Page).rows).toEqual([]);
  });
});

describe('the delivery state on each row', () => {
  it('waiting while anything is unsent, parked when something waits for a person, sent when all went', async () => {
    const delivery = async () =>
      Object.fromEntries(
        (await page({})).rows.map((r) => [
          Object.entries(ids).find(([, id]) => id === r.id)?.[0],
          r.delivery,
        ]),
      );
    expect(await delivery()).toEqual({
      lateTuesday: 'waiting',
      earlyWednesday: 'waiting',
      byBudi: 'waiting',
    });
    const sqlite = t.core.ctx.sqlite;
    sqlite.prepare("UPDATE outbox SET state = 'sent' WHERE complaint_id = ?").run(ids.earlyWednesday);
    sqlite
      .prepare("UPDATE outbox SET state = 'parked' WHERE complaint_id = ? AND kind = 'complaint'")
      .run(ids.byBudi);
    expect(await delivery()).toEqual({ lateTuesday: 'waiting', earlyWednesday: 'sent', byBudi: 'parked' });
    sqlite.prepare('DELETE FROM outbox WHERE complaint_id = ?').run(ids.lateTuesday);
    expect((await delivery()).lateTuesday).toBeNull();
  });
});

describe('counting', () => {
  it('stops at 10,000 and says so, but counts 10,000 exactly as it is', async () => {
    const sqlite = t.core.ctx.sqlite;
    const cols = (sqlite.prepare('PRAGMA table_info(complaints)').all() as Array<{ name: string }>).map(
      (c) => c.name,
    );
    const copy = sqlite.prepare(
      `INSERT INTO complaints (${cols.join(', ')}) SELECT ${cols
        .map((c) =>
          c === 'id'
            ? "'clone-' || ?"
            : c === 'receipt_number'
              ? "'X' || ?"
              : c === 'seq'
                ? '(SELECT max(seq) + 1 FROM complaints)'
                : c,
        )
        .join(', ')} FROM complaints WHERE id = ?`,
    );
    const count = async (f: Record<string, unknown> = {}) =>
      value<{ total: number; capped: boolean }>(await t.api.dispatch('complaints.count', f, 'admin'));
    sqlite.transaction(() => {
      for (let i = 0; i < 10_000 - 3; i++) copy.run(i, i, ids.earlyWednesday);
    })();
    expect(await count()).toEqual({ total: 10_000, capped: false });
    copy.run('last', 'last', ids.earlyWednesday);
    expect(await count()).toEqual({ total: 10_000, capped: true });
    expect(await count({ officerId })).toEqual({ total: 1, capped: false });
    expect(await count({ search: 'PBL01-20261104-0001-0' })).toEqual({ total: 0, capped: false });
  });
});
