/**
 * The desk's side of the central server's HTTP contract, and how each answer is classified. A record
 * counts as delivered only on a documented status with a JSON body that validates against the contract
 * and names the record sent. Network errors, timeouts, 408, 429 and 5xx are retried; answers that do not
 * fit the contract are retried and then parked; 3xx is never followed and parks; 401/403 pause all
 * sending; other 4xx park the record for a person.
 */
import type { z } from 'zod';
import {
  changesLimit,
  changesPage,
  complaintRecord,
  dayRegisterRecord,
  errorBody,
  eventRecord,
  healthBody,
  type ChangeRecord,
} from './central-contract';
import { createHttp, type HttpAnswer, type HttpResult, type ProxyResolver } from './http';
import { uploadAttachment } from './upload';

export interface ServerConfig {
  url: string;
  token: string;
  deskCode: string;
  /** PEM of a regional CA the server's certificate is issued by, trusted beside the system's. */
  caCertificate?: string | null;
  timeoutMs: number;
  proxyFor?: ProxyResolver | undefined;
}

export type Outcome =
  | { kind: 'delivered'; status: number }
  /** Nothing to send any more (a file erased on the desk before it went): done, no server asked. */
  | { kind: 'skipped'; message: string }
  | { kind: 'retry'; status: number | null; message: string; retryAfterMs: number | null }
  /** The answer did not fit the contract: retried, and parked after a set number in a row. */
  | { kind: 'invalid'; status: number; message: string }
  | { kind: 'pause'; status: number; message: string }
  | { kind: 'park'; status: number; message: string };

/** How much of each answer is read at most. */
export const readCaps = { error: 16 * 1024, ack: 256 * 1024, changes: 2 * 1024 * 1024, health: 4 * 1024 };
/** The longest wait a Retry-After may ask for; beyond it the server is asked again after this. */
export const maxRetryAfterMs = 60 * 60_000;

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Math.min(maxRetryAfterMs, Number(text) * 1000);
  // An HTTP date names its month in letters (IMF-fixdate, RFC 850 and asctime forms); without one,
  // Date.parse would read "-5" or "2026" as a year.
  const at = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\b/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? null : Math.min(maxRetryAfterMs, Math.max(0, at - now));
}

/** The server's own words, from its Error body when it sent one; control characters removed, capped. */
export function serverMessage(answer: Pick<HttpAnswer, 'status' | 'body' | 'contentType'>): string {
  const text = answer.body.toString('utf8');
  const clean = (s: string) =>
    s
      // eslint-disable-next-line no-control-regex -- a message from outside is shown to people
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .trim()
      .slice(0, 300);
  try {
    const parsed = errorBody.safeParse(JSON.parse(text));
    if (parsed.success) return clean(`${parsed.data.error.code}: ${parsed.data.error.message}`);
  } catch {
    // not JSON
  }
  const looksLikeHtml = /html/.test(answer.contentType) || /^\s*</.test(text);
  return `HTTP ${answer.status}${text && !looksLikeHtml ? `: ${clean(text).slice(0, 200)}` : looksLikeHtml ? ' (halaman HTML)' : ''}`;
}

const hostOf = (location: string | null, base: string) => {
  if (!location) return 'alamat yang tidak disebutkan';
  try {
    return new URL(location, base).host;
  } catch {
    return 'alamat yang tidak sah';
  }
};

/** Classifies an answer that is not a success of the operation. */
export function classify(answer: HttpAnswer, base: string): Outcome {
  const { status } = answer;
  if (status >= 300 && status < 400)
    return {
      kind: 'park',
      status,
      message: `Server pusat mengalihkan permintaan (HTTP ${status}) ke ${hostOf(answer.location, base)}; pengalihan tidak diikuti. Periksa URL server pusat di Pengaturan.`,
    };
  if (status === 408 || status === 429 || (status >= 500 && status < 600))
    return {
      kind: 'retry',
      status,
      message: serverMessage(answer),
      retryAfterMs: retryAfterMs(answer.retryAfter),
    };
  if (status === 401 || status === 403) return { kind: 'pause', status, message: serverMessage(answer) };
  if (status >= 400 && status < 500) return { kind: 'park', status, message: serverMessage(answer) };
  return { kind: 'invalid', status, message: `status HTTP ${status} tidak ada dalam kontrak` };
}

const isJson = (contentType: string) => /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/.test(contentType);

/**
 * Reads a success body: documented status, JSON, within its cap, valid against the schema, and
 * (check) naming what was sent. Anything else is an 'invalid' outcome with the reason.
 */
export function readSuccess<T>(
  answer: HttpAnswer,
  documented: readonly number[],
  schema: z.ZodType<T>,
  check: (value: T) => string | null,
): { ok: true; value: T } | { ok: false; outcome: Outcome } {
  const invalid = (why: string) => ({
    ok: false as const,
    outcome: {
      kind: 'invalid' as const,
      status: answer.status,
      message: `Jawaban server tidak sesuai kontrak: ${why}`,
    },
  });
  if (!documented.includes(answer.status))
    return invalid(`status HTTP ${answer.status} tidak didokumentasikan`);
  if (answer.truncated) return invalid('jawaban terlalu besar');
  if (!isJson(answer.contentType))
    return invalid(`jenis isi "${answer.contentType.slice(0, 60) || 'kosong'}", bukan JSON`);
  let json: unknown;
  try {
    json = JSON.parse(answer.body.toString('utf8'));
  } catch {
    return invalid('isi bukan JSON yang sah');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalid(`${issue?.path.join('.') || 'isi'}: ${issue?.message ?? 'tidak sah'}`);
  }
  const wrong = check(parsed.data);
  return wrong ? invalid(wrong) : { ok: true, value: parsed.data };
}

export function createCentralClient(config: ServerConfig) {
  const base = config.url.replace(/\/+$/, '');
  const http = createHttp({
    caCertificate: config.caCertificate,
    timeoutMs: config.timeoutMs,
    proxyFor: config.proxyFor,
  });
  const headers = {
    Authorization: `Bearer ${config.token}`,
    'X-Desk-Code': config.deskCode,
    Accept: 'application/json',
  };

  const failed = (result: Extract<HttpResult, { ok: false }>): Outcome => ({
    kind: 'retry',
    status: null,
    message: result.message,
    retryAfterMs: null,
  });

  /** Sends a frozen body (JSON text, as recorded) and reads the acknowledgement. */
  async function write<T>(
    method: 'PUT' | 'POST',
    path: string,
    json: string,
    schema: z.ZodType<T>,
    check: (value: T) => string | null,
  ): Promise<Outcome> {
    const result = await http.send(
      method,
      `${base}${path}`,
      { ...headers, 'Content-Type': 'application/json' },
      json,
      readCaps.ack,
    );
    if (!result.ok) return failed(result);
    if (result.answer.status < 200 || result.answer.status >= 300) return classify(result.answer, base);
    const read = readSuccess(result.answer, [200, 201], schema, check);
    return read.ok ? { kind: 'delivered', status: result.answer.status } : read.outcome;
  }

  return {
    /** PUT /v1/complaints/{id} with the complaint's frozen JSON. */
    putComplaint: (id: string, json: string) =>
      write('PUT', `/v1/complaints/${id}`, json, complaintRecord, (ack) =>
        ack.id === id ? null : `jawaban menyebut pengaduan ${ack.id.slice(0, 40)}, bukan ${id}`,
      ),
    /** POST /v1/complaints/{complaintId}/events with the event's frozen JSON. */
    postEvent: (complaintId: string, id: string, json: string) =>
      write('POST', `/v1/complaints/${complaintId}/events`, json, eventRecord, (ack) => {
        const a = ack as { id: string; complaintId: string };
        return a.id === id && a.complaintId === complaintId
          ? null
          : `jawaban menyebut peristiwa ${String(a.id).slice(0, 40)}, bukan ${id}`;
      }),
    /** PUT /v1/registers/{day} with the closed day's register. */
    putRegister: (day: string, id: string, json: string) =>
      write('PUT', `/v1/registers/${day}`, json, dayRegisterRecord, (ack) =>
        ack.id === id && ack.day === day ? null : `jawaban menyebut register ${ack.day}, bukan ${day}`,
      ),
    /** The file's bytes to /v1/attachments/{sha256}, from what the server already holds (upload.ts). */
    putAttachment: (sha256: string, bytes: Buffer, firstAttempt = false) =>
      uploadAttachment({ http, base, headers, failed }, sha256, bytes, firstAttempt),
    /** True only when the server answers its health check as the contract says. */
    async health(): Promise<boolean> {
      const result = await http.send('GET', `${base}/v1/health`, headers, undefined, readCaps.health);
      return result.ok && readSuccess(result.answer, [200], healthBody, () => null).ok;
    },
    async changes(
      after: string,
      limit: number,
    ): Promise<{ changes: ChangeRecord[]; next: string } | Outcome> {
      const take = Math.min(limit, changesLimit.max);
      const result = await http.send(
        'GET',
        `${base}/v1/changes?after=${encodeURIComponent(after)}&limit=${take}`,
        headers,
        undefined,
        readCaps.changes,
      );
      if (!result.ok) return failed(result);
      if (result.answer.status < 200 || result.answer.status >= 300) return classify(result.answer, base);
      const read = readSuccess(result.answer, [200], changesPage, (page) =>
        page.changes.length > take
          ? `halaman berisi ${page.changes.length} perubahan, diminta paling banyak ${take}`
          : null,
      );
      return read.ok ? read.value : read.outcome;
    },
    close: () => http.close(),
  };
}
export type CentralClient = ReturnType<typeof createCentralClient>;
