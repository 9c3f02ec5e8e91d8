/**
 * Setting up the next counter from a desk's profile: what an admin set on one desk (settings, time
 * limits, holidays, agencies, categories, printers, central server) arrives on the next one; the
 * token never travels; a file with one bad line changes nothing and names the line.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, setUpDesk, TestClock, value } from '../support/core';

const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function desk(code: string) {
  const made = makeCore({ clock: new TestClock() });
  cleanup.push(() => made.close());
  await setUpDesk(made.api, code);
  return made;
}

describe('the desk profile', () => {
  it('carries one desk’s setup to the next, without the central server token', async () => {
    const a = await desk('PBL01');
    const call = (m: string, input: unknown) => a.api.dispatch(m, input, 'admin').then((r) => value(r));
    await call('settings.update', {
      idleLockMinutes: 9,
      retentionMonths: 36,
      followUpContact: 'WA 0811-0000-111',
    });
    await call('settings.addDeadlineRule', {
      complaintType: 'ASPIRASI',
      verifyWorkingDays: 4,
      followUpWorkingDays: 6,
      answerCalendarDays: 20,
      effectiveFrom: '2026-12-01',
    });
    await call('reference.saveHoliday', {
      date: '2027-01-01',
      kind: 'libur_nasional',
      description: 'Tahun Baru 2027',
    });
    await call('reference.saveAgency', {
      code: 'DPUPR',
      name: 'Dinas PUPR (diubah)',
      kind: 'opd',
      active: true,
    });
    const category = value<{ id: number }>(
      await a.api.dispatch(
        'reference.saveCategory',
        { name: 'Kategori baru uji', parentId: null, active: true },
        'admin',
      ),
    );
    await call('reference.saveCategory', { name: 'Sub kategori uji', parentId: category.id, active: true });
    await call('printers.save', {
      name: 'Loket 1',
      kind: 'escpos-tcp',
      address: '192.168.1.50:9100',
      paper: '80mm',
    });
    await call('forwarding.saveSettings', {
      url: 'https://pusat.example.id/',
      token: 'rahasia-token-pusat',
      enabled: true,
    });
    const exported = value<{ text: string; fileName: string }>(
      await a.api.dispatch('profile.export', {}, 'admin'),
    );
    expect(exported.fileName).toBe('profil-meja-PBL01-2026-11-27.json');
    expect(exported.text).not.toContain('rahasia-token-pusat');

    const b = await desk('PBL02');
    const result = value<{ applied: Record<string, number>; skippedRules: number; tokenNeeded: boolean }>(
      await b.api.dispatch('profile.import', { text: exported.text }, 'admin'),
    );
    expect(result.tokenNeeded).toBe(true);
    expect(result.applied).toMatchObject({ printers: 1, deadlineRules: 1 });
    const settings = value<{ idleLockMinutes: number; retentionMonths: number; followUpContact: string }>(
      await b.api.dispatch('settings.get', {}, 'admin'),
    );
    expect(settings).toMatchObject({
      idleLockMinutes: 9,
      retentionMonths: 36,
      followUpContact: 'WA 0811-0000-111',
    });
    const ref = value<{
      agencies: Array<{ code: string; name: string }>;
      holidays: Array<{ date: string }>;
      categories: Array<{ name: string; parentId: number | null; id: number }>;
    }>(await b.api.dispatch('reference.all', {}, 'admin'));
    expect(ref.agencies.find((x) => x.code === 'DPUPR')?.name).toBe('Dinas PUPR (diubah)');
    expect(ref.holidays.map((h) => h.date)).toContain('2027-01-01');
    const parent = ref.categories.find((c) => c.name === 'Kategori baru uji')!;
    expect(ref.categories.find((c) => c.name === 'Sub kategori uji')?.parentId).toBe(parent.id);
    const printers = value<Array<{ name: string; address: string }>>(
      await b.api.dispatch('printers.list', {}, 'admin'),
    );
    expect(printers.map((p) => [p.name, p.address])).toEqual([['Loket 1', '192.168.1.50:9100']]);
    const server = value<{ url: string; tokenSet: boolean }>(
      await b.api.dispatch('forwarding.settings', {}, 'admin'),
    );
    expect(server).toMatchObject({ url: 'https://pusat.example.id/', tokenSet: false });
    // Imported twice: the same state, not doubled printers.
    value(await b.api.dispatch('profile.import', { text: exported.text }, 'admin'));
    expect(value<unknown[]>(await b.api.dispatch('printers.list', {}, 'admin'))).toHaveLength(1);
  });

  it('changes nothing when one line is wrong, and names that line', async () => {
    const a = await desk('PBL01');
    const exported = value<{ text: string }>(await a.api.dispatch('profile.export', {}, 'admin'));
    const profile = JSON.parse(exported.text);
    profile.settings.idleLockMinutes = 3;
    profile.agencies[2].name = '';
    const b = await desk('PBL02');
    const before = value(await b.api.dispatch('settings.get', {}, 'admin'));
    const refused = await b.api.dispatch('profile.import', { text: JSON.stringify(profile) }, 'admin');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('VALIDATION');
    expect(refused.error.message).toContain('agencies.2.name');
    expect(Object.keys(refused.error.fields ?? {})).toContain('agencies.2.name');
    expect(value(await b.api.dispatch('settings.get', {}, 'admin'))).toEqual(before);
    const clean = JSON.parse(exported.text);
    for (const [text, says] of [
      ['{not json', 'bukan JSON'],
      [JSON.stringify({ ...clean, format: 'lain@9' }), 'format'],
      [
        JSON.stringify({
          ...clean,
          printers: [{ name: 'x', kind: 'escpos-device', address: '/etc/passwd', paper: '80mm' }],
        }),
        'printers.0',
      ],
    ] as const) {
      const r = await b.api.dispatch('profile.import', { text }, 'admin');
      expect(r.ok ? 'ok' : r.error.message, text.slice(0, 30)).toContain(says);
    }
  });
});
