/**
 * The tamper-evident trail: someone with the sqlite3 tool edits, removes or slips in a row of the
 * audit trail or a complaint's history, and the verify names that row. Someone who also rewrites
 * every hash after their edit is caught by the chain head the daily register recorded.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditRowText, eventRowText, genesis, linkHash } from '../../src/main/platform/chain';
import type { TrailReport } from '../../src/main/trail/trail';
import {
  makeCore,
  sampleComplaint,
  setUpDesk,
  signedInOfficer,
  tempDir,
  TestClock,
  value,
} from '../support/core';

const cleanup: Array<() => void> = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

/** A desk with some history: complaints saved and acted on, audit rows of all kinds. */
async function deskWithHistory() {
  const dir = tempDir('desk-trail-');
  const key = randomBytes(32);
  const clock = new TestClock();
  let made = makeCore({ dataDir: dir.path, masterKey: key, clock });
  cleanup.push(() => {
    if (made.core.ctx.sqlite.open) made.core.close();
    dir.remove();
  });
  await setUpDesk(made.api);
  const ids: string[] = [];
  // Saved concurrently, as several counters' requests would arrive: the chain stays one line.
  const saved = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      made.api.dispatch(
        'complaints.create',
        { ...sampleComplaint, title: `${sampleComplaint.title} ${i}` },
        'admin',
      ),
    ),
  );
  for (const r of saved) ids.push(value<{ id: string }>(r).id);
  for (const id of ids.slice(0, 4))
    value(await made.api.dispatch('complaints.act', { id, action: 'VERIFY' }, 'admin'));
  value(
    await made.api.dispatch(
      'complaints.revealPersonalData',
      { id: ids[0]!, reason: 'Uji jejak audit' },
      'admin',
    ),
  );
  const verify = async () => value<TrailReport>(await made.api.dispatch('trail.verify', {}, 'admin'));
  return {
    dir: dir.path,
    ids,
    clock,
    get api() {
      return made.api;
    },
    get core() {
      return made.core;
    },
    verify,
    /** Closes the desk, runs SQL through the sqlite3 tool, and opens the desk again. */
    async tamper(sql: string) {
      made.core.close();
      execFileSync('sqlite3', [join(dir.path, 'desk.sqlite'), sql]);
      made = makeCore({ dataDir: dir.path, masterKey: key, clock });
      value(await made.api.dispatch('auth.signIn', { name: 'admin', secret: 'rahasia-admin-1' }, 'admin'));
    },
  };
}

const eventOf = (desk: Awaited<ReturnType<typeof deskWithHistory>>, seq: number) =>
  desk.core.ctx.sqlite
    .prepare('SELECT id FROM complaint_events WHERE chain_seq = ?')
    .pluck()
    .get(seq) as string;

describe('the hash chain over the audit trail and the history', () => {
  it('holds on an untouched desk, including complaints saved concurrently', async () => {
    const desk = await deskWithHistory();
    const report = await desk.verify();
    expect(report.problem).toBeNull();
    expect(report.ok).toBe(true);
    const events = desk.core.ctx.sqlite
      .prepare('SELECT count(*) FROM complaint_events')
      .pluck()
      .get() as number;
    expect(events).toBeGreaterThanOrEqual(16); // 12 received, 4 verified, and what the reveal left
    expect(report.checked.events).toBe(events);
    expect(report.checked.audit).toBeGreaterThanOrEqual(3);
    expect(report.head.events?.seq).toBe(events);
    // The check is itself audited.
    const again = await desk.verify();
    expect(again.checked.audit).toBe(report.checked.audit + 1);
  });

  it('names an audit row edited with the sqlite3 tool', async () => {
    const desk = await deskWithHistory();
    const target = desk.core.ctx.sqlite
      .prepare("SELECT id FROM audit_log WHERE action LIKE '%reveal%' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as number;
    await desk.tamper(
      `DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = '{"reason":"tidak pernah dibuka"}' WHERE id = ${target};`,
    );
    const report = await desk.verify();
    expect(report.ok).toBe(false);
    expect(report.problem).toEqual({
      table: 'audit_log',
      id: String(target),
      chainSeq: null,
      reason: 'changed',
    });
  });

  it('names a history row edited with the sqlite3 tool, by its id and place in the chain', async () => {
    const desk = await deskWithHistory();
    const id = eventOf(desk, 14);
    await desk.tamper(
      `DROP TRIGGER complaint_events_no_update; UPDATE complaint_events SET at = '2026-11-20T01:00:00.000Z' WHERE id = '${id}';`,
    );
    expect((await desk.verify()).problem).toEqual({
      table: 'complaint_events',
      id,
      chainSeq: 14,
      reason: 'changed',
    });
  });

  it('names the row after one that was deleted, and a row slipped in from outside', async () => {
    const desk = await deskWithHistory();
    const gone = eventOf(desk, 5);
    const after = eventOf(desk, 6);
    await desk.tamper(
      `DROP TRIGGER complaint_events_no_delete; DELETE FROM complaint_events WHERE id = '${gone}';`,
    );
    expect((await desk.verify()).problem).toEqual({
      table: 'complaint_events',
      id: after,
      chainSeq: 6,
      reason: 'gap',
    });

    const other = await deskWithHistory();
    const last = other.core.ctx.sqlite.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    await other.tamper(
      `INSERT INTO audit_log (id, at, actor_id, action, target, detail) VALUES (${last + 50}, '2026-11-27T03:00:00.000Z', NULL, 'auth.signIn', NULL, NULL);`,
    );
    expect((await other.verify()).problem).toMatchObject({
      table: 'audit_log',
      id: String(last + 50),
      reason: 'unchained',
    });
  });

  it('catches a rewrite that recomputes every hash, through the head the daily register recorded', async () => {
    const desk = await deskWithHistory();
    value(
      await desk.api.dispatch(
        'review.closeDay',
        { day: '2026-11-27', reason: 'Uji rantai dan register' },
        'admin',
      ),
    );
    const register = desk.core.ctx.sqlite
      .prepare('SELECT content FROM day_registers')
      .pluck()
      .get() as string;
    const content = JSON.parse(register) as {
      format: string;
      chain: { events: { seq: number; hash: string } };
    };
    expect(content.format).toBe('meja-pengaduan/register-harian@2');
    expect(content.chain.events.seq).toBe(
      desk.core.ctx.sqlite.prepare('SELECT count(*) FROM complaint_events').pluck().get(),
    );
    expect((await desk.verify()).ok).toBe(true);

    // A careful forger edits an early event and rewrites every hash after it, so each row fits.
    const sqlite = desk.core.ctx.sqlite;
    const rows = sqlite
      .prepare(
        `SELECT chain_seq AS chainSeq, id, complaint_id AS complaintId, kind, at, actor_id AS actorId, from_status AS fromStatus,
           to_status AS toStatus, reason, data FROM complaint_events ORDER BY chain_seq`,
      )
      .all() as Array<Parameters<typeof eventRowText>[0]>;
    rows[2]!.at = '2026-11-26T23:00:00.000Z';
    let prev = genesis;
    const updates = rows.map((r) => {
      prev = linkHash(prev, 'event', eventRowText(r));
      return `UPDATE complaint_events SET at = '${r.at}', hash = '${prev}' WHERE id = '${r.id}';`;
    });
    await desk.tamper(`DROP TRIGGER complaint_events_no_update; ${updates.join(' ')}`);
    const report = await desk.verify();
    expect(report.problem).toBeNull();
    expect(report.ok).toBe(false);
    expect(report.registerMismatch).toBe('2026-11-27');
  });

  it('seals the rows of a desk from before the chain, and still names an edit among them', async () => {
    const desk = await deskWithHistory();
    // A desk from before the chain: no row carries a link, and there is no seal.
    await desk.tamper(
      'DROP TRIGGER complaint_events_no_update; DROP TRIGGER audit_log_no_update; UPDATE complaint_events SET chain_seq = NULL, hash = NULL; UPDATE audit_log SET hash = NULL;',
    );
    // Opening it (in tamper()) sealed the old rows; new rows continue the chain from the seal.
    const events = desk.core.ctx.sqlite
      .prepare('SELECT count(*) FROM complaint_events')
      .pluck()
      .get() as number;
    const seals = desk.core.ctx.sqlite.prepare('SELECT kind, rows FROM chain_seals ORDER BY kind').all();
    expect(seals).toEqual([
      { kind: 'audit', rows: expect.any(Number) },
      { kind: 'event', rows: events },
    ]);
    value(await desk.api.dispatch('complaints.create', sampleComplaint, 'admin'));
    const report = await desk.verify();
    expect(report.problem).toBeNull();
    expect(report.checked.events).toBe(events + 1);
    const old = desk.ids[3]!;
    await desk.tamper(`UPDATE complaint_events SET reason = 'diubah' WHERE complaint_id = '${old}';`);
    expect((await desk.verify()).problem).toMatchObject({ table: 'complaint_events', reason: 'seal' });
  });

  it('is for supervisors; officers may not run it', async () => {
    const desk = await deskWithHistory();
    await signedInOfficer(desk.api, 'petugas1', 'rahasia-petugas-1', 'officer');
    const r = await desk.api.dispatch('trail.verify', {}, 'officer');
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
  });

  it('links audit rows exactly as the chain module defines them', async () => {
    const desk = await deskWithHistory();
    const rows = desk.core.ctx.sqlite
      .prepare('SELECT id, at, actor_id AS actorId, action, target, detail, hash FROM audit_log ORDER BY id')
      .all() as Array<Parameters<typeof auditRowText>[0] & { hash: string }>;
    let prev = genesis;
    for (const row of rows) {
      prev = linkHash(prev, 'audit', auditRowText(row));
      expect(row.hash).toBe(prev);
    }
  });
});
