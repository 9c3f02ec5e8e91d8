import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, sampleComplaint, setUpDesk, value, signedInOfficer } from '../support/core';

let t: ReturnType<typeof makeCore>;
type Row = {
  id: string;
  receiptNumber: string;
  title: string;
  agencyCode: string;
  status: string;
  currentDue: string | null;
  channel: string;
};
type Page = { rows: Row[]; nextCursor: string | null; searchKind: string | null };

const created: Array<{
  id: string;
  receiptNumber: string;
  agencyCode: string;
  channel: string;
  day: string;
}> = [];
const agencies = ['DPUPR', 'DINKES', 'DISHUB'];
const channels = ['TATAP_MUKA', 'TELEPON', 'WHATSAPP'];
const titles = [
  'Lampu jalan mati di depan pasar',
  'Jalan berlubang dekat sekolah',
  'Antrean puskesmas terlalu lama',
];

async function at(iso: string) {
  t.clock.current = new Date(iso);
  value(await t.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'admin'));
}

beforeAll(async () => {
  t = makeCore();
  t.clock.current = new Date('2026-11-02T02:00:00Z');
  await setUpDesk(t.api);
  // 30 complaints over 10 working days of November 2026, three a day.
  for (let d = 0; d < 10; d++) {
    const day = new Date(Date.UTC(2026, 10, 2 + d + Math.floor(d / 5) * 2, 2));
    await at(day.toISOString());
    for (let i = 0; i < 3; i++) {
      const n = d * 3 + i;
      const input = {
        ...sampleComplaint,
        title: `${titles[i]} nomor ${n}`,
        agencyCode: agencies[n % 3]!,
        channel: channels[(n + d) % 3]!,
        phone: `08123456${String(1000 + n)}`,
        nik: undefined,
        incidentDate: '2026-11-01',
        kecamatanCode: n % 2 ? '35.13.01' : '35.13.02',
        desaCode: undefined,
      };
      const saved = value<{ id: string; receiptNumber: string }>(
        await t.api.dispatch('complaints.create', input, 'admin'),
      );
      created.push({
        ...saved,
        agencyCode: input.agencyCode,
        channel: input.channel,
        day: day.toISOString().slice(0, 10),
      });
    }
  }
  await at('2026-11-27T02:00:00Z');
});
afterAll(() => t.close());

const page = async (input: Record<string, unknown>) =>
  value<Page>(await t.api.dispatch('complaints.queue', { limit: 50, ...input }, 'admin'));

async function all(input: Record<string, unknown>): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  for (;;) {
    const p = await page({ ...input, limit: 7, ...(cursor ? { cursor } : {}) });
    rows.push(...p.rows);
    if (!p.nextCursor) return rows;
    cursor = p.nextCursor;
  }
}

describe('the queue', () => {
  it('lists newest first and pages through everything once', async () => {
    const rows = await all({ sort: 'newest' });
    expect(rows.map((r) => r.id)).toEqual([...created].reverse().map((c) => c.id));
  });

  it('lists the most urgent first: earliest running deadline, late ones on top', async () => {
    const rows = await all({ sort: 'urgent' });
    const dues = rows.map((r) => r.currentDue!);
    expect(dues).toEqual([...dues].sort());
    expect(rows[0]!.id).toBe(created[0]!.id);
  });

  it('combines filters', async () => {
    const rows = await all({ agencyCode: 'DINKES', channel: 'TELEPON', kecamatanCode: '35.13.01' });
    const expected = created.filter(
      (c, n) => c.agencyCode === 'DINKES' && c.channel === 'TELEPON' && n % 2 === 1,
    );
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(expected.length).toBeGreaterThan(0);

    const range = await all({ from: '2026-11-04', to: '2026-11-05' });
    expect(range.map((r) => r.id).sort()).toEqual(
      created
        .filter((c) => c.day >= '2026-11-04' && c.day <= '2026-11-05')
        .map((c) => c.id)
        .sort(),
    );
  });

  it('filters by status and by late only (deadline passed, counted in working days)', async () => {
    const first = created[0]!;
    value(await t.api.dispatch('complaints.act', { action: 'VERIFY', id: first.id }, 'admin'));
    expect((await all({ statuses: ['TERVERIFIKASI'] })).map((r) => r.id)).toEqual([first.id]);
    const late = await all({ lateOnly: true });
    // Today is 27 Nov: complaints from 2-20 Nov are past their 3-working-day verification deadline.
    expect(late.length).toBeGreaterThan(20);
    expect(late.every((r) => r.currentDue! < '2026-11-27')).toBe(true);
    expect(await all({ lateOnly: true, statuses: ['SELESAI'] })).toEqual([]);
  });

  it('counts what the filters match', async () => {
    expect(value(await t.api.dispatch('complaints.count', {}, 'admin'))).toEqual({
      total: 30,
      capped: false,
    });
    expect(value(await t.api.dispatch('complaints.count', { agencyCode: 'DPUPR' }, 'admin'))).toEqual({
      total: 10,
      capped: false,
    });
    expect(value(await t.api.dispatch('complaints.count', { search: 'puskesmas' }, 'admin'))).toEqual({
      total: 10,
      capped: false,
    });
  });
});

describe('Cari', () => {
  it('finds a receipt number however it is typed', async () => {
    const target = created[7]!;
    const p = await page({ search: target.receiptNumber.toLowerCase().replace(/-/g, ' ') });
    expect(p.searchKind).toBe('receipt');
    expect(p.rows.map((r) => r.id)).toEqual([target.id]);
  });

  it('says a mistyped receipt number is invalid instead of finding nothing', async () => {
    // The officer swaps the last two digits of the sequence: 0002 -> 0020.
    const typo = created[7]!.receiptNumber.replace(/-(\d\d)(\d)(\d)-/, '-$1$3$2-');
    expect(typo).not.toBe(created[7]!.receiptNumber);
    const r = await t.api.dispatch('complaints.queue', { search: typo }, 'admin');
    expect(r.ok === false && r.error.fields).toEqual({
      search: 'Nomor tanda terima tidak valid (salah ketik?). Periksa kembali.',
    });
  });

  it('finds by phone in any spelling, exactly', async () => {
    const p = await page({ search: '+62 812-3456-1005' });
    expect(p.searchKind).toBe('phone');
    expect(p.rows.map((r) => r.id)).toEqual([created[5]!.id]);
  });

  it('finds by NIK exactly', async () => {
    const saved = value<{ id: string }>(
      await t.api.dispatch('complaints.create', { ...sampleComplaint, nik: '3513014507900077' }, 'admin'),
    );
    const p = await page({ search: '3513 0145 0790 0077' });
    expect([p.searchKind, p.rows.map((r) => r.id)]).toEqual(['nik', [saved.id]]);
    // The forms officers type: plain, spaced, with dots (issue 9, item 9).
    for (const typed of ['3513014507900077', '3513.0145.0790.0077', ' 3513-0145-0790-0077 ']) {
      const q = await page({ search: typed });
      expect([q.searchKind, q.rows.map((r) => r.id)], typed).toEqual(['nik', [saved.id]]);
    }
  });

  it('accepts the receipt number in every form the desk prints or shows (issue 9, item 11)', async () => {
    const target = created[7]!;
    const [desk, day, seq, check] = target.receiptNumber.split('-');
    for (const typed of [
      `${desk} · ${day} · ${seq} · ${check}`, // the screen
      `${desk} - ${day} - ${seq} - ${check}`, // the printed receipt
      `${desk}${day}${seq}${check}`, // no separators
      `${desk}-${day}${seq}-${check}`, // only some of them
      `${desk} ${day}-${seq} ${check}`.toLowerCase(),
    ]) {
      const p = await page({ search: typed });
      expect([p.searchKind, p.rows.map((r) => r.id)], typed).toEqual(['receipt', [target.id]]);
    }
  });

  it('finds words in title, body, name and location, by prefix, newest first, with filters', async () => {
    const p = await page({ search: 'lamp pasar' });
    expect(p.searchKind).toBe('words');
    expect(p.rows).toHaveLength(10);
    expect(p.rows.every((r) => r.title.startsWith('Lampu jalan mati'))).toBe(true);
    expect(p.rows[0]!.title).toContain('nomor 27');
    expect((await page({ search: 'pengendara' })).rows.length).toBeGreaterThanOrEqual(30); // from the body
    expect((await page({ search: 'siti aminah', agencyCode: 'DISHUB' })).rows).toHaveLength(10); // name + filter
    expect((await page({ search: 'ngadisari' })).rows.length).toBeGreaterThan(0); // location detail
    const paged = await all({ search: 'jalan' });
    expect(new Set(paged.map((r) => r.id)).size).toBe(paged.length);
  });
});

describe('duplicate hints', () => {
  it('points to open complaints with the same phone, NIK, or a very similar title at the same agency', async () => {
    const hints = value<Array<{ id: string; match: string }>>(
      await t.api.dispatch(
        'complaints.similar',
        { phone: '0812 3456 1004', title: 'Lampu jalan mati di depan pasar nomor 3', agencyCode: 'DPUPR' },
        'admin',
      ),
    );
    expect(hints.find((h) => h.match === 'phone')?.id).toBe(created[4]!.id);
    const titleHints = hints.filter((h) => h.match === 'title');
    expect(titleHints.length).toBeGreaterThan(0);
    expect(titleHints.every((h) => created.find((c) => c.id === h.id)?.agencyCode === 'DPUPR')).toBe(true);
    const unrelated = value<unknown[]>(
      await t.api.dispatch(
        'complaints.similar',
        { title: 'Permohonan salinan akta kelahiran', agencyCode: 'DPUPR' },
        'admin',
      ),
    );
    expect(unrelated).toEqual([]);
  });

  it('ignores closed complaints', async () => {
    const target = created[10]!;
    value(
      await t.api.dispatch(
        'complaints.act',
        { action: 'ARCHIVE', id: target.id, archiveReason: 'TIDAK_VALID', reason: 'Uji coba' },
        'admin',
      ),
    );
    const hints = value<Array<{ id: string }>>(
      await t.api.dispatch('complaints.similar', { phone: '081234561010' }, 'admin'),
    );
    expect(hints.map((h) => h.id)).not.toContain(target.id);
  });
});

describe('canned texts and drafts', () => {
  it('ships canned texts officers can use and supervisors can change', async () => {
    const list = value<Array<{ keyword: string }>>(await t.api.dispatch('snippets.list', {}, 'admin'));
    expect(list.map((s) => s.keyword)).toEqual(expect.arrayContaining(['jalan', 'pju', 'pungli']));
    await signedInOfficer(t.api, 'petugas', 'pin-1234', 'pc2');
    const refused = await t.api.dispatch(
      'snippets.save',
      { keyword: 'sampah', title: 'Sampah', body: 'Sampah menumpuk di [lokasi].' },
      'pc2',
    );
    expect(refused.ok === false && refused.error.code).toBe('FORBIDDEN');
    value(
      await t.api.dispatch(
        'snippets.save',
        { keyword: 'Sampah', title: 'Sampah', body: 'Sampah menumpuk di [lokasi].' },
        'admin',
      ),
    );
    expect(
      value<Array<{ keyword: string }>>(await t.api.dispatch('snippets.list', {}, 'pc2')).map(
        (s) => s.keyword,
      ),
    ).toContain('sampah');
  });

  it('keeps a draft per officer, encrypted, until it is cleared', async () => {
    const data = { title: 'Setengah diketik', nik: '3513014507900999', anonymous: false };
    value(await t.api.dispatch('drafts.save', { data }, 'admin'));
    expect(value<{ data: unknown }>(await t.api.dispatch('drafts.get', {}, 'admin')).data).toEqual(data);
    expect(value(await t.api.dispatch('drafts.get', {}, 'pc2'))).toBeNull();
    const raw = t.core.ctx.sqlite.prepare('SELECT data_enc FROM drafts').get() as { data_enc: string };
    expect(raw.data_enc).not.toContain('3513014507900999');
    value(await t.api.dispatch('drafts.clear', {}, 'admin'));
    expect(value(await t.api.dispatch('drafts.get', {}, 'admin'))).toBeNull();
  });
});
