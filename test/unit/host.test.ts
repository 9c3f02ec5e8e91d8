/** Browser mode over real HTTP on loopback: the token, Host/Origin checks, and bad bodies. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostServer } from '../../src/main/host/server';
import { makeCore, sampleComplaint, tempDir } from '../support/core';

const token = 'test-token-0123456789abcdef';
const tab = 'tab-0123456789abcdef';
let t: ReturnType<typeof makeCore>;
let server: Server;
let port: number;
let renderer: ReturnType<typeof tempDir>;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: () => {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string; fields?: Record<string, string> };
  };
}

function send(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** A new connection rather than one from the pool. */
  fresh?: boolean;
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'POST',
        path: opts.path,
        headers: { Host: `127.0.0.1:${port}`, ...opts.headers },
        ...(opts.fresh ? { agent: false } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body) });
        });
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const auth = { Authorization: `Bearer ${token}`, 'X-Desk-Tab': tab, 'Content-Type': 'application/json' };
const call = (method: string, input: unknown, headers: Record<string, string> = auth) =>
  send({ path: `/api/${method}`, headers, body: JSON.stringify(input) });
const complaintCount = () =>
  (t.core.ctx.sqlite.prepare('SELECT count(*) AS n FROM complaints').get() as { n: number }).n;

beforeAll(async () => {
  t = makeCore();
  renderer = tempDir();
  mkdirSync(join(renderer.path, 'assets'));
  writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><title>Meja</title>');
  writeFileSync(join(renderer.path, 'assets', 'app.js'), 'console.log(1)');
  server = createHostServer({ api: t.api, token, rendererDir: renderer.path });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  // Set up and sign in over HTTP, as the page would.
  const setup = await call('setup.initialize', {
    deskCode: 'PBL01',
    siteName: 'MPP Kabupaten Probolinggo',
    admin: { name: 'admin', displayName: 'Admin', secret: 'rahasia-1' },
  });
  expect(setup.status).toBe(200);
  expect((await call('auth.signIn', { name: 'admin', secret: 'rahasia-1' })).status).toBe(200);
});

afterAll(() => {
  server.close();
  t.close();
  renderer.remove();
});

describe('browser-mode host', () => {
  it('listens on loopback only', () => {
    expect((server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  it('answers a good call with the handler table’s result', async () => {
    const r = await call('complaints.create', sampleComplaint);
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, value: { receiptNumber: expect.stringMatching(/^PBL01-/) } });
  });

  it('refuses a call without the token, or with a wrong one, and touches nothing', async () => {
    const before = complaintCount();
    const none = await call('complaints.create', sampleComplaint, {
      'X-Desk-Tab': tab,
      'Content-Type': 'application/json',
    });
    expect(none.status).toBe(401);
    expect(none.json().error?.message).toBe('Token peluncuran tidak ada atau salah.');
    const wrong = await call('complaints.create', sampleComplaint, {
      ...auth,
      Authorization: 'Bearer test-token-0123456789abcdeX',
    });
    expect(wrong.status).toBe(401);
    expect(complaintCount()).toBe(before);
  });

  it('refuses a foreign Host (DNS rebinding) or Origin with 403', async () => {
    const before = complaintCount();
    const host = await send({
      path: '/api/complaints.create',
      headers: { ...auth, Host: `evil.example:${port}` },
      body: JSON.stringify(sampleComplaint),
    });
    expect(host.status).toBe(403);
    const origin = await send({
      path: '/api/complaints.create',
      headers: { ...auth, Origin: 'http://evil.example' },
      body: JSON.stringify(sampleComplaint),
    });
    expect(origin.status).toBe(403);
    expect(origin.json().error?.message).toBe('Permintaan hanya diterima dari alamat lokal aplikasi ini.');
    const page = await send({ method: 'GET', path: '/', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
    expect(complaintCount()).toBe(before);
    const sameOrigin = await send({
      path: '/api/app.status',
      headers: { ...auth, Origin: `http://127.0.0.1:${port}` },
      body: '{}',
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('lists every method with JSON Schemas at GET /api, behind the token', async () => {
    expect((await send({ method: 'GET', path: '/api' })).status).toBe(401);
    const r = await send({ method: 'GET', path: '/api', headers: { Authorization: `Bearer ${token}` } });
    const methods = r.json().value as Array<{
      name: string;
      access: string;
      input: { type?: string; properties?: Record<string, unknown> };
    }>;
    const create = methods.find((m) => m.name === 'complaints.create')!;
    expect(create.access).toBe('officer');
    expect(create.input.type).toBe('object');
    expect(Object.keys(create.input.properties!)).toEqual(
      expect.arrayContaining(['title', 'body', 'nik', 'phone']),
    );
    expect(methods.length).toBeGreaterThan(20);
  });

  it('answers bad bodies with 4xx and a clear message, and keeps serving', async () => {
    const before = complaintCount();
    const notJson = await send({ path: '/api/complaints.create', headers: auth, body: '{"title": ' });
    expect([notJson.status, notJson.json().error?.message]).toEqual([
      400,
      'Isi permintaan bukan JSON yang sah.',
    ]);

    const badUtf8 = await send({
      path: '/api/complaints.create',
      headers: auth,
      body: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    });
    expect([badUtf8.status, badUtf8.json().error?.message]).toEqual([
      400,
      'Isi permintaan bukan teks UTF-8 yang sah.',
    ]);

    const huge = await call('complaints.create', { ...sampleComplaint, body: 'a'.repeat(1024 * 1024) });
    expect(huge.status).toBe(400);
    expect(huge.json().error?.fields).toEqual({ body: 'Isi laporan maksimal 8000 karakter.' });

    const tooBig = await send({
      path: '/api/complaints.create',
      headers: auth,
      body: 'x'.repeat(3 * 1024 * 1024),
    });
    expect([tooBig.status, tooBig.json().error?.message]).toEqual([
      413,
      'Isi permintaan terlalu besar (maksimum 2 MB).',
    ]);

    const proto = await send({
      path: '/api/complaints.create',
      headers: auth,
      body: `{"__proto__": {"admin": true}, "title": "x"}`,
    });
    expect([proto.status, proto.json().error?.message]).toEqual([400, 'Kunci "__proto__" tidak diizinkan.']);

    const types = await call('complaints.create', {
      ...sampleComplaint,
      anonymous: 'tidak',
      categoryId: 'satu',
    });
    expect(types.status).toBe(400);
    expect(types.json().error?.fields).toEqual({
      anonymous: 'Anonim harus berupa ya/tidak.',
      categoryId: 'Kategori harus berupa angka.',
    });

    const unknown = await call('complaints.deleteEverything', {});
    expect([unknown.status, unknown.json().error?.code]).toEqual([404, 'UNKNOWN_METHOD']);

    const form = await send({
      path: '/api/complaints.create',
      headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'title=x',
    });
    expect(form.status).toBe(415);

    expect(complaintCount()).toBe(before);
    expect((await call('complaints.stats', {})).status).toBe(200);
  });

  it('serves the renderer with a strict CSP, and nothing outside its folder', async () => {
    const page = await send({ method: 'GET', path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const asset = await send({ method: 'GET', path: '/assets/app.js' });
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const escape = await send({ method: 'GET', path: '/..%2f..%2fetc%2fpasswd' });
    expect(escape.body).not.toContain('root:');
    const deep = await send({ method: 'GET', path: '/assets/../../package.json' });
    expect(deep.body).not.toContain('"name"');
  });

  it('answers impossible dates, forged cursors and broken percent-encoding with 4xx, never 5xx (issue 9, item 7)', async () => {
    const cursor = (k: unknown) => Buffer.from(JSON.stringify({ k })).toString('base64url');
    const cases: Array<[string, unknown, string]> = [
      ['complaints.queue', { from: '9999-99-99' }, 'from'],
      ['complaints.count', { from: '2026-13-45' }, 'from'],
      ['complaints.queue', { cursor: cursor(['a']) }, 'cursor'],
      ['complaints.queue', { sort: 'urgent', cursor: cursor(['2026-11-29T00:00:00.000Z', 5]) }, 'cursor'],
      [
        'reference.saveHoliday',
        { date: '2026-02-30', kind: 'libur_nasional', description: 'Tidak ada' },
        'date',
      ],
    ];
    for (const [method, input, field] of cases) {
      const r = await send({
        path: `/api/${method}`,
        headers: auth,
        body: JSON.stringify(input),
        fresh: true,
      });
      expect(r.status, `${method} ${JSON.stringify(input)}`).toBe(400);
      expect(JSON.parse(r.body).error.fields, method).toHaveProperty(field);
    }
    for (const path of ['/api/%ff', '/%', '/%E0%A4%A']) {
      const r = path.startsWith('/api/')
        ? await send({ path, headers: auth, body: '{}', fresh: true })
        : await send({ path, method: 'GET', fresh: true });
      expect(r.status, path).toBe(400);
    }
  });

  it('keeps separate sign-ins per tab', async () => {
    const other = { ...auth, 'X-Desk-Tab': 'another-tab-0123456789' };
    const r = await call('complaints.stats', {}, other);
    expect([r.status, r.json().error?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const noTab = await call(
      'complaints.stats',
      {},
      { Authorization: auth.Authorization, 'Content-Type': 'application/json' },
    );
    expect(noTab.status).toBe(400);
  });
});
