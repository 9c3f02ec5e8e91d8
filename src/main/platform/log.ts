/**
 * The desk's log: one JSON line per event (pino) in `<data folder>/logs/desk.log`, rotated daily and
 * at 5 MB, 14 files kept, readable by the Windows account only. For the people who support the desk:
 * what failed, where, and when, never whose complaint. Personal data must not reach it: fields with
 * personal names are dropped, and every string is scrubbed of NIK-, phone- and email-shaped text
 * before it is written, whatever the caller passed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { createStream } from 'rotating-file-stream';

export type LogFields = Record<string, unknown>;

export interface Log {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, error?: unknown, fields?: LogFields): void;
  /** Writes what is buffered (before the process exits). */
  flush(): void;
  /** Closes the file (the desk is closing); settles once what was written is on disk. */
  close(): Promise<void>;
}

/** Keys whose values are personal data or secrets: never written. */
const secretKeys = new Set([
  'nik',
  'phone',
  'email',
  'address',
  'complainantName',
  'name',
  'secret',
  'token',
  'password',
  'input',
  'body',
  'authorization',
]);

/** NIK (16 digits), phone numbers (9+ digits with separators), e-mail addresses. */
const personalText = [
  /(?<![\w-])\d{4}[ .-]?\d{4}[ .-]?\d{4}[ .-]?\d{4}\b/g,
  // Not inside a UUID or another hex/number run (a dash or hex digit before the 0).
  /(?:\+62|(?<![\w-])0)[\d ().-]{8,16}\d/g,
  /[^\s@<>"']+@[^\s@<>"']+\.[a-z]{2,}/gi,
];

export function scrub(text: string): string {
  let out = text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
  for (const pattern of personalText) out = out.replace(pattern, '[disamarkan]');
  return out;
}

function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value instanceof Error) return errorFields(value);
  if (Array.isArray(value)) return depth > 3 ? '[…]' : value.slice(0, 20).map((v) => clean(v, depth + 1));
  if (value && typeof value === 'object') {
    if (depth > 3) return '[…]';
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).slice(0, 40))
      out[k] = secretKeys.has(k) ? '[disamarkan]' : clean(v, depth + 1);
    return out;
  }
  return value;
}

function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: clean(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    error: {
      type: error.name,
      message: scrub(error.message),
      ...(typeof code === 'string' ? { code } : {}),
      stack: error.stack ? scrub(error.stack.split('\n').slice(0, 12).join('\n')) : undefined,
    },
  };
}

function wrap(logger: Logger, close: () => Promise<void> = async () => undefined): Log {
  // A line after the close (background work still ending as the desk quits) has nowhere to go:
  // written to the ended stream, it would be an unhandled 'error' event that ends the process.
  let closed = false;
  return {
    info: (event, fields) => {
      if (!closed) logger.info({ event, ...(clean(fields ?? {}) as LogFields) });
    },
    warn: (event, fields) => {
      if (!closed) logger.warn({ event, ...(clean(fields ?? {}) as LogFields) });
    },
    error: (event, error, fields) => {
      if (!closed) logger.error({ event, ...(clean(fields ?? {}) as LogFields), ...errorFields(error) });
    },
    flush: () => {
      if (!closed) logger.flush();
    },
    close: () => {
      closed = true;
      return close();
    },
  };
}

/** The log in a data folder (created owner-only); `null` folder: a log that writes nothing. */
export function createLog(dataDir: string | null, options: { level?: string } = {}): Log {
  if (!dataDir) return wrap(pino({ enabled: false }));
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stream = createStream('desk.log', {
    path: dir,
    size: '5M',
    interval: '1d',
    maxFiles: 14,
    mode: 0o600,
  });
  return wrap(
    pino(
      {
        level: options.level ?? 'info',
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      stream,
    ),
    () => new Promise<void>((done) => stream.end(done)),
  );
}

/**
 * Background work (a timer, a wake-up, a print job) that nobody awaits: a failure is logged with
 * the task's name and handed to `onFailure` (shown on screen), never lost as an unhandled rejection.
 */
export function inBackground(
  log: Log,
  task: string,
  work: () => Promise<unknown>,
  onFailure?: (error: unknown) => void,
): void {
  void work().catch((error: unknown) => {
    log.error('background.failed', error, { task });
    try {
      onFailure?.(error);
    } catch (inner) {
      log.error('background.onFailure.failed', inner, { task });
    }
  });
}
