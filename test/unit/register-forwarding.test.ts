/**
 * The close of a day reaches the central server as its own message (issue 11): written to the outbox
 * in the closing transaction, sent once in effect (a retry after a lost answer stores nothing new),
 * with the digest the server can check against the content; a different register for the same day
 * is refused and parked for a supervisor.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { wibDate } from '../../src/shared/calendar/working-days';
import { FakeCentral } from '../support/fake-central';
import { connect, save, until, wallClockDesk, type Desk } from '../support/forwarding';
import { value } from '../support/core';

let central: FakeCentral | undefined;
let desk: Desk | undefined;
afterEach(async () => {
  desk?.close();
  await central?.stop();
});

describe('the daily register on the central server', () => {
  it('is sent once the day closes, with its digest, and a retry after a lost answer stores nothing new', async () => {
    central = await new FakeCentral().start();
    desk = await wallClockDesk({ baseBackoffMs: 50, maxBackoffMs: 200 });
    await save(desk);
    await save(desk);
    const today = wibDate(new Date());
    const closed = value<{ id: string; digest: string }>(
      await desk.api.dispatch('review.closeDay', { day: today, reason: 'Uji kirim register' }, 'admin'),
    );
    // Waiting in its own lane until the desk is connected.
    const rows = desk.core.ctx.sqlite
      .prepare("SELECT complaint_id AS lane, state FROM outbox WHERE kind = 'register'")
      .all();
    expect(rows).toEqual([{ lane: `register:${today}`, state: 'pending' }]);

    // The first answer to the register is lost after the server stored it.
    let dropped = false;
    central.fault = (req, path) =>
      req.method === 'PUT' && path.startsWith('/v1/registers/') && !dropped && (dropped = true)
        ? 'drop-after-commit'
        : 'ok';
    await connect(desk, central);
    await until(() => central!.registers.size === 1 && central!.complaints.size === 2);
    await until(
      () =>
        desk!.core.ctx.sqlite.prepare("SELECT state FROM outbox WHERE kind = 'register'").pluck().get() ===
        'sent',
    );
    const stored = JSON.parse(central.registers.get(`PBL01/${today}`)!) as {
      id: string;
      digest: string;
      content: string;
      entries: number;
    };
    expect(stored).toMatchObject({ id: closed.id, digest: closed.digest, entries: 2 });
    expect(createHash('sha256').update(stored.content).digest('hex')).toBe(closed.digest);
    expect(stored.content).toBe(desk.core.registers.content(today)!.content);
    expect(dropped).toBe(true);
  });

  it('a different register for the same day is refused and parked, not retried for ever', async () => {
    central = await new FakeCentral().start();
    desk = await wallClockDesk({ baseBackoffMs: 50, maxBackoffMs: 200 });
    const today = wibDate(new Date());
    central.registers.set(`PBL01/${today}`, '{"another":"register"}');
    value(await desk.api.dispatch('review.closeDay', { day: today }, 'admin'));
    await connect(desk, central);
    await until(
      () =>
        desk!.core.ctx.sqlite.prepare("SELECT state FROM outbox WHERE kind = 'register'").pluck().get() ===
        'parked',
    );
    const parked = value<Array<{ kind: string; complaintId: string; lastStatus: number }>>(
      await desk.api.dispatch('forwarding.parked', {}, 'admin'),
    );
    expect(parked).toEqual([
      expect.objectContaining({ kind: 'register', complaintId: `register:${today}`, lastStatus: 409 }),
    ]);
  });
});
