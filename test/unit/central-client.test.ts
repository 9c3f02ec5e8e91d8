/**
 * The desk's reading of the central server's answers, one answer at a time, over real HTTP on
 * loopback: what counts as delivered, what is retried, what pauses sending and what waits for a
 * person. The whole forwarding loop is tested in forwarding*.test.ts; this file pins each rule of
 * client.ts so that a change to one of them fails here, fast (it is also what `npm run mutate` runs
 * against the client).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  classify,
  createCentralClient,
  maxRetryAfterMs,
  readCaps,
  retryAfterMs,
  serverMessage,
  type CentralClient,
} from '../../src/main/forwarding/client';
import { eventOf, sampleComplaint } from '../../src/main/forwarding/conformance';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Answer = (req: IncomingMessage, res: ServerResponse, body: string) => void;

let server: Server;
let base: string;
let answer: Answer;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      answer(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let client: CentralClient;
beforeEach(() => {
  seen.length = 0;
  client?.close();
  client = createCentralClient({ url: base, token: 'tok-123', deskCode: 'PBL01', timeoutMs: 5000 });
});

const json =
  (status: number, value: unknown, headers: Record<string, string> = {}): Answer =>
  (_q, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  };
const raw =
  (status: number, body: string, headers: Record<string, string> = {}): Answer =>
  (_q, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
/** Echoes what was sent, as a conforming server does. */
const echo =
  (status = 200): Answer =>
  (_q, res, body) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(body);
  };

const complaint = sampleComplaint('PBL01');
const complaintJson = JSON.stringify(complaint);
const event = eventOf(complaint.id);
const eventJson = JSON.stringify(event);

describe('sending a complaint', () => {
  it('PUTs the frozen body to /v1/complaints/{id} with the token, desk code and JSON headers', async () => {
    answer = echo(201);
    expect(await client.putComplaint(complaint.id, complaintJson)).toEqual({
      kind: 'delivered',
      status: 201,
    });
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req?.method).toBe('PUT');
    expect(req?.url).toBe(`/v1/complaints/${complaint.id}`);
    expect(req?.body).toBe(complaintJson);
    expect(req?.headers.authorization).toBe('Bearer tok-123');
    expect(req?.headers['x-desk-code']).toBe('PBL01');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers.accept).toBe('application/json');
  });

  it('counts 200 and 201 with the record as delivered, whatever the trailing slashes of the URL', async () => {
    client.close();
    client = createCentralClient({ url: `${base}//`, token: 't', deskCode: 'PBL01', timeoutMs: 5000 });
    answer = echo(200);
    expect(await client.putComplaint(complaint.id, complaintJson)).toEqual({
      kind: 'delivered',
      status: 200,
    });
    expect(seen[0]?.url).toBe(`/v1/complaints/${complaint.id}`);
  });

  it.each([
    [
      'an acknowledgement naming another complaint',
      json(200, { ...complaint, id: sampleComplaint('PBL01').id }),
      /jawaban menyebut pengaduan .* bukan /,
    ],
    ['202 Accepted, which is not in the contract', echo(202), /status HTTP 202 tidak didokumentasikan/],
    ['204 with no body', raw(204, ''), /status HTTP 204 tidak didokumentasikan/],
    [
      'a body that is not JSON',
      raw(200, 'OK', { 'Content-Type': 'application/json' }),
      /isi bukan JSON yang sah/,
    ],
    [
      'an HTML page',
      raw(200, '<html>ok</html>', { 'Content-Type': 'text/html' }),
      /jenis isi "text\/html", bukan JSON/,
    ],
    ['no content type', raw(200, complaintJson), /jenis isi "kosong", bukan JSON/],
    ['application/jsonp', raw(200, complaintJson, { 'Content-Type': 'application/jsonp' }), /bukan JSON/],
    ['text/json', raw(200, complaintJson, { 'Content-Type': 'text/json' }), /bukan JSON/],
    [
      'a record missing a field',
      json(200, { ...complaint, title: undefined }),
      /^Jawaban server tidak sesuai kontrak: title: /,
    ],
    ['an empty object', json(200, {}), /Jawaban server tidak sesuai kontrak: id: /],
    ['a JSON array', json(200, []), /Jawaban server tidak sesuai kontrak: isi: /],
  ])(
    'does not believe %s: it is an invalid answer, retried and then parked',
    async (_what, reply, message) => {
      answer = reply;
      const outcome = await client.putComplaint(complaint.id, complaintJson);
      expect(outcome.kind).toBe('invalid');
      expect(outcome).toMatchObject({ message: expect.stringMatching(message) });
      expect(outcome).toMatchObject({ status: expect.any(Number) });
    },
  );

  it('names the content type it refused, cut to 60 characters, and refuses JSON inside another type', async () => {
    const long = `text/${'x'.repeat(200)}`;
    answer = raw(200, complaintJson, { 'Content-Type': long });
    expect(await client.putComplaint(complaint.id, complaintJson)).toMatchObject({
      message: `Jawaban server tidak sesuai kontrak: jenis isi "${long.slice(0, 60)}", bukan JSON`,
    });
    answer = raw(200, complaintJson, { 'Content-Type': 'text/x-application/json' });
    expect(await client.putComplaint(complaint.id, complaintJson)).toMatchObject({ kind: 'invalid' });
  });

  it('names the field of a nested record that does not fit, by its dotted path', async () => {
    answer = json(200, { ...complaint, location: { ...complaint.location, text: 5 } });
    expect(await client.putComplaint(complaint.id, complaintJson)).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/^Jawaban server tidak sesuai kontrak: location\.text: \S/),
    });
  });

  it('quotes at most 40 characters of a wrong id the server sent back', async () => {
    answer = json(200, { ...complaint, id: 'x'.repeat(100) });
    const outcome = await client.putComplaint(complaint.id, complaintJson);
    expect(outcome.kind).toBe('invalid');
    expect((outcome as { message: string }).message).not.toContain('x'.repeat(41));
  });

  it('accepts a JSON media type with parameters or a +json suffix', async () => {
    for (const type of [
      'application/json;charset=utf-8',
      'application/json ; charset=utf-8',
      'application/vnd.pemkab+json',
    ]) {
      answer = raw(200, complaintJson, { 'Content-Type': type });
      expect(await client.putComplaint(complaint.id, complaintJson), type).toEqual({
        kind: 'delivered',
        status: 200,
      });
    }
  });

  it('reads no more of an acknowledgement than its cap, and calls a longer one invalid', async () => {
    answer = raw(200, JSON.stringify({ ...complaint, pad: 'x'.repeat(readCaps.ack) }), {
      'Content-Type': 'application/json',
    });
    const outcome = await client.putComplaint(complaint.id, complaintJson);
    expect(outcome).toMatchObject({ kind: 'invalid', message: expect.stringContaining('terlalu besar') });
  });

  it('retries on a network failure, with no status', async () => {
    answer = (req) => req.socket.destroy();
    const outcome = await client.putComplaint(complaint.id, complaintJson);
    expect(outcome).toMatchObject({ kind: 'retry', status: null, retryAfterMs: null });
  });
});

describe('sending an event', () => {
  it('POSTs to /v1/complaints/{complaintId}/events and is delivered when the echo names both ids', async () => {
    answer = echo(201);
    expect(await client.postEvent(complaint.id, event.id, eventJson)).toEqual({
      kind: 'delivered',
      status: 201,
    });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: `/v1/complaints/${complaint.id}/events`,
      body: eventJson,
    });
    expect(seen[0]?.headers['content-type']).toBe('application/json');
  });

  it('is invalid when the echo names another event or another complaint', async () => {
    const other = sampleComplaint('PBL01').id;
    answer = json(200, { ...event, id: eventOf(other).id });
    expect(await client.postEvent(complaint.id, event.id, eventJson)).toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/jawaban menyebut peristiwa .* bukan /),
    });
    answer = json(200, { ...event, complaintId: other });
    expect(await client.postEvent(complaint.id, event.id, eventJson)).toMatchObject({ kind: 'invalid' });
  });
});

describe('answers that are not a success', () => {
  const cases: [number, string][] = [
    [300, 'park'],
    [301, 'park'],
    [302, 'park'],
    [307, 'park'],
    [308, 'park'],
    [399, 'park'],
    [400, 'park'],
    [404, 'park'],
    [409, 'park'],
    [422, 'park'],
    [499, 'park'],
    [401, 'pause'],
    [403, 'pause'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [599, 'retry'],
    [600, 'invalid'],
  ];
  it.each(cases)('HTTP %i: %s', async (status, kind) => {
    answer = raw(
      status,
      '',
      status >= 300 && status < 400 ? { Location: 'https://elsewhere.example/x' } : {},
    );
    const outcome = await client.putComplaint(complaint.id, complaintJson);
    expect(outcome.kind).toBe(kind);
    expect(outcome).toMatchObject({ status });
    if (kind === 'invalid')
      expect(outcome).toMatchObject({ message: `status HTTP ${status} tidak ada dalam kontrak` });
  });

  it('calls a status outside the contract invalid, not a failure of the record', () => {
    const answerOf = (status: number) => ({
      status,
      contentType: '',
      location: null,
      retryAfter: null,
      body: Buffer.alloc(0),
      truncated: false,
    });
    for (const status of [100, 199, 200, 299, 600, 999])
      expect(classify(answerOf(status), base), String(status)).toEqual({
        kind: 'invalid',
        status,
        message: `status HTTP ${status} tidak ada dalam kontrak`,
      });
  });

  it('never follows a redirect and names where it pointed, so an admin can check the URL', async () => {
    answer = raw(302, '', { Location: 'https://elsewhere.example/x' });
    const outcome = await client.putComplaint(complaint.id, complaintJson);
    expect(seen).toHaveLength(1);
    expect(outcome).toMatchObject({
      kind: 'park',
      message: expect.stringContaining('ke elsewhere.example;'),
    });
    answer = raw(302, '', { Location: '/v2/complaints' });
    expect(await client.putComplaint(complaint.id, complaintJson)).toMatchObject({
      message: expect.stringContaining(`ke ${new URL(base).host};`),
    });
    answer = raw(302, '');
    expect(await client.putComplaint(complaint.id, complaintJson)).toMatchObject({
      message: expect.stringContaining('ke alamat yang tidak disebutkan;'),
    });
    answer = raw(302, '', { Location: 'http://[bad' });
    expect(await client.putComplaint(complaint.id, complaintJson)).toMatchObject({
      message: expect.stringContaining('ke alamat yang tidak sah;'),
    });
  });

  it('honours Retry-After on 429 and 503, in seconds or as a date', async () => {
    answer = raw(429, '', { 'Retry-After': '120' });
    expect(await client.putComplaint(complaint.id, complaintJson)).toMatchObject({
      kind: 'retry',
      retryAfterMs: 120_000,
    });
    answer = raw(503, '', { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() });
    const outcome = await client.putComplaint(complaint.id, complaintJson);
    expect(outcome.kind).toBe('retry');
    const wait = (outcome as { retryAfterMs: number }).retryAfterMs;
    expect(wait).toBeGreaterThan(55_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    answer = raw(500, '');
    expect(await client.putComplaint(complaint.id, complaintJson)).toMatchObject({ retryAfterMs: null });
  });

  it('reads a long error body up to its cap, so the message at its start still shows', async () => {
    answer = json(422, {
      error: { code: 'FIELD', message: 'judul terlalu panjang' },
      detail: 'd'.repeat(8000),
    });
    expect(await client.putComplaint(complaint.id, complaintJson)).toMatchObject({
      message: 'FIELD: judul terlalu panjang',
    });
  });

  it("shows the server's own error message, cleaned, for a person to read", async () => {
    answer = json(422, { error: { code: 'FIELD', message: 'title\u0000terlalu\r\npanjang' } });
    expect(await client.putComplaint(complaint.id, complaintJson)).toMatchObject({
      kind: 'park',
      status: 422,
      message: 'FIELD: title terlalu panjang',
    });
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-29T08:00:00Z');
  it('reads seconds, with white space around them', () => {
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs(' 7 ', now)).toBe(7000);
  });
  it('reads an HTTP date, and a date already past as now', () => {
    expect(retryAfterMs('Sun, 29 Nov 2026 08:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 29 Nov 2026 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('Sunday, 29-Nov-26 08:00:10 GMT', now)).toBe(10_000);
  });
  it('waits at most an hour, however long the server asks for', () => {
    expect(maxRetryAfterMs).toBe(3_600_000);
    expect(retryAfterMs('999999', now)).toBe(maxRetryAfterMs);
    expect(retryAfterMs('3600', now)).toBe(maxRetryAfterMs);
    expect(retryAfterMs('3599', now)).toBe(3_599_000);
    expect(retryAfterMs('Mon, 30 Nov 2026 08:00:00 GMT', now)).toBe(maxRetryAfterMs);
  });
  it('ignores what it cannot read', () => {
    for (const h of [null, '', 'soon', '-5', '1.5', '12abc', '2026-11-29'])
      expect(retryAfterMs(h, now), String(h)).toBeNull();
  });
});

describe("the server's message", () => {
  const of = (body: string, contentType = '', status = 500) =>
    serverMessage({ status, contentType, body: Buffer.from(body) });
  it('uses code and message of an Error body', () => {
    expect(of(JSON.stringify({ error: { code: 'X', message: 'rusak' } }))).toBe('X: rusak');
  });
  it('falls back to the status and the text, trimmed to 200 characters', () => {
    expect(of('  sibuk\u0007sekali  ')).toBe('HTTP 500: sibuk sekali');
    expect(of('a'.repeat(1000))).toBe(`HTTP 500: ${'a'.repeat(200)}`);
    expect(of('', '', 503)).toBe('HTTP 503');
    expect(of(JSON.stringify({ error: 'not the shape' }))).toBe('HTTP 500: {"error":"not the shape"}');
  });
  it('says an HTML page was answered instead of showing its markup', () => {
    expect(of('<!doctype html><p>Bad gateway</p>', 'text/html', 502)).toBe('HTTP 502 (halaman HTML)');
    expect(of('  <html>', '', 502)).toBe('HTTP 502 (halaman HTML)');
    expect(of('ok', 'application/xhtml+xml', 502)).toBe('HTTP 502 (halaman HTML)');
    // Only text that starts with markup is a page; a "<" further on is just text.
    expect(of('antrean < 5 menit', 'text/plain', 503)).toBe('HTTP 503: antrean < 5 menit');
  });
  it('caps an Error message at 300 characters', () => {
    const long = of(JSON.stringify({ error: { code: 'C', message: 'm'.repeat(400) } }));
    expect(long).toBe(`C: ${'m'.repeat(297)}`);
  });
});

describe('health', () => {
  it('is true only for 200 {"status":"ok"} as JSON at /v1/health', async () => {
    answer = json(200, { status: 'ok' });
    expect(await client.health()).toBe(true);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/v1/health' });
    expect(seen[0]?.headers.authorization).toBe('Bearer tok-123');
  });
  it.each([
    ['a captive portal page', raw(200, '<html>login</html>', { 'Content-Type': 'text/html' })],
    ['another status word', json(200, { status: 'degraded' })],
    ['201', json(201, { status: 'ok' })],
    ['503', json(503, { status: 'ok' })],
    ['a dropped connection', (req: IncomingMessage) => req.socket.destroy()],
    [
      'an oversized body',
      raw(200, JSON.stringify({ status: 'ok', pad: 'x'.repeat(readCaps.health) }), {
        'Content-Type': 'application/json',
      }),
    ],
  ])('is false for %s, so the backlog is not resent while the server is still away', async (_w, reply) => {
    answer = reply as Answer;
    expect(await client.health()).toBe(false);
  });
});

describe('the change feed', () => {
  const change = (n: number) => ({
    id: `c${n}`,
    complaintId: complaint.id,
    at: '2026-11-29T08:00:00Z',
    status: 'TERVERIFIKASI',
  });
  it('asks after the cursor, percent-encoded, for at most 500, and returns the page', async () => {
    answer = json(200, { changes: [change(1)], next: 'n/2' });
    expect(await client.changes('a b&c', 50)).toEqual({ changes: [change(1)], next: 'n/2' });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/v1/changes?after=a%20b%26c&limit=50' });
    answer = json(200, { changes: [], next: 'x' });
    await client.changes('x', 10_000);
    expect(seen[1]?.url).toBe('/v1/changes?after=x&limit=500');
  });
  it('is invalid when the page holds more changes than asked for', async () => {
    answer = json(200, { changes: [change(1), change(2), change(3)], next: 'n' });
    expect(await client.changes('', 2)).toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('halaman berisi 3 perubahan, diminta paling banyak 2'),
    });
    answer = json(200, { changes: [change(1), change(2)], next: 'n' });
    expect(await client.changes('', 2)).toMatchObject({ next: 'n' });
  });
  it('never follows a redirect on the change feed either', async () => {
    answer = raw(300, '', { Location: 'https://elsewhere.example/' });
    expect(await client.changes('', 10)).toMatchObject({ kind: 'park', status: 300 });
  });

  it('classifies a failed page like any other answer', async () => {
    answer = raw(503, '', { 'Retry-After': '30' });
    expect(await client.changes('', 10)).toMatchObject({ kind: 'retry', status: 503, retryAfterMs: 30_000 });
    answer = raw(401, '');
    expect(await client.changes('', 10)).toMatchObject({ kind: 'pause', status: 401 });
    answer = (req) => req.socket.destroy();
    expect(await client.changes('', 10)).toMatchObject({ kind: 'retry', status: null });
    answer = json(200, { changes: 'none', next: 'n' });
    expect(await client.changes('', 10)).toMatchObject({ kind: 'invalid' });
  });
});
