/**
 * The Pemkab's central server as the desk sees it (docs/central-api.openapi.json), on loopback,
 * with faults on request: refused connections, 500/503 with Retry-After, hangs past the client's
 * timeout, commits and then drops the connection (the classic duplicate maker), 401, 422, 409, slowness.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Socket } from 'node:net';
import { complaintRecord, eventRecord, type ChangeRecord } from '../../src/main/forwarding/central-contract';

export type Fault =
  'ok' | 'reset' | '500' | '503' | 'hang' | 'drop-after-commit' | '401' | '422' | '409' | 'slow';

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

export class FakeCentral {
  complaints = new Map<string, string>();
  /** event id -> body, and per complaint the order events arrived in */
  events = new Map<string, string>();
  eventOrder = new Map<string, string[]>();
  /** how many times each complaint/event request was answered (duplicates show up here) */
  requests = 0;
  changes: ChangeRecord[] = [];
  token = 'central-token';
  deskCode = 'PBL01';
  /** Decides the fault for each request; default: none. */
  fault: (req: IncomingMessage) => Fault = () => 'ok';
  port = 0;
  private server: Server | null = null;
  private sockets = new Set<Socket>();

  private tls: { key: string; cert: string } | null = null;

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

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/v1/health') return this.json(res, 200, { status: 'ok' });
    const fault = this.fault(req);
    if (fault === 'reset') return req.socket.destroy();
    if (fault === 'hang') return; // never answers; the client's timeout must end it
    if (fault === 'slow') await new Promise((r) => setTimeout(r, 50));
    if (fault === '500') return this.json(res, 500, { error: { code: 'INTERNAL', message: 'boom' } });
    if (fault === '503')
      return this.json(
        res,
        503,
        { error: { code: 'MAINTENANCE', message: 'pemeliharaan' } },
        { 'Retry-After': '0' },
      );
    if (
      req.headers.authorization !== `Bearer ${this.token}` ||
      req.headers['x-desk-code'] !== this.deskCode ||
      fault === '401'
    ) {
      return this.json(res, 401, { error: { code: 'UNAUTHORIZED', message: 'token meja tidak berlaku' } });
    }
    if (fault === '422')
      return this.json(res, 422, {
        error: { code: 'INVALID', message: 'kode instansi tidak dikenal server' },
      });
    if (fault === '409')
      return this.json(res, 409, { error: { code: 'CONFLICT', message: 'isi berbeda untuk id yang sama' } });

    if (req.method === 'GET' && url.pathname === '/v1/changes') {
      const after = Number(url.searchParams.get('after') || 0);
      const limit = Number(url.searchParams.get('limit') || 100);
      const page = this.changes.slice(after, after + limit);
      return this.json(res, 200, { changes: page, next: String(after + page.length) });
    }
    const put = /^\/v1\/complaints\/([0-9a-f-]{36})$/.exec(url.pathname);
    const post = /^\/v1\/complaints\/([0-9a-f-]{36})\/events$/.exec(url.pathname);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return this.json(res, 400, { error: { code: 'BAD_JSON', message: 'not json' } });
    }
    this.requests++;
    let status: number;
    if (req.method === 'PUT' && put) {
      const parsed = complaintRecord.safeParse(body);
      if (!parsed.success || parsed.data.id !== put[1])
        return this.json(res, 422, {
          error: { code: 'INVALID', message: parsed.success ? 'id' : parsed.error.issues[0]!.message },
        });
      const stored = this.complaints.get(put[1]!);
      const incoming = canonical(parsed.data);
      if (stored && stored !== incoming)
        return this.json(res, 409, { error: { code: 'CONFLICT', message: 'isi berbeda' } });
      status = stored ? 200 : 201;
      this.complaints.set(put[1]!, incoming);
    } else if (req.method === 'POST' && post) {
      const parsed = eventRecord.safeParse(body);
      if (!parsed.success)
        return this.json(res, 422, { error: { code: 'INVALID', message: parsed.error.issues[0]!.message } });
      if (!this.complaints.has(post[1]!))
        return this.json(res, 404, {
          error: { code: 'UNKNOWN_COMPLAINT', message: 'kirim pengaduannya dulu' },
        });
      status = this.events.has(parsed.data.id) ? 200 : 201;
      if (status === 201) {
        this.events.set(parsed.data.id, canonical(parsed.data));
        this.eventOrder.set(post[1]!, [...(this.eventOrder.get(post[1]!) ?? []), parsed.data.id]);
      }
    } else {
      return this.json(res, 404, { error: { code: 'NOT_FOUND', message: url.pathname } });
    }
    if (fault === 'drop-after-commit') return req.socket.destroy(); // stored, but the desk never hears it
    this.json(res, status, body);
  }
}
