/**
 * The central server is another team's system: its answers are untrusted input. Each block is one
 * class of fault from issue 8, over real HTTP on loopback against a fake server that misbehaves.
 */
import { createServer, type Server } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { environmentProxy, trustedCertificates } from '../../src/main/forwarding/http';
import { FakeCentral, type Fault } from '../support/fake-central';
import { connect, save, sleep, until, wallClockDesk, type Desk } from '../support/forwarding';
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

const status = () => desk.core.forwarding.status();
const outboxOf = (id: string) =>
  desk.core.ctx.sqlite
    .prepare(
      'SELECT kind, state, last_status AS s, last_error AS e FROM outbox WHERE complaint_id = ? ORDER BY id',
    )
    .all(id) as Array<{ kind: string; state: string; s: number | null; e: string | null }>;

describe('a 2xx counts as delivered only when the answer fits the contract', () => {
  const lies: Fault[] = [
    '200-html',
    '200-text',
    '200-empty',
    '200-not-json',
    '200-wrong-id',
    '200-invalid',
    '202',
    '204',
  ];

  it.each(lies)(
    '%s: retried, then parked with the reason; resent once the server answers properly',
    async (lie) => {
      desk = await wallClockDesk(fast);
      let lying = true;
      central.fault = (req) => (lying && req.method === 'PUT' ? lie : 'ok');
      const id = await save(desk);
      await connect(desk, central);
      await until(() => status().parked === 1);
      const [complaint, event] = outboxOf(id);
      expect(complaint).toMatchObject({ kind: 'complaint', state: 'parked' });
      expect(complaint!.e).toMatch(/tidak sesuai kontrak.*3 kali berturut-turut/);
      // Its event was never sent: the server would not know the complaint.
      expect(event).toMatchObject({ kind: 'event', state: 'pending' });
      expect(central.seen.filter((r) => r.method === 'POST')).toHaveLength(0);
      expect(status()).toMatchObject({ parked: 1, held: 1, waiting: 0 });
      const audit = value<Array<{ action: string }>>(await desk.api.dispatch('audit.list', {}, 'admin'));
      expect(audit.filter((a) => a.action === 'forwarding.parked')).toHaveLength(1);

      lying = false;
      const parked = value<Array<{ id: number }>>(await desk.api.dispatch('forwarding.parked', {}, 'admin'));
      value(await desk.api.dispatch('forwarding.resend', { id: parked[0]!.id }, 'admin'));
      await until(() => status().waiting === 0 && status().parked === 0 && status().held === 0);
      expect(central.complaints.has(id)).toBe(true);
      expect(central.eventOrder.get(id)).toHaveLength(1);
    },
  );

  it('a lie now and then costs a retry, never a record', async () => {
    desk = await wallClockDesk({ ...fast, maxInvalidAnswers: 50 });
    let n = 0;
    central.fault = () => (n++ % 3 === 0 ? lies[n % lies.length]! : 'ok');
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push(await save(desk, `Jalan rusak nomor ${i} di desa`));
    await connect(desk, central);
    await until(() => status().waiting === 0);
    expect(status().parked).toBe(0);
    for (const id of ids) {
      expect(central.complaints.has(id)).toBe(true);
      expect(central.eventOrder.get(id)).toHaveLength(1);
    }
  });

  it('a supervisor can send any record again, delivered ones too (the central copy was lost)', async () => {
    desk = await wallClockDesk(fast);
    const id = await save(desk);
    value(await desk.api.dispatch('complaints.act', { action: 'VERIFY', id }, 'admin'));
    await connect(desk, central);
    await until(() => status().waiting === 0);
    const before = central.complaints.get(id);
    central.complaints.clear();
    central.events.clear();
    central.eventOrder.clear();
    expect(
      value(await desk.api.dispatch('forwarding.resendComplaint', { complaintId: id }, 'admin')),
    ).toEqual({
      messages: 3,
    });
    await until(() => status().waiting === 0 && central.eventOrder.get(id)?.length === 2);
    // The same frozen body, so a server that still had it would answer 200, not 409.
    expect(central.complaints.get(id)).toBe(before);
  });
});

describe('redirects are never followed', () => {
  it.each(['redirect', 'redirect-301'] as const)(
    '%s: parked, naming the other host, which receives nothing',
    async (fault) => {
      const elsewhere = await new FakeCentral().start();
      await central.stop();
      central = await new FakeCentral({ redirectTo: elsewhere.url }).start();
      try {
        desk = await wallClockDesk(fast);
        central.fault = () => fault;
        await save(desk);
        await connect(desk, central);
        await until(() => status().parked === 1);
        expect(elsewhere.seen).toEqual([]);
        const [parked] = value<Array<{ lastError: string; lastStatus: number }>>(
          await desk.api.dispatch('forwarding.parked', {}, 'admin'),
        );
        expect(parked!.lastStatus).toBe(fault === 'redirect' ? 307 : 301);
        expect(parked!.lastError).toContain(`127.0.0.1:${elsewhere.port}`);
        expect(parked!.lastError).toContain('Periksa URL server pusat');
      } finally {
        await elsewhere.stop();
      }
    },
  );
});

describe('every answer is read with a cap', () => {
  it('stops reading 50 MB answers (success, error, change pages) early, and memory stays flat', async () => {
    desk = await wallClockDesk({ ...fast, maxInvalidAnswers: 2 });
    let fault: Fault = '200-huge';
    central.fault = (req) => (req.method === 'PUT' ? fault : 'ok');
    central.changesFault = () => 'huge';
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    await save(desk);
    await connect(desk, central);
    await until(() => status().parked === 1);
    fault = 'error-huge';
    await save(desk, 'Lampu jalan mati di depan pasar');
    await until(() => central.seen.filter((r) => r.method === 'PUT').length >= 3);
    await desk.core.forwarding.pull();
    await sleep(200);
    // Each answer offered 50 MB; the desk stopped after its cap (what the loopback buffers hold aside).
    expect(central.hugeAnswers).toBeGreaterThanOrEqual(4);
    expect(central.hugeBytes / central.hugeAnswers).toBeLessThan(8 * 1024 * 1024);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024);
    const [parked] = value<Array<{ lastError: string }>>(
      await desk.api.dispatch('forwarding.parked', {}, 'admin'),
    );
    expect(parked!.lastError).toContain('jawaban terlalu besar');
  });
});

describe('changes from the central server', () => {
  it('are pulled on a timer while online, without anyone pressing Kirim sekarang', async () => {
    desk = await wallClockDesk({ ...fast, pullEveryMs: 150 });
    const id = await save(desk);
    await connect(desk, central);
    await until(() => status().waiting === 0);
    central.changes.push({
      id: 'c-1',
      complaintId: id,
      at: new Date().toISOString(),
      status: 'TERVERIFIKASI',
    });
    await until(async () => {
      const c = value<{ complaint: { status: string } }>(
        await desk.api.dispatch('complaints.get', { id }, 'admin'),
      );
      return c.complaint.status === 'TERVERIFIKASI';
    }, 5000);
  });

  it('back off when the feed misbehaves, and a page that breaks the contract changes nothing', async () => {
    desk = await wallClockDesk({ ...fast, pullEveryMs: 100 });
    central.changesFault = () => 'invalid';
    await connect(desk, central);
    await sleep(2000);
    const pulls = central.seen.filter((r) => r.path === '/v1/changes').length;
    // Every 100 ms would be 20; doubling from 200 ms gives about 4.
    expect(pulls).toBeGreaterThanOrEqual(2);
    expect(pulls).toBeLessThanOrEqual(6);
    expect(desk.core.ctx.sqlite.prepare('SELECT count(*) AS n FROM applied_changes').get()).toEqual({ n: 0 });
  });

  it('a page with more changes than asked for, or the same change twice, is handled safely', async () => {
    desk = await wallClockDesk(fast);
    const id = await save(desk);
    await connect(desk, central);
    await until(() => status().waiting === 0);
    central.changes.push(
      { id: 'd-1', complaintId: id, at: new Date().toISOString(), status: 'TERVERIFIKASI' },
      // An agency the desk does not know: recorded in history, the complaint keeps a valid agency.
      {
        id: 'd-2',
        complaintId: id,
        at: new Date().toISOString(),
        status: 'TERDISPOSISI',
        agencyCode: 'DINAS_BARU',
      },
    );
    central.changesFault = () => 'duplicate';
    await desk.core.forwarding.pull();
    const c = value<{ complaint: { status: string; agencyCode: string }; events: Array<{ kind: string }> }>(
      await desk.api.dispatch('complaints.get', { id }, 'admin'),
    );
    expect(c.complaint).toMatchObject({ status: 'TERDISPOSISI', agencyCode: 'DPUPR' });
    expect(c.events.filter((e) => e.kind === 'PUSAT')).toHaveLength(2);
  });
});

describe('sending is a continuous pool', () => {
  it('one hung request holds up its own lane only', async () => {
    desk = await wallClockDesk({ ...fast, requestTimeoutMs: 4000, concurrency: 4 });
    const stuck = await save(desk, 'Pengaduan yang servernya macet');
    for (let i = 0; i < 40; i++) await save(desk, `Jalan rusak nomor ${i} di desa`);
    central.fault = (_req, path) => (path.includes(stuck) ? 'hang' : 'ok');
    const started = Date.now();
    await connect(desk, central);
    // Everything else is delivered and recorded while the hung request still waits for its timeout.
    await until(() => central.complaints.size === 40 && status().waiting === 2, 3000);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(central.complaints.has(stuck)).toBe(false);
  });
});

describe('a desk that cannot send does no work', () => {
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };

  it('while paused by a 401 it does not wake until a new token or Lanjutkan', async () => {
    desk = await wallClockDesk(fast);
    for (let i = 0; i < 5; i++) await save(desk);
    await connect(desk, { ...central, url: central.url, token: 'salah' } as FakeCentral);
    await until(() => status().connection === 'paused');
    const wakeups = desk.core.forwarding.wakeups();
    const cpu = cpuMs();
    await sleep(1500);
    expect(desk.core.forwarding.wakeups() - wakeups).toBe(0);
    expect(cpuMs() - cpu).toBeLessThan(300);
    // The pause rings the alarm the README promises.
    expect(status()).toMatchObject({ alarm: true, connection: 'paused', waiting: 10 });
    value(await desk.api.dispatch('forwarding.resume', {}, 'admin'));
    await sleep(200);
    expect(desk.core.forwarding.wakeups()).toBeGreaterThan(wakeups);
  });

  it('with records waiting and no server configured it does not wake at all', async () => {
    desk = await wallClockDesk(fast);
    desk.core.forwarding.start();
    for (let i = 0; i < 20; i++) await save(desk);
    const wakeups = desk.core.forwarding.wakeups();
    await sleep(1500);
    expect(desk.core.forwarding.wakeups() - wakeups).toBe(0);
    expect(status()).toMatchObject({ waiting: 40, connection: 'disabled' });
  });

  it('with only records held behind a parked one it stays asleep', async () => {
    desk = await wallClockDesk(fast);
    central.fault = (req) => (req.method === 'PUT' ? '422' : 'ok');
    await save(desk);
    await connect(desk, central);
    await until(() => status().parked === 1);
    await sleep(100);
    const wakeups = desk.core.forwarding.wakeups();
    await sleep(1000);
    expect(desk.core.forwarding.wakeups() - wakeups).toBeLessThanOrEqual(1);
  });
});

describe('the connection state', () => {
  it('one dropped connection does not mark the desk offline while the server answers its health check', async () => {
    desk = await wallClockDesk(fast);
    let dropped = 0;
    central.fault = (req) => (req.method === 'PUT' && dropped++ === 0 ? 'reset' : 'ok');
    const seen = new Set<string>();
    const watch = setInterval(() => seen.add(status().connection), 2);
    const id = await save(desk);
    await connect(desk, central);
    await until(() => status().waiting === 0);
    clearInterval(watch);
    expect(dropped).toBeGreaterThan(1);
    expect(seen.has('offline')).toBe(false);
    expect(central.complaints.has(id)).toBe(true);
  });

  it('a health check that answers with anything but the contract’s body does not count as back', async () => {
    desk = await wallClockDesk({ ...fast, healthProbeMs: 50 });
    const port = central.port;
    await central.stop();
    await save(desk);
    await connect(desk, { ...central, url: `http://127.0.0.1:${port}`, token: central.token } as FakeCentral);
    await until(() => status().connection === 'offline');
    central.healthFault = () => 'html';
    central.fault = () => 'reset';
    await central.start(port);
    await sleep(500);
    expect(status().connection).toBe('offline');
    const puts = central.seen.filter((r) => r.method === 'PUT').length;
    expect(puts).toBe(0); // the backlog is not resent on every probe
  });
});

describe('recorded content is frozen', () => {
  it('an event carries the actor’s name as it was when recorded, and corrections carry their new values', async () => {
    desk = await wallClockDesk(fast);
    const id = await save(desk);
    value(await desk.api.dispatch('complaints.act', { action: 'VERIFY', id }, 'admin'));
    value(
      await desk.api.dispatch(
        'complaints.correct',
        {
          id,
          reason: 'Nomor HP salah ketik',
          phone: '081299998888',
          title: 'Jalan desa rusak berat di Ngadisari',
        },
        'admin',
      ),
    );
    const admin = value<Array<{ id: string; name: string }>>(
      await desk.api.dispatch('accounts.list', {}, 'admin'),
    ).find((a) => a.name === 'admin')!;
    value(
      await desk.api.dispatch('accounts.update', { id: admin.id, displayName: 'Nama Baru Sekali' }, 'admin'),
    );
    await connect(desk, central);
    await until(() => status().waiting === 0);
    const events = [...central.events.values()].map((e) => JSON.parse(e) as Record<string, unknown>);
    expect(events.map((e) => e.actor)).not.toContain('Nama Baru Sekali');
    const correction = events.find((e) => e.kind === 'KOREKSI') as {
      data: { changes: Record<string, unknown>; complainant: Record<string, unknown> };
    };
    expect(correction.data.changes).toEqual({
      title: { before: 'Jalan desa rusak parah di Ngadisari', after: 'Jalan desa rusak berat di Ngadisari' },
    });
    expect(correction.data.complainant).toEqual({ phone: '081299998888' });
    // The desk's own history holds only which personal field changed, never the value.
    const stored = JSON.stringify(
      desk.core.ctx.sqlite.prepare("SELECT data FROM complaint_events WHERE kind = 'KOREKSI'").all(),
    );
    expect(stored).not.toContain('081299998888');
  });
});

describe('networks of government offices', () => {
  it('after the PC wakes from sleep, a restart sends at once instead of waiting for stale timers', async () => {
    desk = await wallClockDesk({
      ...fast,
      baseBackoffMs: 120_000,
      maxBackoffMs: 300_000,
      healthProbeMs: 120_000,
    });
    const port = central.port;
    await central.stop();
    await save(desk);
    await connect(desk, { ...central, url: `http://127.0.0.1:${port}`, token: central.token } as FakeCentral);
    await until(() => status().connection === 'offline');
    await central.start(port);
    desk.core.forwarding.restart();
    await until(() => status().waiting === 0, 3000);
  });

  it('goes through the proxy it is given (the system’s, in the desktop shell)', async () => {
    const tunnels: string[] = [];
    const sockets = new Set<Socket>();
    const proxy: Server = createServer();
    proxy.on('connect', (req, client: Socket) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = netConnect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream).add(client);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    try {
      desk = await wallClockDesk({ ...fast, proxyFor: async () => proxyUrl });
      const id = await save(desk);
      await connect(desk, central);
      await until(() => status().waiting === 0);
      expect(central.complaints.has(id)).toBe(true);
      expect(tunnels).toContain(`127.0.0.1:${central.port}`);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => proxy.close(r));
    }
  });

  it('reads HTTPS_PROXY and NO_PROXY as command-line tools do, and never proxies loopback', async () => {
    const env = {
      HTTPS_PROXY: 'http://proxy.pemkab:8080',
      HTTP_PROXY: 'http://proxy.pemkab:3128',
      NO_PROXY: '.lan,intra.go.id:8443',
    };
    const proxyFor = environmentProxy(env);
    expect(await proxyFor('https://pusat.probolinggokab.go.id/v1')).toBe('http://proxy.pemkab:8080');
    expect(await proxyFor('http://pusat.probolinggokab.go.id/v1')).toBe('http://proxy.pemkab:3128');
    expect(await proxyFor('https://pusat.lan/v1')).toBeNull();
    expect(await proxyFor('https://intra.go.id:8443/v1')).toBeNull();
    expect(await proxyFor('https://intra.go.id/v1')).toBe('http://proxy.pemkab:8080');
    expect(await proxyFor('http://127.0.0.1:9/v1')).toBeNull();
    expect(await environmentProxy({})('https://pusat.go.id')).toBeNull();
  });

  it('trusts the operating system’s certificate store beside the bundled roots and the admin’s CA', () => {
    const system = ['-----BEGIN CERTIFICATE-----\nSYSTEM\n-----END CERTIFICATE-----'];
    const admin = '-----BEGIN CERTIFICATE-----\nADMIN\n-----END CERTIFICATE-----';
    const trusted = trustedCertificates(admin, () => system);
    expect(trusted).toContain(system[0]);
    expect(trusted).toContain(admin);
    expect(trusted.length).toBeGreaterThan(100);
  });
});

describe('plain http', () => {
  it('is refused for any host but loopback, unless an admin allows that one host (audited, shown as a warning)', async () => {
    desk = await wallClockDesk(fast);
    const save = (input: Record<string, unknown>) =>
      desk.api.dispatch('forwarding.saveSettings', { token: 't', enabled: true, ...input }, 'admin');
    const refused = await save({ url: 'http://pusat.probolinggokab.go.id' });
    expect(refused.ok === false && refused.error.fields?.url).toMatch(/harus diawali https/);
    const withPassword = await save({ url: 'https://user:pw@pusat.go.id' });
    expect(withPassword.ok === false && withPassword.error.fields?.url).toMatch(/kata sandi/);
    value(await save({ url: 'https://pusat.probolinggokab.go.id' }));
    value(await save({ url: 'http://localhost:8080' }));
    value(await save({ url: 'http://pusat.lan:8080', plainHttpHost: 'pusat.lan' }));
    expect(status()).toMatchObject({ warning: 'plainHttp', plainHttpHost: 'pusat.lan' });
    // The allowance stays with that host: a later save without it keeps it, another host is refused.
    value(await save({ url: 'http://pusat.lan:9090' }));
    const other = await save({ url: 'http://lain.lan' });
    expect(other.ok).toBe(false);
    const audit = value<Array<{ action: string; target: string | null }>>(
      await desk.api.dispatch('audit.list', {}, 'admin'),
    );
    expect(audit.find((a) => a.action === 'forwarding.plainHttpAllowed')?.target).toBe('pusat.lan');
  });
});

describe('the operating system’s certificate store', () => {
  it('is trusted: a server whose CA is only in the system store is reached without a CA in settings', async () => {
    const { execFile } = await import('node:child_process');
    const { join } = await import('node:path');
    const { repoRoot } = await import('../support/core');
    const { makeTestCa } = await import('../support/tls');
    const ca = makeTestCa();
    const https = await new FakeCentral().withTls(ca.server).start();
    const probe = (env: Record<string, string>) =>
      new Promise<string>((resolve) =>
        execFile(
          join(repoRoot, 'node_modules', '.bin', 'tsx'),
          [join(repoRoot, 'test', 'support', 'system-ca-probe.ts'), https.url],
          { env: { ...process.env, ...env } },
          (_e, stdout) => resolve(stdout),
        ),
      );
    try {
      // Node reads the Linux system store through OpenSSL, which honours SSL_CERT_FILE.
      expect(JSON.parse(await probe({ SSL_CERT_FILE: ca.caFile }))).toEqual({ ok: true });
      expect(JSON.parse(await probe({}))).toMatchObject({
        kind: 'retry',
        message: expect.stringMatching(/CERT|SIGN|ISSUER/i),
      });
    } finally {
      await https.stop();
      ca.remove();
    }
  });
});
