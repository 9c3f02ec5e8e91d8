/**
 * HTTP for talking to another team's server, which is untrusted input: redirects are never
 * followed, every body read is capped (reading stops and the connection is dropped past the cap),
 * every request has one timeout over connect, headers and body, and the certificate authorities
 * are the bundled ones, the operating system's, and the one an admin set.
 */
import type { Readable } from 'node:stream';
import * as tls from 'node:tls';
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';

/** The proxy for a URL ('http://host:port'), or null to connect directly. */
export type ProxyResolver = (url: string) => Promise<string | null>;

export interface HttpOptions {
  caCertificate?: string | null;
  timeoutMs: number;
  proxyFor?: ProxyResolver | undefined;
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  location: string | null;
  retryAfter: string | null;
  body: Buffer;
  /** The body was longer than the cap: only its start was read. */
  truncated: boolean;
}

export type HttpResult =
  { ok: true; answer: HttpAnswer } | { ok: false; failure: 'timeout' | 'network'; message: string };

/** Bundled roots, the OS store where Node can read it (Windows, macOS, Linux), and the admin's CA. */
export function trustedCertificates(
  extra: string | null | undefined,
  system: () => readonly string[] = systemCertificates,
): string[] {
  return [...new Set([...tls.rootCertificates, ...system(), ...(extra ? [extra] : [])])];
}

function systemCertificates(): readonly string[] {
  const get = (tls as { getCACertificates?: (type: 'system') => string[] }).getCACertificates;
  try {
    return get ? get('system') : [];
  } catch {
    return [];
  }
}

/**
 * The proxy the environment names (HTTPS_PROXY / HTTP_PROXY, NO_PROXY), as curl and most tools read
 * them. The desktop shell passes the system's own proxy settings instead.
 */
export function environmentProxy(env: NodeJS.ProcessEnv = process.env): ProxyResolver {
  return async (url) => {
    const target = new URL(url);
    const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v && v.trim()) ?? null;
    const proxy =
      target.protocol === 'https:' ? pick('HTTPS_PROXY', 'https_proxy') : pick('HTTP_PROXY', 'http_proxy');
    if (!proxy) return null;
    const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    // Loopback never goes through a proxy.
    if (host === 'localhost' || host === '::1' || host.startsWith('127.')) return null;
    const port = target.port || (target.protocol === 'https:' ? '443' : '80');
    const bypass = (pick('NO_PROXY', 'no_proxy') ?? '')
      .split(/[,\s]+/)
      .filter(Boolean)
      .some((entry) => {
        if (entry === '*') return true;
        const [name, entryPort] = entry.toLowerCase().split(/:(?=\d+$)/);
        if (entryPort && entryPort !== port) return false;
        const bare = name!.replace(/^\*?\./, '');
        return host === bare || host.endsWith(`.${bare}`);
      });
    return bypass ? null : proxy.trim();
  };
}

/**
 * Reads a body up to `cap` bytes. Past the cap the stream is destroyed: the rest is never buffered,
 * and the connection is dropped rather than drained.
 */
function readCapped(stream: Readable, cap: number): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      if (size + chunk.length > cap) {
        chunks.push(chunk.subarray(0, cap - size));
        stream.destroy();
        resolve({ body: Buffer.concat(chunks), truncated: true });
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    stream.on('end', () =>
      resolve({ body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), truncated: false }),
    );
    stream.on('error', reject);
  });
}

export function createHttp(options: HttpOptions) {
  let dispatcher: Promise<Dispatcher> | null = null;
  const ca = trustedCertificates(options.caCertificate);
  const made: Dispatcher[] = [];

  function dispatcherFor(url: string): Promise<Dispatcher> {
    return (dispatcher ??= (async () => {
      const proxy = options.proxyFor ? await options.proxyFor(url).catch(() => null) : null;
      const d = proxy
        ? new ProxyAgent({ uri: proxy, requestTls: { ca }, proxyTunnel: true, connections: 16 })
        : new Agent({ connect: { ca }, keepAliveTimeout: 10_000, connections: 16 });
      made.push(d);
      return d;
    })());
  }

  async function send(
    method: 'GET' | 'PUT' | 'POST' | 'PATCH',
    url: string,
    headers: Record<string, string>,
    body: string | Buffer | undefined,
    cap: number,
  ): Promise<HttpResult> {
    // One deadline over connect, headers and body: a server that trickles its answer is cut off too.
    const controller = new AbortController();
    const deadline = setTimeout(() => controller.abort(), options.timeoutMs);
    const signal = controller.signal;
    try {
      const response = await request(url, {
        method,
        headers,
        body,
        dispatcher: await dispatcherFor(url),
        signal,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
      const header = (name: string) => {
        const v = response.headers[name];
        return (Array.isArray(v) ? v[0] : v) ?? null;
      };
      const answer = await readCapped(response.body, cap);
      return {
        ok: true,
        answer: {
          status: response.statusCode,
          contentType: (header('content-type') ?? '').toLowerCase(),
          location: header('location'),
          retryAfter: header('retry-after'),
          body: answer.body,
          truncated: answer.truncated,
        },
      };
    } catch (error) {
      if (signal.aborted) return { ok: false, failure: 'timeout', message: 'timeout' };
      const e = error as { name?: string; code?: string; cause?: { code?: string }; message?: string };
      if (e.name === 'HeadersTimeoutError' || e.name === 'BodyTimeoutError')
        return { ok: false, failure: 'timeout', message: 'timeout' };
      return {
        ok: false,
        failure: 'network',
        message: e.cause?.code ?? e.code ?? e.message ?? 'network error',
      };
    } finally {
      clearTimeout(deadline);
    }
  }

  return {
    send,
    async close() {
      await Promise.all(made.map((d) => d.destroy().catch(() => undefined)));
    },
  };
}
export type Http = ReturnType<typeof createHttp>;
