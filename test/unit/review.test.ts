/**
 * The supervisor's day: the review of a day's intake, its actions as history events with the
 * supervisor's name, records returned to their officer until corrected, and closing the day into
 * a kept register whose digest a reprint reproduces (issue 11).
 */
import { createHash } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskError } from '../../src/shared/result';
import {
  makeCore,
  sampleComplaint,
  setUpDesk,
  signedInOfficer,
  signedInSupervisor,
  value,
} from '../support/core';

let desk: ReturnType<typeof makeCore>;

beforeEach(async () => {
  desk = makeCore();
  await setUpDesk(desk.api);
  await signedInOfficer(desk.api, 'budi', 'pin-budi-1', 'budi');
  await signedInSupervisor(desk.api);
});
afterEach(() => desk.close());

const call = (method: string, input: unknown, who = 'sari') => desk.api.dispatch(method, input, who);
const failure = async (p: Promise<{ ok: boolean; error?: unknown }>) => {
  const r = await p;
  if (r.ok) throw new Error('expected a refusal');
  return r.error as DeskError;
};
async function save(change: Record<string, unknown> = {}, who = 'budi'): Promise<string> {
  const { id } = value<{ id: string }>(
    await call('complaints.create', { ...sampleComplaint, ...change }, who),
  );
  desk.clock.advance(60_000);
  return id;
}
type Day = {
  day: string;
  summary: Record<string, unknown> & { review: Record<string, number> };
  records: Array<{
    id: string;
    receiptNumber: string;
    title: string;
    review: { state: string; by: string | null; note: string | null };
    flags: Array<{ rule: string; params?: Record<string, unknown> }>;
    afterClose: boolean;
  }>;
  register: { digest: string } | null;
};
const day = async (d?: string) => value<Day>(await call('review.day', d ? { day: d } : {}));
const events = (id: string) =>
  desk.core.ctx.sqlite
    .prepare(
      `SELECT e.kind, a.display_name AS actor, e.reason FROM complaint_events e
       LEFT JOIN accounts a ON a.id = e.actor_id WHERE complaint_id = ? ORDER BY e.at, e.id`,
    )
    .all(id);

describe('the day review', () => {
  it('lists the day’s records with their flags and a summary; titles of Rahasia records withheld', async () => {
    const plain = await save();
    const secret = await save({ confidential: true, title: 'Pungutan liar di kantor desa oleh oknum' });
    const vague = await save({ desaCode: undefined, locationDetail: undefined, anonymous: true });
    await save({ supervisory: true });
    const d = await day();
    expect(d.day).toBe('2026-11-27');
    expect(d.records.map((r) => r.id)).toEqual([plain, secret, vague, expect.any(String)]);
    expect(d.records[1]!.title).toBe('');
    expect(d.records[2]!.flags.map((f) => f.rule)).toContain('vagueLocation');
    expect(d.records[3]!.flags.map((f) => f.rule)).toContain('supervisoryNotInspektorat');
    // The same phone as the first, which is still open.
    expect(d.records[1]!.flags.map((f) => f.rule)).toContain('possibleDuplicate');
    expect(d.summary).toMatchObject({
      received: 4,
      byType: { PENGADUAN: 4 },
      byOfficer: { budi: 4 },
      byAgency: { DPUPR: 4 },
      byStage: { new: 4, verified: 0, forwarded: 0, closed: 0, postponed: 0 },
      supervisory: 1,
      anonymous: 1,
      confidential: 1,
      delivery: { sent: 0, waiting: 4, parked: 0 },
      review: { open: 4, reviewed: 0, verified: 0, returned: 0, corrected: 0 },
    });
    expect(d.register).toBeNull();
    // Another day is empty; a day to come is refused, naming the field.
    expect((await day('2026-11-26')).records).toEqual([]);
    expect((await failure(call('review.day', { day: '2026-11-28' }))).fields).toEqual({
      day: 'Hari yang dipilih belum tiba.',
    });
  });

  it('follows the rules an admin sets, and refuses a bad setting naming the field', async () => {
    await save({ desaCode: undefined, locationDetail: undefined });
    expect((await day()).records[0]!.flags.map((f) => f.rule)).toContain('vagueLocation');
    const settings = value<{ reviewRules: Record<string, unknown> }>(await call('settings.get', {}, 'admin'));
    const bad = await failure(
      call('settings.update', { reviewRules: { ...settings.reviewRules, workStart: '25:00' } }, 'admin'),
    );
    expect(Object.keys(bad.fields ?? {})).toEqual(['reviewRules.workStart']);
    value(
      await call(
        'settings.update',
        { reviewRules: { ...settings.reviewRules, off: ['vagueLocation'], minBodyWords: 200 } },
        'admin',
      ),
    );
    const flags = (await day()).records[0]!.flags;
    expect(flags.map((f) => f.rule)).not.toContain('vagueLocation');
    expect(flags.find((f) => f.rule === 'thinReport')?.params).toMatchObject({ min: 200 });
    // Only an admin changes them.
    expect((await failure(call('settings.update', { reviewRules: settings.reviewRules }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('is the supervisor’s: an officer is refused by main', async () => {
    expect((await failure(call('review.day', {}, 'budi'))).code).toBe('FORBIDDEN');
    expect((await failure(call('review.closeDay', { day: '2026-11-27' }, 'budi'))).code).toBe('FORBIDDEN');
  });

  it('marks reviewed and verifies, each a history event with the supervisor’s name', async () => {
    const a = await save();
    const b = await save();
    expect(value(await call('review.mark', { id: a, outcome: 'reviewed' }))).toMatchObject({
      state: 'reviewed',
      by: 'Sari Supervisor',
    });
    expect(value(await call('review.mark', { id: b, outcome: 'verified' }))).toMatchObject({
      state: 'verified',
    });
    expect(events(a)).toContainEqual({ kind: 'TINJAU', actor: 'Sari Supervisor', reason: null });
    expect(events(b)).toContainEqual({ kind: 'VERIFY', actor: 'Sari Supervisor', reason: null });
    const d = await day();
    expect(d.summary.review).toMatchObject({ open: 0, reviewed: 1, verified: 1 });
    expect(d.summary).toMatchObject({ byStage: { new: 1, verified: 1 } });
    // A verified record cannot be verified from a later status.
    value(await call('complaints.act', { id: b, action: 'FORWARD' }, 'sari'));
    expect((await failure(call('review.mark', { id: b, outcome: 'verified' }))).code).toBe('CONFLICT');
    // Review events stay on the desk: nothing more waits for the central server.
    const waiting = desk.core.ctx.sqlite
      .prepare('SELECT count(*) FROM outbox WHERE complaint_id = ?')
      .pluck();
    expect(waiting.get(a)).toBe(2); // the complaint and its DITERIMA
  });

  it('returns a record to its officer: on their Beranda until they correct it, then back to the review', async () => {
    const a = await save();
    const other = await save({}, 'admin');
    value(await call('review.return', { id: a, note: 'Lengkapi kronologi: kapan mulai rusak?' }));
    expect(events(a)).toContainEqual({
      kind: 'KEMBALIKAN',
      actor: 'Sari Supervisor',
      reason: 'Lengkapi kronologi: kapan mulai rusak?',
    });
    const mine = value<Array<{ id: string; note: string; returnedBy: string }>>(
      await call('review.returned', {}, 'budi'),
    );
    expect(mine).toEqual([
      expect.objectContaining({
        id: a,
        note: 'Lengkapi kronologi: kapan mulai rusak?',
        returnedBy: 'Sari Supervisor',
      }),
    ]);
    expect(value<unknown[]>(await call('review.returned', {}, 'sari'))).toHaveLength(1);

    // The officer may correct this record, and only this one.
    expect(
      (
        await failure(
          call(
            'complaints.correct',
            { id: other, title: 'Judul lain sekali', reason: 'Coba mengubah' },
            'budi',
          ),
        )
      ).code,
    ).toBe('FORBIDDEN');
    value(
      await call(
        'complaints.correct',
        { id: a, body: `${sampleComplaint.body} Rusak sejak 1 November 2026.`, reason: 'Dilengkapi' },
        'budi',
      ),
    );
    expect(value<unknown[]>(await call('review.returned', {}, 'budi'))).toEqual([]);
    const after = (await day()).records.find((r) => r.id === a)!;
    expect(after.review.state).toBe('corrected');
    expect(after.flags.map((f) => f.rule)).toContain('corrected');
    // Once corrected it is no longer the officer's to change.
    expect(
      (
        await failure(
          call('complaints.correct', { id: a, title: 'Judul diubah lagi', reason: 'Diubah lagi' }, 'budi'),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('Beranda', () => {
  it('counts an officer’s own records, and the whole desk for a supervisor', async () => {
    await save();
    await save();
    await save({}, 'sari');
    const mine = value<Record<string, unknown>>(await call('review.home', {}, 'budi'));
    expect(mine).toMatchObject({
      scope: 'mine',
      today: 3,
      todayMine: 2,
      late: 0,
      dueToday: 0,
      dayClosed: false,
    });
    const desk_ = value<Record<string, unknown>>(await call('review.home', {}, 'sari'));
    expect(desk_).toMatchObject({ scope: 'desk', today: 3, todayMine: 1 });
    // Five working days on, every verification deadline (three working days) has passed.
    desk.clock.advance(7 * 86_400_000);
    value(await call('auth.unlock', { secret: 'pin-budi-1' }, 'budi'));
    value(await call('auth.unlock', { secret: 'pin-sari-1' }, 'sari'));
    expect(value(await call('review.home', {}, 'budi'))).toMatchObject({ today: 0, late: 2 });
    expect(value(await call('review.home', {}, 'sari'))).toMatchObject({ late: 3 });
  });
});

describe('closing the day', () => {
  it('needs every record reviewed, or a reason; keeps the register with its digest; a reprint matches', async () => {
    const a = await save();
    const b = await save({ confidential: true });
    value(await call('review.mark', { id: a, outcome: 'reviewed' }));
    const refused = await failure(call('review.closeDay', { day: '2026-11-27' }));
    expect(refused.fields?.reason).toBe(
      '1 pengaduan belum ditinjau. Tinjau dulu, atau tulis alasan menutup hari tanpa meninjaunya.',
    );
    expect(await day().then((d) => d.register)).toBeNull();

    const closed = value<{ digest: string; entries: number; closedBy: string; reason: string }>(
      await call('review.closeDay', { day: '2026-11-27', reason: 'Supervisor cuti sore ini' }),
    );
    expect(closed).toMatchObject({
      entries: 2,
      closedBy: 'Sari Supervisor',
      reason: 'Supervisor cuti sore ini',
    });
    const kept = desk.core.registers.content('2026-11-27')!;
    expect(createHash('sha256').update(kept.content).digest('hex')).toBe(closed.digest);
    const content = JSON.parse(kept.content) as {
      entries: Array<{ receiptNumber: string; title: string | null }>;
    };
    expect(content.entries.map((e) => e.title)).toEqual([sampleComplaint.title, null]);
    expect(kept.content).not.toContain(sampleComplaint.complainantName);
    expect(kept.content).not.toContain(sampleComplaint.nik);

    const first = value<{ url: string; digest: string }>(
      await call('review.registerPage', { day: '2026-11-27' }),
    );
    const again = value<{ url: string; digest: string }>(
      await call('review.registerPage', { day: '2026-11-27' }),
    );
    expect(again.digest).toBe(first.digest);
    expect(again.url).not.toBe(first.url);
    const html = desk.core.registers.takePrepared(first.url.split('/').pop()!)!;
    expect(html).toContain(closed.digest);
    expect(html).toContain(content.entries[0]!.receiptNumber);
    expect(html).toContain('(Rahasia)');
    expect(desk.core.registers.takePrepared(first.url.split('/').pop()!)).toBeUndefined(); // one-time

    expect((await failure(call('review.closeDay', { day: '2026-11-27', reason: 'Sekali lagi' }))).code).toBe(
      'CONFLICT',
    );
    expect(() => desk.core.ctx.sqlite.prepare("UPDATE day_registers SET digest = 'x'").run()).toThrow(
      /append-only/,
    );
    void b;
  });

  it('a record saved after the close is flagged, and goes on the next day’s register', async () => {
    const a = await save();
    value(await call('review.mark', { id: a, outcome: 'reviewed' }));
    value(await call('review.closeDay', { day: '2026-11-27' }));
    const late = await save();
    const d = await day();
    expect(d.records.find((r) => r.id === late)).toMatchObject({ afterClose: true });
    expect(d.records.find((r) => r.id === late)!.flags.map((f) => f.rule)).toContain('afterClose');

    desk.clock.advance(3 * 86_400_000); // Monday: the screens locked over the weekend
    value(await call('auth.unlock', { secret: 'pin-budi-1' }, 'budi'));
    value(await call('auth.unlock', { secret: 'pin-sari-1' }, 'sari'));
    const monday = await save();
    value(await call('review.mark', { id: monday, outcome: 'reviewed' }));
    const next = value<{ entries: number }>(await call('review.closeDay', { day: '2026-11-30' }));
    expect(next.entries).toBe(2);
    const content = JSON.parse(desk.core.registers.content('2026-11-30')!.content) as {
      entries: Array<{ lateFor: string | null }>;
    };
    expect(content.entries.map((e) => e.lateFor)).toEqual(['2026-11-27', null]);
  });

  it('two supervisors closing the same day at the same moment: one register, one refusal', async () => {
    await save();
    const results = await Promise.all(
      [1, 2, 3].map(() => call('review.closeDay', { day: '2026-11-27', reason: 'Tutup bersamaan' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as { error: DeskError }).error.code)).toEqual([
      'CONFLICT',
      'CONFLICT',
    ]);
    expect(desk.core.ctx.sqlite.prepare('SELECT count(*) FROM register_entries').pluck().get()).toBe(1);
  });
});

describe('the register in the desktop shell', () => {
  it('is written as a PDF file in the registers folder, owner-only, named by desk, day and digest', async () => {
    const written: Array<{ html: string; cssPage: boolean | undefined }> = [];
    const shell = makeCore({
      desktopPrinting: {
        printHtml: async () => undefined,
        // Stands in for Chromium's printToPDF, which needs the Electron binary.
        savePdf: async (html, { file, cssPage }) => {
          written.push({ html, cssPage });
          writeFileSync(file, '%PDF-1.7 stand-in');
          return file;
        },
      },
    });
    try {
      await setUpDesk(shell.api);
      value(await shell.api.dispatch('review.closeDay', { day: '2026-11-27' }, 'admin'));
      const page = value<{ url: string | null; file: string; digest: string }>(
        await shell.api.dispatch('review.registerPage', { day: '2026-11-27' }, 'admin'),
      );
      expect(page.url).toBeNull();
      expect(page.file).toBe(
        join(shell.dataDir, 'registers', `register-PBL01-2026-11-27-${page.digest.slice(0, 8)}.pdf`),
      );
      expect(statSync(page.file).mode & 0o777).toBe(0o600);
      expect(statSync(join(shell.dataDir, 'registers')).mode & 0o777).toBe(0o700);
      expect(written).toHaveLength(1);
      expect(written[0]!.cssPage).toBe(true);
      expect(written[0]!.html).toContain(page.digest);
    } finally {
      shell.close();
    }
  });
});
