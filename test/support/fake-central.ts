/**
 * The Pemkab's central server as docs/central-api.openapi.json describes it, on loopback, written to
 * the document (it validates ids, desk codes, content types and sizes, answers 200 against 409 by
 * canonical JSON, scopes the change feed per desk), and able to misbehave on request in every way
 * the contract allows (5xx, 429 with Retry-After, commit-then-drop, hangs) and many it does not
 * (2xx with HTML or a wrong id, 202, redirects to another host, 50 MB answers, bodies that trickle).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Socket } from 'node:net';
import {
  canonicalJson,
  changesLimit,
  complaintRecord,
  dayRegisterRecord,
  eventRecord,
  type ChangeRecord,
} from '../../src/main/forwarding/central-contract';
import { FakeCentralFiles } from './fake-central-files';

export type Fault =
  | 'ok'
  | 'reset'
  | 'hang'
  | 'drop-after-commit'
  | 'slow'
  | '500'
  | '502'
  | '503'
  | '429'
  | '408'
  | '401'
  | '403'
  | '400'
  | '404'
  | '409'
  | '413'
  | '415'
  | '422'
  /** 2xx answers the contract does not allow: each must not count as delivered. */
  | '200-html'
  | '200-text'
  | '200-empty'
  | '200-not-json'
  | '200-wrong-id'
  | '200-invalid'
  | '202'
  | '204'
  | '200-huge'
  /** (200-empty, 200-not-json and 200-wrong-id store the record first; the others store nothing.) */
  /** Stores the record, then answers 500: allowed; the retry gets 200. */
  | 'commit-then-500'
  | 'error-huge'
  | 'trickle'
  | 'redirect'
  | 'redirect-301'
  /** A file's piece: half of it stored, then the connection dropped (a proxy cut the body short). */
  | 'store-half-then-drop';

export interface FakeCentralOptions {
  /** Where a redirect points: another host that must never receive anything. */
  redirectTo?: string;
  retryAfter?: string;
  /** Bytes of a huge answer. */
  hugeBytes?: number;
}

const isUuidV7 = (s: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(s);
const maxBody = 1024 * 1024;

export class FakeCentral {
  complaints = new Map<string, string>();
  /** desk code of each stored complaint: the change feed is scoped per desk */
  complaintDesk = new Map<string, string>();
  /** event id -> body, and per complaint the order events arrived in */
  events = new Map<string, string>();
  /** Daily registers by `<desk>/<day>`, as canonical JSON. */
  registers = new Map<string, string>();
  eventOrder = new Map<string, string[]>();
  /** how many complaint/event requests were answered (duplicates show up here) */
  requests = 0;
  /** every request line seen, for tests that check what was (not) sent */
  seen: Array<{ method: string; path: string; contentType: string | undefined }> = [];
  /** bytes written in answers, to show a capped reader stopped early */
  bytesWritten = 0;
  /** huge answers started, and their bytes written */
  hugeAnswers = 0;
  hugeBytes = 0;
  changes: ChangeRecord[] = [];
  /** Files uploaded to /v1/attachments (fake-central-files.ts). */
  fileStore = new FakeCentralFiles();
  token = 'central-token';
  /** Desk codes this server accepts, each with the token above. */
  deskCodes = new Set(['PBL01']);
  /** Decides the fault for each request; default: none. */
  fault: (req: IncomingMessage, path: string) => Fault = () => 'ok';
  /** Fault for /v1/health; default: healthy. */
  healthFault: () => 'ok' | 'down' | 'html' | 'hang' = () => 'ok';
  /** Fault for /v1/changes besides `fault`. */
  changesFault: () => 'ok' | 'huge' | 'invalid' | 'too-many' | 'duplicate' = () => 'ok';
  port = 0;
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  private tls: { key: string; cert: string } | null = null;

  constructor(private readonly options: FakeCentralOptions = {}) {}

  set deskCode(code: string) {
    this.deskCodes = new Set([code]);
  }

  /** Serve HTTPS with this key and certificate (e.g. issued by a regional CA). */
  withTls(tls: { key: string; cert: string }): this {
    this.tls = tls;
    return this;
  }

  async start(port = 0): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res);
    this.server = this.tls ? createTlsServer(this.tls, handler) : createServer(handler);
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => this.server!.listen(port || this.port, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  get url() {
    return `${this.tls ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  /** Down: the port refuses connections until start() again. */
  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = null;
  }

  private write(res: ServerResponse, status: number, body: string, headers: Record<string, string>) {
    res.writeHead(status, headers);
    this.bytesWritten += Buffer.byteLength(body);
    res.end(body);
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    this.write(res, status, JSON.stringify(body), { 'Content-Type': 'application/json', ...headers });
  }

  private error(
    res: ServerResponse,
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
  ) {
    this.json(res, status, { error: { code, message } }, headers);
  }

  /** 422 naming the first field the schema refused. */
  private invalid(res: ServerResponse, error: { issues: Array<{ path: PropertyKey[]; message: string }> }) {
    const issue = error.issues[0]!;
    this.error(res, 422, 'INVALID', `${issue.path.join('.')}: ${issue.message}`);
  }

  /** Streams `bytes` of filler, counting what actually left; stops when the client hangs up. */
  private async huge(res: ServerResponse, status: number, contentType: string) {
    res.writeHead(status, { 'Content-Type': contentType });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const total = this.options.hugeBytes ?? 50 * 1024 * 1024;
    this.hugeAnswers++;
    for (let sent = 0; sent < total && !res.destroyed; sent += chunk.length) {
      this.bytesWritten += chunk.length;
      this.hugeBytes += chunk.length;
      if (!res.write(chunk)) await new Promise((r) => res.once('drain', r).once('close', r));
    }
    res.end();
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size <= maxBody) chunks.push(c as Buffer);
    }
    const url = new URL(req.url ?? '/', 'http://x');
    this.seen.push({
      method: req.method ?? '',
      path: url.pathname,
      contentType: req.headers['content-type'],
    });

    if (url.pathname === '/v1/health') {
      if (req.method !== 'GET') return this.error(res, 405, 'BAD_REQUEST', 'GET only');
      const h = this.healthFault();
      if (h === 'hang') return;
      if (h === 'down') return this.error(res, 503, 'MAINTENANCE', 'pemeliharaan', { 'Retry-After': '5' });
      if (h === 'html')
        return this.write(res, 200, '<html><body>Portal login</body></html>', {
          'Content-Type': 'text/html',
        });
      return this.json(res, 200, { status: 'ok' });
    }

    const fault = this.fault(req, url.pathname);
    if (fault === 'reset') return req.socket.destroy();
    if (fault === 'hang') return; // never answers; the client's timeout must end it
    if (fault === 'slow') await new Promise((r) => setTimeout(r, 50));
    if (fault === 'redirect' || fault === 'redirect-301') {
      const to = `${this.options.redirectTo ?? 'http://127.0.0.2:9'}${url.pathname}`;
      return this.write(res, fault === 'redirect' ? 307 : 301, '', { Location: to });
    }
    if (fault === '500') return this.error(res, 500, 'INTERNAL', 'boom');
    if (fault === '502')
      return this.write(res, 502, '<html>Bad Gateway</html>', { 'Content-Type': 'text/html' });
    if (fault === '503' || fault === '429')
      return this.error(res, Number(fault), fault === '503' ? 'MAINTENANCE' : 'RATE_LIMITED', 'nanti lagi', {
        'Retry-After': this.options.retryAfter ?? '0',
      });
    if (fault === '408') return this.error(res, 408, 'BAD_REQUEST', 'request timeout');
    if (fault === 'error-huge') return this.huge(res, 500, 'text/plain');
    if (fault === 'trickle') {
      // Headers at once, then a byte now and then: only a timeout over the whole body ends it.
      res.writeHead(201, { 'Content-Type': 'application/json' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 100);
      res.on('close', () => clearInterval(timer));
      return;
    }

    const desk = String(req.headers['x-desk-code'] ?? '');
    if (req.headers.authorization !== `Bearer ${this.token}` || !this.deskCodes.has(desk) || fault === '401')
      return this.error(res, 401, 'UNAUTHORIZED', 'token meja tidak berlaku');
    if (fault === '403') return this.error(res, 403, 'FORBIDDEN', 'meja ini tidak diizinkan');
    if (fault === '400') return this.error(res, 400, 'BAD_REQUEST', 'permintaan rusak');
    if (fault === '404') return this.error(res, 404, 'NOT_FOUND', url.pathname);
    if (fault === '413') return this.error(res, 413, 'PAYLOAD_TOO_LARGE', 'terlalu besar');
    if (fault === '415') return this.error(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'harus JSON');
    if (fault === '422') return this.error(res, 422, 'INVALID', 'kode instansi tidak dikenal server');
    if (fault === '409') return this.error(res, 409, 'CONFLICT', 'isi berbeda untuk id yang sama');

    if (req.method === 'GET' && url.pathname === '/v1/changes') return this.changesPage(res, url, desk);

    const file = /^\/v1\/attachments\/([^/]+)$/.exec(url.pathname);
    if (file) return this.attachment(req, res, file[1]!, size, chunks, fault);

    const register = /^\/v1\/registers\/(\d{4}-\d{2}-\d{2})$/.exec(url.pathname);
    const put = /^\/v1\/complaints\/([^/]+)$/.exec(url.pathname);
    const post = /^\/v1\/complaints\/([^/]+)\/events$/.exec(url.pathname);
    if (!(req.method === 'PUT' && (put || register)) && !(req.method === 'POST' && post))
      return this.error(res, 404, 'NOT_FOUND', url.pathname);
    if (this.lookalike(res, fault)) return;
    if (size > maxBody) return this.error(res, 413, 'PAYLOAD_TOO_LARGE', 'maksimum 1 MB');
    if (!/^application\/json\s*(;|$)/.test(String(req.headers['content-type'] ?? '')))
      return this.error(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type harus application/json');
    if (register) return this.putRegister(res, register[1]!, desk, chunks, fault);
    return this.putOrPost(req, res, put, post, desk, chunks, fault);
  }

  /** Answers that look like success but store nothing: a login portal, a proxy page, a queue. */
  private lookalike(res: ServerResponse, fault: Fault): boolean {
    switch (fault) {
      case '200-html':
        this.write(res, 200, '<!doctype html><html><body>Login portal</body></html>', {
          'Content-Type': 'text/html',
        });
        return true;
      case '200-text':
        this.write(res, 200, 'OK', { 'Content-Type': 'text/plain' });
        return true;
      case '200-invalid':
        this.json(res, 200, { ok: true });
        return true;
      case '202':
        this.json(res, 202, { queued: true });
        return true;
      case '204':
        res.writeHead(204);
        res.end();
        return true;
      case '200-huge':
        void this.huge(res, 200, 'application/json');
        return true;
      default:
        return false;
    }
  }

  /** GET and PATCH /v1/attachments/{sha256}, through fake-central-files.ts, with the faults of writes. */
  private attachment(
    req: IncomingMessage,
    res: ServerResponse,
    sha256: string,
    size: number,
    chunks: Buffer[],
    fault: Fault,
  ) {
    if (!/^[0-9a-f]{64}$/.test(sha256))
      return this.error(res, 400, 'BAD_REQUEST', 'sha256 di path bukan hex');
    if (req.method !== 'GET' && req.method !== 'PATCH')
      return this.error(res, 404, 'NOT_FOUND', 'GET atau PATCH');
    if (this.lookalike(res, fault)) return;
    if (size > maxBody) return this.error(res, 413, 'PAYLOAD_TOO_LARGE', 'maksimum 1 MiB');
    const piece = Buffer.concat(chunks);
    const answer =
      req.method === 'GET'
        ? this.fileStore.get(sha256)
        : this.fileStore.patch(
            sha256,
            req.headers,
            piece,
            fault === 'store-half-then-drop' ? Math.floor(piece.length / 2) : piece.length,
          );
    if ('code' in answer.body) return this.error(res, answer.status, answer.body.code, answer.body.message);
    if (answer.stored)
      switch (fault) {
        case 'store-half-then-drop':
        case 'drop-after-commit':
          return req.socket.destroy();
        case 'commit-then-500':
          return this.error(res, 500, 'INTERNAL', 'tersimpan, tapi jawaban gagal');
        case '200-empty':
          return this.write(res, 200, '', { 'Content-Type': 'application/json' });
        case '200-not-json':
          return this.write(res, 200, '{"sha256": ', { 'Content-Type': 'application/json' });
        case '200-wrong-id':
          return this.json(res, 200, { ...answer.body, sha256: 'f'.repeat(64) });
      }
    this.json(res, answer.status, answer.body);
  }

  /** PUT a complaint or POST an event. */
  private putOrPost(
    req: IncomingMessage,
    res: ServerResponse,
    put: RegExpExecArray | null,
    post: RegExpExecArray | null,
    desk: string,
    chunks: Buffer[],
    fault: Fault,
  ) {
    const pathId = (put ?? post)![1]!;
    if (!isUuidV7(pathId)) return this.error(res, 400, 'BAD_REQUEST', 'id di path bukan UUIDv7');
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return this.error(res, 400, 'BAD_REQUEST', 'bukan JSON');
    }
    this.requests++;
    let status: number;
    let answer: Record<string, unknown>;
    if (put) {
      const parsed = complaintRecord.safeParse(body);
      if (!parsed.success) return this.invalid(res, parsed.error);
      if (parsed.data.id !== pathId) return this.error(res, 422, 'INVALID', 'id isi berbeda dengan id path');
      if (parsed.data.deskCode !== desk)
        return this.error(res, 422, 'INVALID', 'deskCode berbeda dengan X-Desk-Code');
      // The contract: every file a complaint names is uploaded before it.
      const missing = parsed.data.attachments.find((a) => !this.fileStore.files.has(a.sha256));
      if (missing) return this.error(res, 422, 'INVALID', `berkas ${missing.sha256} belum diunggah`);
      const stored = this.complaints.get(pathId);
      const incoming = canonicalJson(parsed.data);
      if (stored && stored !== incoming) return this.error(res, 409, 'CONFLICT', 'isi berbeda');
      status = stored ? 200 : 201;
      this.complaints.set(pathId, incoming);
      this.complaintDesk.set(pathId, desk);
      answer = parsed.data as unknown as Record<string, unknown>;
    } else {
      const parsed = eventRecord.safeParse(body);
      if (!parsed.success) return this.invalid(res, parsed.error);
      const event = parsed.data as { id: string; complaintId: string };
      if (event.complaintId !== pathId)
        return this.error(res, 422, 'INVALID', 'complaintId berbeda dengan id path');
      if (!this.complaints.has(pathId))
        return this.error(res, 404, 'UNKNOWN_COMPLAINT', 'kirim pengaduannya dulu');
      const named = parsed.data as { kind: string; data: { sha256?: string } | null };
      if (named.kind === 'LAMPIRAN' && !this.fileStore.files.has(named.data?.sha256 ?? ''))
        return this.error(res, 422, 'INVALID', 'berkas lampiran belum diunggah');
      status = this.events.has(event.id) ? 200 : 201;
      if (status === 201) {
        this.events.set(event.id, canonicalJson(parsed.data));
        this.eventOrder.set(pathId, [...(this.eventOrder.get(pathId) ?? []), event.id]);
      }
      answer = parsed.data as Record<string, unknown>;
    }
    switch (fault) {
      case 'drop-after-commit':
        return req.socket.destroy(); // stored, but the desk never hears it
      case 'commit-then-500':
        return this.error(res, 500, 'INTERNAL', 'tersimpan, tapi jawaban gagal');
      case '200-empty':
        return this.write(res, 200, '', { 'Content-Type': 'application/json' });
      case '200-not-json':
        return this.write(res, 200, '{"id": ', { 'Content-Type': 'application/json' });
      case '200-wrong-id':
        return this.json(res, 200, { ...answer, id: '01900000-0000-7000-8000-000000000000' });
    }
    this.json(res, status, answer);
  }

  /** PUT /v1/registers/{day}: stored once per desk and day; the digest must be the content's SHA-256. */
  private putRegister(res: ServerResponse, day: string, desk: string, chunks: Buffer[], fault: Fault) {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return this.error(res, 400, 'BAD_REQUEST', 'bukan JSON');
    }
    const parsed = dayRegisterRecord.safeParse(body);
    if (!parsed.success) return this.invalid(res, parsed.error);
    const r = parsed.data;
    if (r.day !== day) return this.error(res, 422, 'INVALID', 'day berbeda dengan path');
    if (r.deskCode !== desk) return this.error(res, 422, 'INVALID', 'deskCode berbeda dengan X-Desk-Code');
    if (createHash('sha256').update(r.content, 'utf8').digest('hex') !== r.digest)
      return this.error(res, 422, 'INVALID', 'digest bukan SHA-256 dari content');
    this.requests++;
    const key = `${desk}/${day}`;
    const incoming = canonicalJson(r);
    const stored = this.registers.get(key);
    if (stored && stored !== incoming)
      return this.error(res, 409, 'CONFLICT', 'register lain untuk hari ini');
    this.registers.set(key, incoming);
    if (fault === 'drop-after-commit') return res.socket?.destroy(); // stored, but the desk never hears it
    this.json(res, stored ? 200 : 201, r);
  }

  private changesPage(res: ServerResponse, url: URL, desk: string) {
    const after = url.searchParams.get('after') ?? '';
    const limitParam = url.searchParams.get('limit');
    const limit = limitParam === null ? changesLimit.default : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > changesLimit.max)
      return this.error(res, 400, 'BAD_REQUEST', `limit 1-${changesLimit.max}`);
    if (after !== '' && !/^\d+$/.test(after))
      return this.error(res, 400, 'BAD_REQUEST', 'cursor tidak dikenal');
    const f = this.changesFault();
    if (f === 'huge') return this.huge(res, 200, 'application/json');
    if (f === 'invalid')
      return this.json(res, 200, { changes: [{ id: 'x', complaintId: 'not-a-uuid' }], next: '1' });
    // This desk's changes only: a change about another desk's complaint is never shown to this one.
    const mine = this.changes.filter((c) => (this.complaintDesk.get(c.complaintId) ?? desk) === desk);
    const start = after === '' ? 0 : Number(after);
    if (f === 'too-many')
      return this.json(res, 200, { changes: mine.slice(0, limit + 5), next: String(start + limit + 5) });
    const page = mine.slice(start, start + limit);
    if (f === 'duplicate')
      return this.json(res, 200, { changes: [...page, ...page], next: String(start + page.length) });
    // An empty page gives back the cursor it was given.
    return this.json(res, 200, { changes: page, next: page.length ? String(start + page.length) : after });
  }
}
