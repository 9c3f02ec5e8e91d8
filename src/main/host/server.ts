/**
 * Browser mode: a node:http server on 127.0.0.1 that serves the built renderer and answers
 * POST /api/<method> from the same handler table as the Electron shell, behind a per-launch token.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { z } from 'zod';
import { contract, methodNames } from '../../shared/contract';
import { say, type MessageText } from '../../shared/i18n';
import { fail, httpStatusFor, type Result } from '../../shared/result';
import type { Api } from '../api';
import { receiptCsp } from '../receipts/html';
import { registerCsp } from '../review';
import { reportCsp, type Exports } from '../reports';
import { copyCsp } from '../privacy';
import { hasToken, isLoopbackRequest, securityHeaders, tabId } from './security';

export const maxBodyBytes = 2 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface HostOptions {
  api: Api;
  token: string;
  rendererDir: string;
  /** Receipt pages made by receipts.prepare (unguessable keys, valid for two minutes). */
  receiptPages?: { takePrepared(key: string): string | undefined };
  /** Daily register pages made by review.registerPage (same rules). */
  registerPages?: { takePrepared(key: string): string | undefined };
  /** The person's copy of their personal data (privacy feature), once. */
  copyPages?: { takePrepared(key: string): string | undefined };
  /** Report pages and export downloads made by reports.export (same rules). */
  reportExports?: Pick<Exports, 'take'>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}

function sendResult(res: ServerResponse, result: Result<unknown>): void {
  send(res, result.ok ? 200 : httpStatusFor[result.error.code], result);
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly text: MessageText,
  ) {
    super(text.key);
  }
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const tooLarge = () => new BodyError(413, say('errors.bodyTooLarge', { max: '2 MB' }));
  if (Number(req.headers['content-length'] ?? 0) > maxBodyBytes) {
    req.resume(); // drain, so the client reads our answer instead of a reset
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Keep draining past the limit (not storing) so the connection stays usable for the answer.
    if (size <= maxBodyBytes) chunks.push(chunk as Buffer);
  }
  if (size > maxBodyBytes) throw tooLarge();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new BodyError(400, say('errors.invalidUtf8'));
  }
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, say('errors.invalidJson'));
  }
}

function describeApi() {
  return methodNames.map((name) => {
    const spec = contract[name];
    return {
      name,
      summary: spec.summary,
      access: spec.access,
      input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
      output: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }),
    };
  });
}

function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string): void {
  const root = resolve(rendererDir);
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    // Malformed percent-encoding (/%, /%ff): a bad request, not a server error.
    res.writeHead(400, securityHeaders).end();
    return;
  }
  let file = normalize(join(root, path));
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403, securityHeaders).end();
    return;
  }
  // A single-page app: unknown paths get index.html.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Tampilan belum dibangun: jalankan "npm run build".');
    return;
  }
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  createReadStream(file).pipe(res);
}

export function createHostServer({
  api,
  token,
  rendererDir,
  receiptPages,
  registerPages,
  copyPages,
  reportExports,
}: HostOptions): Server {
  const onceOnlyPages = [
    {
      pattern: /^\/receipt\/([A-Za-z0-9_-]{16,64})$/,
      source: receiptPages,
      csp: receiptCsp,
      expired: 'Tautan tanda terima sudah kedaluwarsa; cetak ulang dari aplikasi.',
    },
    {
      pattern: /^\/register\/([A-Za-z0-9_-]{16,64})$/,
      source: registerPages,
      csp: registerCsp,
      expired: 'Tautan register sudah kedaluwarsa; cetak lagi dari Tinjauan harian.',
    },
    {
      pattern: /^\/salinan\/([A-Za-z0-9_-]{16,64})$/,
      source: copyPages,
      csp: copyCsp,
      expired: 'Tautan salinan data pribadi sudah kedaluwarsa; buat lagi dari Data pribadi.',
    },
    {
      pattern: /^\/report\/([A-Za-z0-9_-]{16,64})$/,
      source: reportExports && { takePrepared: (key: string) => reportExports.take('page', key)?.body },
      csp: reportCsp,
      expired: 'Tautan laporan sudah kedaluwarsa; ekspor lagi dari Laporan berkala.',
    },
  ];
  const server = createServer(async (req, res) => {
    try {
      const port = (server.address() as { port: number }).port;
      if (!isLoopbackRequest(req, port)) {
        send(res, 403, fail('FORBIDDEN', say('errors.badOrigin')));
        return;
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        if (!hasToken(req, token)) {
          send(res, 401, fail('UNAUTHENTICATED', say('errors.badToken')));
          return;
        }
        if (url.pathname === '/api' && req.method === 'GET') {
          send(res, 200, { ok: true, value: describeApi() });
          return;
        }
        if (req.method !== 'POST') {
          res.writeHead(405, { ...securityHeaders, Allow: 'POST' }).end();
          return;
        }
        const tab = tabId(req);
        if (!tab) {
          send(res, 400, fail('VALIDATION', say('errors.badToken')));
          return;
        }
        if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
          send(res, 415, fail('VALIDATION', say('errors.invalidJson')));
          return;
        }
        const body = await readJsonBody(req);
        let method: string;
        try {
          method = decodeURIComponent(url.pathname.slice('/api/'.length));
        } catch {
          send(
            res,
            400,
            fail('VALIDATION', say('errors.UNKNOWN_METHOD', { method: url.pathname.slice(5, 80) })),
          );
          return;
        }
        sendResult(res, await api.dispatch(method, body, `http:${tab}`));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, securityHeaders).end();
        return;
      }
      // One-time pages made by receipts.prepare and review.registerPage: unguessable keys, two minutes.
      for (const page of onceOnlyPages) {
        const key = page.pattern.exec(url.pathname)?.[1];
        if (!key) continue;
        const html = page.source?.takePrepared(key);
        res.writeHead(html ? 200 : 404, {
          ...securityHeaders,
          'Content-Security-Policy': page.csp,
          'Content-Type': 'text/html; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        res.end(html ?? page.expired);
        return;
      }
      const download = /^\/download\/([A-Za-z0-9_-]{16,64})$/.exec(url.pathname);
      if (download) {
        const file = reportExports?.take('file', download[1]!);
        if (!file || !existsSync(file.body)) {
          res.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('Tautan unduhan sudah kedaluwarsa; ekspor lagi dari Laporan berkala.');
          return;
        }
        res.writeHead(200, {
          ...securityHeaders,
          'Content-Type': file.type,
          'Content-Length': statSync(file.body).size,
          'Content-Disposition': `attachment; filename="${file.name}"`,
          'Cache-Control': 'no-store',
        });
        createReadStream(file.body).pipe(res);
        return;
      }
      serveStatic(req, res, rendererDir);
    } catch (error) {
      if (error instanceof BodyError) {
        send(res, error.status, fail('VALIDATION', error.text));
        return;
      }
      console.error(error);
      if (!res.headersSent) send(res, 500, fail('INTERNAL', say('errors.INTERNAL')));
      else res.destroy();
    }
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return server;
}
