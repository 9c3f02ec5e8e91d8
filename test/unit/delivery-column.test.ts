/**
 * A record's delivery on its row (migration 0017) is what its outbox says, whatever happens to the
 * outbox: queued, sent, retried, parked, sent again, a file skipped after an erasure, a register's
 * lane beside them. Checked against the outbox itself for every record after each step.
 */
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeCentral } from '../support/fake-central';
import { connect, save, until, wallClockDesk, type Desk } from '../support/forwarding';
import { uploadBytes } from '../support/uploads';
import { value } from '../support/core';

let desk: Desk;
let central: FakeCentral;
const fast = { baseBackoffMs: 5, maxBackoffMs: 40, requestTimeoutMs: 1500, maxInvalidAnswers: 3 };

beforeEach(async () => {
  central = await new FakeCentral().start();
});
afterEach(async () => {
  desk?.close();
  await central.stop();
});

/** Records whose column differs from their outbox (the lookup the column replaced). */
const disagreeing = () =>
  desk.core.ctx.sqlite
    .prepare(
      `SELECT c.receipt_number, c.delivery, (SELECT CASE WHEN sum(o.state = 'parked') > 0 THEN 'parked'
         WHEN sum(o.state = 'pending') > 0 THEN 'waiting' WHEN count(*) > 0 THEN 'sent' END
         FROM outbox o WHERE o.complaint_id = c.id) AS outbox FROM complaints c
       WHERE c.delivery IS NOT (SELECT CASE WHEN sum(o.state = 'parked') > 0 THEN 'parked'
         WHEN sum(o.state = 'pending') > 0 THEN 'waiting' WHEN count(*) > 0 THEN 'sent' END
         FROM outbox o WHERE o.complaint_id = c.id)`,
    )
    .all();
const deliveryOf = (id: string) =>
  desk.core.ctx.sqlite.prepare('SELECT delivery FROM complaints WHERE id = ?').pluck().get(id);

describe('a record’s delivery on its row', () => {
  it('follows its outbox through queueing, sending, parking, sending again and a skipped file', async () => {
    desk = await wallClockDesk(fast);
    const refused = await save(desk, 'Catatan yang ditolak server pusat');
    const fine = await save(desk, 'Jalan rusak di Desa Sumberanyar');
    const withFile = await save(desk, 'Lampu jalan padam');
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#48c' } })
      .jpeg()
      .toBuffer();
    value(
      await desk.api.dispatch(
        'attachments.add',
        { uploadId: await uploadBytes(desk.api, photo), complaintId: withFile, name: 'foto.jpg' },
        'admin',
      ),
    );
    // Queued, nothing sent: all waiting.
    expect([refused, fine, withFile].map(deliveryOf)).toEqual(['waiting', 'waiting', 'waiting']);
    expect(disagreeing()).toEqual([]);

    // The server refuses one record for good (422): parked; the others go.
    central.fault = (req, path) => (req.method === 'PUT' && path.endsWith(refused) ? '422' : 'ok');
    await connect(desk, central);
    await until(() => desk.core.forwarding.status().waiting === 0);
    expect([refused, fine, withFile].map(deliveryOf)).toEqual(['parked', 'sent', 'sent']);
    expect(disagreeing()).toEqual([]);

    // A supervisor sends it again once the server takes it.
    central.fault = () => 'ok';
    const parked = desk.core.forwarding.parkedList();
    value(await desk.api.dispatch('forwarding.resend', { id: parked[0]!.id }, 'admin'));
    await until(() => deliveryOf(refused) === 'sent');
    expect(disagreeing()).toEqual([]);

    // A new event waits, then goes; an erased file is skipped (sent, without the server).
    central.fault = () => '503';
    value(await desk.api.dispatch('complaints.act', { id: fine, action: 'VERIFY' }, 'admin'));
    expect(deliveryOf(fine)).toBe('waiting');
    value(
      await desk.api.dispatch(
        'attachments.add',
        { uploadId: await uploadBytes(desk.api, photo), complaintId: fine, name: 'foto-2.jpg' },
        'admin',
      ),
    );
    desk.core.ctx.sqlite.transaction(() => desk.core.attachments.purge([fine]))();
    expect(disagreeing()).toEqual([]);
    central.fault = () => 'ok';
    await until(() => deliveryOf(fine) === 'sent');
    expect(disagreeing()).toEqual([]);
  });
});
