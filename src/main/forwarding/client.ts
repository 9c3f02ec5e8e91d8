/**
 * The desk's side of the central server's HTTP contract, and how each outcome is classified:
 * network errors, timeouts, 429 and 5xx are retried; 401/403 pause all sending; other 4xx and
 * 409 park the record for a person; 2xx is delivered.
 */
import { rootCertificates } from 'node:tls';
import { Agent, fetch } from 'undici';
import {
  changesPage,
  errorBody,
  type ChangeRecord,
  type ComplaintRecord,
  type EventRecord,
} from './central-contract';

export interface ServerConfig {
  url: string;
  token: string;
  deskCode: string;
  /** PEM of a regional CA the server's certificate is issued by, trusted beside the system's. */
  caCertificate?: string | null;
  timeoutMs: number;
}

export type Outcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; status: number | null; message: string; retryAfterMs: number | null }
  | { kind: 'pause'; status: number; message: string }
  | { kind: 'park'; status: number; message: string };

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function classify(status: number, message: string, retryAfter: string | null): Outcome {
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  if (status === 429 || status >= 500)
    return { kind: 'retry', status, message, retryAfterMs: retryAfterMs(retryAfter) };
  if (status === 401 || status === 403) return { kind: 'pause', status, message };
  return { kind: 'park', status, message };
}

async function serverMessage(response: { text(): Promise<string> }, status: number): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    if (parsed.success) return `${parsed.data.error.code}: ${parsed.data.error.message}`;
  } catch {
    // not JSON
  }
  return `HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
}

export function createCentralClient(config: ServerConfig) {
  const base = config.url.replace(/\/+$/, '');
  const dispatcher = new Agent({
    connect: config.caCertificate ? { ca: [...rootCertificates, config.caCertificate] } : {},
    keepAliveTimeout: 10_000,
    connections: 16,
  });
  const headers = { Authorization: `Bearer ${config.token}`, 'X-Desk-Code': config.deskCode };

  async function send(method: string, path: string, body?: unknown): Promise<Outcome> {
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        dispatcher,
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      if (response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return { kind: 'delivered', status: response.status };
      }
      return classify(
        response.status,
        await serverMessage(response, response.status),
        response.headers.get('retry-after'),
      );
    } catch (error) {
      const e = error as { name?: string; cause?: { code?: string }; message?: string };
      const why = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.message ?? 'network error');
      return { kind: 'retry', status: null, message: why, retryAfterMs: null };
    }
  }

  return {
    putComplaint: (record: ComplaintRecord) => send('PUT', `/v1/complaints/${record.id}`, record),
    postEvent: (event: EventRecord) => send('POST', `/v1/complaints/${event.complaintId}/events`, event),
    async health(): Promise<boolean> {
      return (await send('GET', '/v1/health')).kind === 'delivered';
    },
    async changes(
      after: string,
      limit: number,
    ): Promise<{ changes: ChangeRecord[]; next: string } | Outcome> {
      try {
        const response = await fetch(`${base}/v1/changes?after=${encodeURIComponent(after)}&limit=${limit}`, {
          headers,
          dispatcher,
          signal: AbortSignal.timeout(config.timeoutMs),
        });
        if (!response.ok)
          return classify(
            response.status,
            await serverMessage(response, response.status),
            response.headers.get('retry-after'),
          );
        // The server's reply is input like any other: validated before anything is applied.
        const parsed = changesPage.safeParse(await response.json());
        if (!parsed.success)
          return {
            kind: 'park',
            status: response.status,
            message: `invalid changes page: ${parsed.error.issues[0]?.message}`,
          };
        return parsed.data;
      } catch (error) {
        return { kind: 'retry', status: null, message: (error as Error).message, retryAfterMs: null };
      }
    },
    close: () => dispatcher.close(),
  };
}
export type CentralClient = ReturnType<typeof createCentralClient>;
