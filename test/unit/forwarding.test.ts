/** Forwarding over real HTTP on loopback to a fake central server that misbehaves on request. */
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rng } from '../bench/dataset';
import { classify, retryAfterMs } from '../../src/main/forwarding/client';
import { FakeCentral, type Fault } from '../support/fake-central';
import { makeTestCa } from '../support/tls';
import { makeCore, sampleComplaint, setUpDesk, TestClock, value } from '../support/core';

let t: ReturnType<typeof makeCore>;
let central: FakeCentral;
type Status = {
  waiting: number;
  held: number;
  parked: number;
  connection: string;
  pausedReason: string | null;
  alarm: boolean;
};

beforeEach(async () => {
  // Real time here: backoff timers and HTTP run on the wall clock.
  const clock = new TestClock();
  clock.now = () => new Date();
  t = makeCore({
    clock,
    forwarding: { baseBackoffMs: 5, maxBackoffMs: 50, requestTimeoutMs: 400, concurrency: 4 },
  });
  await setUpDesk(t.api);
  central = await new FakeCentral().start();
});
afterEach(async () => {
  t.close();
  await central.stop();
});

const status = async () => value<Status>(await t.api.dispatch('forwarding.status', {}, 'admin'));
async function connect(token = central.token) {
  value(await t.api.dispatch('forwarding.saveSettings', { url: central.url, token, enabled: true }, 'admin'));
  t.core.forwarding.start();
}
async function until(check: () => Promise<boolean> | boolean, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out waiting');
}
const deskEvents = () =>
  t.core.ctx.sqlite
    .prepare(
      "SELECT id, complaint_id AS c FROM complaint_events WHERE kind <> 'PEMBUKAAN_DATA_PRIBADI' ORDER BY at, id",
    )
    .all() as Array<{ id: string; c: string }>;

describe('classifying the server’s answers', () => {
  const answer = (status: number, retryAfter: string | null = null, body = '') => ({
    status,
    contentType: 'application/json',
    location: null,
    retryAfter,
    body: Buffer.from(body),
    truncated: false,
  });
  const kind = (status: number) => classify(answer(status), 'https://pusat').kind;
  it('retries network trouble, 408, 429 and 5xx; pauses on 401/403; parks 3xx and other 4xx; distrusts the rest', () => {
    expect(
      classify(answer(429, '7', '{"error":{"code":"RATE","message":"pelan"}}'), 'https://pusat'),
    ).toEqual({
      kind: 'retry',
      status: 429,
      message: 'RATE: pelan',
      retryAfterMs: 7000,
    });
    for (const s of [408, 429, 500, 502, 503, 599]) expect(kind(s)).toBe('retry');
    for (const s of [401, 403]) expect(kind(s)).toBe('pause');
    for (const s of [300, 301, 302, 307, 308, 400, 404, 409, 413, 415, 422]) expect(kind(s)).toBe('park');
    for (const s of [100, 600, 999]) expect(kind(s)).toBe('invalid');
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(
      10_000,
    );
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs(' 0 ')).toBe(0);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs('99999999')).toBe(60 * 60_000);
  });
});

describe('forwarding to the central server', () => {
  it(
    'delivers 1,000 complaints through random faults: exactly 1,000 records, every event once, nothing left waiting',
    { timeout: 120_000 },
    async () => {
      const random = rng(7);
      const faults: Fault[] = ['reset', '500', '503', 'drop-after-commit', 'slow', 'hang'];
      central.fault = () => {
        const r = random();
        if (r < 0.004) return 'hang';
        return r < 0.3 ? faults[Math.floor(random() * (faults.length - 1))]! : 'ok';
      };
      const ids: string[] = [];
      for (let i = 0; i < 1000; i++) {
        ids.push(
          value<{ id: string }>(
            await t.api.dispatch(
              'complaints.create',
              { ...sampleComplaint, title: `${sampleComplaint.title} ${i}` },
              'admin',
            ),
          ).id,
        );
        if (i % 10 === 0)
          value(await t.api.dispatch('complaints.act', { action: 'VERIFY', id: ids[i] }, 'admin'));
      }
      await connect();
      await until(async () => (await status()).waiting === 0);
      expect(central.complaints.size).toBe(1000);
      const events = deskEvents();
      expect(central.events.size).toBe(events.length);
      expect([...central.events.keys()].sort()).toEqual(events.map((e) => e.id).sort());
      // In order per complaint: the desk's order of events arrived in that order.
      for (const id of ids.slice(0, 50)) {
        expect(central.eventOrder.get(id)).toEqual(events.filter((e) => e.c === id).map((e) => e.id));
      }
      expect(central.requests).toBeGreaterThan(events.length + 1000); // duplicates were sent, and absorbed
      expect(await status()).toMatchObject({ waiting: 0, parked: 0, connection: 'online', alarm: false });
    },
  );

  it(
    'keeps everything while the server is down for 200 saves, then delivers all in order when it is back',
    { timeout: 60_000 },
    async () => {
      const port = central.port;
      await central.stop();
      await connect();
      const ids: string[] = [];
      for (let i = 0; i < 200; i++) {
        const { id } = value<{ id: string }>(
          await t.api.dispatch('complaints.create', sampleComplaint, 'admin'),
        );
        value(await t.api.dispatch('complaints.act', { action: 'VERIFY', id }, 'admin'));
        ids.push(id);
      }
      await until(async () => (await status()).connection === 'offline');
      expect((await status()).waiting).toBe(600);
      await central.start(port);
      value(await t.api.dispatch('forwarding.sendNow', {}, 'admin'));
      await until(async () => (await status()).waiting === 0);
      expect(central.complaints.size).toBe(200);
      for (const id of ids) expect(central.eventOrder.get(id)?.length).toBe(2);
      const kinds = new Map(deskEvents().map((e) => [e.id, e]));
      expect(central.eventOrder.get(ids[0]!)!.map((e) => kinds.get(e)!.c)).toEqual([ids[0], ids[0]]);
    },
  );

  it(
    'pauses everything on 401 and raises the alarm for an admin; a new token resumes',
    { timeout: 30_000 },
    async () => {
      for (let i = 0; i < 5; i++) value(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));
      await connect('wrong-token');
      await until(async () => (await status()).connection === 'paused');
      const s = await status();
      expect(s.pausedReason).toBe('401: UNAUTHORIZED: token meja tidak berlaku');
      expect(s.waiting).toBe(10);
      expect(central.complaints.size).toBe(0);
      const audit = value<Array<{ action: string }>>(await t.api.dispatch('audit.list', {}, 'admin'));
      expect(audit.some((a) => a.action === 'forwarding.paused')).toBe(true);
      value(
        await t.api.dispatch(
          'forwarding.saveSettings',
          { url: central.url, token: central.token, enabled: true },
          'admin',
        ),
      );
      await until(async () => (await status()).waiting === 0);
      expect(central.complaints.size).toBe(5);
    },
  );

  it(
    'parks a record the server refuses (422) while the rest go on; a supervisor resends it after the fix',
    { timeout: 30_000 },
    async () => {
      const bad = value<{ id: string }>(
        await t.api.dispatch('complaints.create', sampleComplaint, 'admin'),
      ).id;
      for (let i = 0; i < 10; i++) value(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));
      let refuse = true;
      central.fault = (req) => (refuse && req.url === `/v1/complaints/${bad}` ? '422' : 'ok');
      await connect();
      await until(async () => {
        const s = await status();
        return s.parked === 1 && s.held === 1 && s.waiting === 0 && central.complaints.size === 10;
      });
      const parked = value<Array<{ id: number; lastStatus: number; lastError: string; complaintId: string }>>(
        await t.api.dispatch('forwarding.parked', {}, 'admin'),
      );
      expect(parked).toMatchObject([
        { complaintId: bad, lastStatus: 422, lastError: 'INVALID: kode instansi tidak dikenal server' },
      ]);
      // Its event is held behind it, counted apart: nothing else waits.
      expect(await status()).toMatchObject({ waiting: 0, held: 1, parked: 1 });
      refuse = false;
      value(await t.api.dispatch('forwarding.resend', { id: parked[0]!.id }, 'admin'));
      await until(async () => (await status()).waiting === 0 && (await status()).parked === 0);
      expect(central.complaints.size).toBe(11);
    },
  );

  it(
    'brings central changes into history and status; replaying a change changes nothing',
    { timeout: 30_000 },
    async () => {
      const { id } = value<{ id: string }>(
        await t.api.dispatch('complaints.create', sampleComplaint, 'admin'),
      );
      central.changes.push(
        { id: 'chg-1', complaintId: id, at: new Date().toISOString(), status: 'TERVERIFIKASI' },
        {
          id: 'chg-2',
          complaintId: id,
          at: new Date().toISOString(),
          status: 'TERDISPOSISI',
          agencyCode: 'DINKES',
          laporTrackingId: '9165816',
        },
        {
          id: 'chg-3',
          complaintId: id,
          at: new Date().toISOString(),
          status: 'DITINDAKLANJUTI',
          agencyAnswer: 'Sudah ditangani puskesmas.',
        },
      );
      await connect();
      value(await t.api.dispatch('forwarding.sendNow', {}, 'admin'));
      const got = () =>
        t.api.dispatch('complaints.get', { id }, 'admin').then((r) =>
          value<{
            complaint: { status: string; agencyCode: string; laporTrackingId: string };
            events: Array<{ kind: string; reason: string | null }>;
          }>(r),
        );
      let c = await got();
      expect(c.complaint).toMatchObject({
        status: 'DITINDAKLANJUTI',
        agencyCode: 'DINKES',
        laporTrackingId: '9165816',
      });
      expect(c.events.filter((e) => e.kind === 'PUSAT').map((e) => e.reason)).toEqual([
        null,
        null,
        'Sudah ditangani puskesmas.',
      ]);
      // The server sends the same changes again (a cursor lost on its side): nothing changes.
      t.core.ctx.sqlite.prepare("DELETE FROM sync_state WHERE key = 'pullCursor'").run();
      value(await t.api.dispatch('forwarding.sendNow', {}, 'admin'));
      c = await got();
      expect(c.events.filter((e) => e.kind === 'PUSAT')).toHaveLength(3);
    },
  );

  it('never returns the token, and refuses a CA that is not PEM', async () => {
    await connect();
    expect(value(await t.api.dispatch('forwarding.settings', {}, 'admin'))).toEqual({
      url: central.url,
      tokenSet: true,
      caCertificate: '',
      enabled: true,
      plainHttpHost: '',
      pullEverySeconds: 60,
    });
    const raw = JSON.stringify(t.core.ctx.sqlite.prepare('SELECT value FROM sync_state').all());
    expect(raw).not.toContain(central.token);
    const bad = await t.api.dispatch(
      'forwarding.saveSettings',
      { url: central.url, caCertificate: 'not a cert', enabled: true },
      'admin',
    );
    expect(bad.ok === false && bad.error.fields).toEqual({
      caCertificate: 'Sertifikat CA harus dalam format PEM (-----BEGIN CERTIFICATE-----).',
    });
  });
});

describe('HTTPS with a regional CA', () => {
  it(
    'trusts the CA certificate from settings beside the system CAs, and refuses the server without it',
    { timeout: 30_000 },
    async () => {
      const ca = makeTestCa();
      await central.stop();
      central = await new FakeCentral().withTls(ca.server).start();
      value(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));

      await connect();
      await until(async () => (await status()).connection === 'offline');
      const error = (
        t.core.ctx.sqlite.prepare('SELECT last_error AS e FROM outbox LIMIT 1').get() as { e: string }
      ).e;
      expect(error).toMatch(/CERT|SIGN|ISSUER/i);
      expect(central.complaints.size).toBe(0);

      value(
        await t.api.dispatch(
          'forwarding.saveSettings',
          { url: central.url, caCertificate: ca.ca, enabled: true },
          'admin',
        ),
      );
      value(await t.api.dispatch('forwarding.sendNow', {}, 'admin'));
      await until(async () => (await status()).waiting === 0);
      expect(central.complaints.size).toBe(1);
      ca.remove();
    },
  );
});

describe('connection back', () => {
  it(
    'sends everything within seconds of the server coming back, even records backed off for minutes',
    { timeout: 30_000 },
    async () => {
      const clock = new TestClock();
      clock.now = () => new Date();
      const slow = makeCore({
        clock,
        forwarding: {
          baseBackoffMs: 120_000,
          maxBackoffMs: 300_000,
          requestTimeoutMs: 400,
          healthProbeMs: 100,
        },
      });
      try {
        await setUpDesk(slow.api);
        const port = central.port;
        await central.stop();
        value(
          await slow.api.dispatch(
            'forwarding.saveSettings',
            { url: `http://127.0.0.1:${port}`, token: central.token, enabled: true },
            'admin',
          ),
        );
        slow.core.forwarding.start();
        for (let i = 0; i < 5; i++)
          value(await slow.api.dispatch('complaints.create', sampleComplaint, 'admin'));
        await until(() => slow.core.forwarding.status().connection === 'offline');
        const backedOff = slow.core.ctx.sqlite
          .prepare("SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'pending' AND attempts > 0")
          .get() as { at: string };
        expect(Date.parse(backedOff.at) - Date.now()).toBeGreaterThan(30_000);
        await central.start(port);
        const back = Date.now();
        await until(() => slow.core.forwarding.status().waiting === 0, 10_000);
        expect(Date.now() - back).toBeLessThan(5000);
        expect(central.complaints.size).toBe(5);
      } finally {
        slow.close();
      }
    },
  );
});

describe('an unreachable server', () => {
  it('is not sent the whole backlog, one refused connection each: the lanes stop until the health check answers', async () => {
    let connections = 0;
    const dropper = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = dropper.address() as AddressInfo;
      value(
        await t.api.dispatch(
          'forwarding.saveSettings',
          { url: `http://127.0.0.1:${port}`, token: central.token, enabled: true },
          'admin',
        ),
      );
      // A backlog saved before the worker starts (a desk opened after a day without its server).
      for (let i = 0; i < 60; i++) value(await t.api.dispatch('complaints.create', sampleComplaint, 'admin'));
      t.core.forwarding.start();
      await until(async () => (await status()).connection === 'offline');
      await new Promise((r) => setTimeout(r, 300));
      // The four lanes' first requests, the pull, the health check and its probe: not sixty.
      expect(connections).toBeLessThanOrEqual(4 + 4);
      const tried = t.core.ctx.sqlite.prepare('SELECT count(*) FROM outbox WHERE attempts > 0').pluck().get();
      expect(tried).toBeLessThanOrEqual(4);
      expect((await status()).waiting).toBe(120); // each record and its DITERIMA event, all kept
    } finally {
      await new Promise((resolve) => dropper.close(resolve));
    }
  });
});

describe('the waiting alarm', () => {
  async function deskWithClock() {
    const clock = new TestClock(new Date());
    const d = makeCore({
      clock,
      forwarding: {
        baseBackoffMs: 10,
        maxBackoffMs: 50,
        requestTimeoutMs: 400,
        healthProbeMs: 50,
        alarmAfterMs: 60 * 60_000,
      },
    });
    await setUpDesk(d.api);
    return d;
  }

  it(
    'rings after an hour of reachable time with a record still waiting, but not through an outage',
    { timeout: 30_000 },
    async () => {
      // The server answers, but keeps refusing with 503: reachable time counts.
      central.fault = () => '503';
      const answering = await deskWithClock();
      try {
        value(
          await answering.api.dispatch(
            'forwarding.saveSettings',
            { url: central.url, token: central.token, enabled: true },
            'admin',
          ),
        );
        value(await answering.api.dispatch('complaints.create', sampleComplaint, 'admin'));
        answering.core.forwarding.start();
        await until(() => answering.core.forwarding.status().connection === 'online');
        expect(answering.core.forwarding.status().alarm).toBe(false);
        answering.clock.advance(61 * 60_000);
        expect(answering.core.forwarding.status()).toMatchObject({ alarm: true, waiting: 2 });
      } finally {
        answering.close();
      }

      // The server is down the whole time: two hours of waiting, no alarm.
      const port = central.port;
      await central.stop();
      const offline = await deskWithClock();
      try {
        value(
          await offline.api.dispatch(
            'forwarding.saveSettings',
            { url: `http://127.0.0.1:${port}`, token: central.token, enabled: true },
            'admin',
          ),
        );
        value(await offline.api.dispatch('complaints.create', sampleComplaint, 'admin'));
        offline.core.forwarding.start();
        await until(() => offline.core.forwarding.status().connection === 'offline');
        offline.clock.advance(2 * 60 * 60_000);
        expect(offline.core.forwarding.status()).toMatchObject({
          alarm: false,
          waiting: 2,
          connection: 'offline',
        });
        // Back, but still refusing for now: the two hours offline do not count toward the alarm.
        central.fault = () => '503';
        await central.start(port);
        await until(() => offline.core.forwarding.status().connection === 'online');
        expect(offline.core.forwarding.status()).toMatchObject({ alarm: false, waiting: 2 });
        offline.clock.advance(61 * 60_000);
        expect(offline.core.forwarding.status().alarm).toBe(true);
      } finally {
        offline.close();
      }
    },
  );
});
