/**
 * A full disk during a save: SQLite refuses the write (SQLITE_FULL, here by capping the file at its
 * current size, the same refusal a full disk gives), the officer is told plainly, nothing of the
 * complaint is half-written, no receipt number is used up, and the next save after space is freed
 * goes through as if nothing happened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeCore, sampleComplaint, setUpDesk, value } from '../support/core';

const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

const counts = (desk: ReturnType<typeof makeCore>) =>
  Object.fromEntries(
    ['complaints', 'complaint_events', 'outbox', 'complaint_fts', 'audit_log'].map((t) => [
      t,
      desk.core.ctx.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get(),
    ]),
  );

describe('a full disk', () => {
  it('refuses the save whole, says so, uses no number, and the next save after space is freed works', async () => {
    const desk = makeCore();
    cleanup.push(() => desk.close());
    await setUpDesk(desk.api);
    const first = value<{ receiptNumber: string }>(
      await desk.api.dispatch('complaints.create', sampleComplaint, 'admin'),
    );
    desk.core.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = counts(desk);
    const pages = desk.core.ctx.sqlite.pragma('page_count', { simple: true }) as number;
    desk.core.ctx.sqlite.pragma(`max_page_count = ${pages}`);

    // Several saves while full: each refused with the same clear message.
    for (let i = 0; i < 3; i++) {
      const refused = await desk.api.dispatch(
        'complaints.create',
        { ...sampleComplaint, body: `${sampleComplaint.body} ${'Keterangan tambahan. '.repeat(150)}` },
        'admin',
      );
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code, JSON.stringify(refused.error)).toBe('DISK_FULL');
      expect(refused.error.message).toContain('Disk komputer ini penuh');
      expect(refused.error.message).toContain('tidak ada yang tersimpan setengah');
    }
    expect(counts(desk)).toEqual(before);
    // The half-typed form cannot be kept in the database either; that too is said, not thrown.
    const draft = await desk.api.dispatch(
      'drafts.save',
      { data: { title: 'x'.repeat(9_000), body: 'y'.repeat(9_000) } },
      'admin',
    );
    expect(draft.ok ? 'ok' : draft.error.code).toBe('DISK_FULL');

    desk.core.ctx.sqlite.pragma('max_page_count = 4294967294');
    const next = value<{ receiptNumber: string }>(
      await desk.api.dispatch('complaints.create', sampleComplaint, 'admin'),
    );
    // The refused saves used no number: the next one follows the first.
    const seq = (n: string) => Number(n.split('-')[2]);
    expect(seq(next.receiptNumber)).toBe(seq(first.receiptNumber) + 1);
    expect(value<{ ok: boolean }>(await desk.api.dispatch('trail.verify', {}, 'admin')).ok).toBe(true);
    expect(desk.core.ctx.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
