/**
 * Small pieces of the forwarding worker: one run at a time; its failures (a bug or a full disk on this
 * desk, never the server's answer, which the client turns into outcomes), logged and kept for the
 * forwarding screen until the same kind of work succeeds; the time of the last delivery; the client.
 */
import { inBackground, type Log } from '../platform/log';
import { createCentralClient, type CentralClient } from './client';
import type { ProxyResolver } from './http';
import type { SyncState } from './state';

/** One run at a time: a call while one runs gets that run's promise. */
export function once<T>(run: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  return () => {
    if (current) return current;
    const started = run();
    current = started;
    const clear = () => {
      if (current === started) current = null;
    };
    started.then(clear, clear);
    return started;
  };
}

/**
 * Doubt about the server after a request failed on its connection: until the health check has
 * answered, no lane takes more work. Without it an unreachable server with 36,000 records waiting
 * was sent all 36,000, one refused connection each, with the desk's thread busy recording them.
 */
export function createDoubt(
  background: (task: string, work: () => Promise<unknown>) => void,
  check: () => Promise<void>,
) {
  let doubted = false;
  return {
    raise(): void {
      if (doubted) return;
      doubted = true;
      background('probe', async () => {
        try {
          await check();
        } finally {
          doubted = false;
        }
      });
    },
    active: () => doubted,
  };
}

export interface WorkerError {
  at: string;
  task: string;
  message: string;
}

export function createWorkerFailures(log: Log, clock: () => Date) {
  let last: WorkerError | null = null;
  const remember = (task: string, error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    last = { at: clock().toISOString(), task, message: text.slice(0, 300) };
  };
  return {
    /** Runs work nobody awaits; a failure is logged and kept, a success clears one of its task. */
    background(task: string, work: () => Promise<unknown>): void {
      inBackground(
        log,
        `forwarding.${task}`,
        async () => {
          await work();
          if (last?.task === task) last = null;
        },
        (error) => remember(task, error),
      );
    },
    /** A failure caught elsewhere (a sending lane, a batch of outcomes that could not be written). */
    report(task: string, error: unknown): void {
      log.error(`forwarding.${task}.failed`, error);
      remember(task, error);
    },
    /** That kind of work succeeded again. */
    cleared(task: string): void {
      if (last?.task === task) last = null;
    },
    current: (): WorkerError | null => last,
  };
}

/**
 * The time of the last delivery: kept in memory as wall-clock ms (formatting a date per delivery is
 * waste) and saved at most once a second, reported on the desk's clock.
 */
export function createLastSuccess(state: SyncState, clock: () => Date) {
  const saved = state.get<string>('lastSuccessAt');
  let savedAt = 0;
  let lastMs = 0;
  const at = () => (lastMs ? new Date(clock().getTime() - (Date.now() - lastMs)).toISOString() : saved);
  return {
    at,
    note(): void {
      const now = Date.now();
      lastMs = now;
      if (now - savedAt > 1000) {
        savedAt = now;
        state.set('lastSuccessAt', at());
      }
    },
    /** Saves what is only in memory (stopping). */
    save(): void {
      if (lastMs) state.set('lastSuccessAt', at());
    },
  };
}

/**
 * The central client and what it was made from: rebuilt only when the settings change, so no key
 * string is built per request; the old client (and its pooled connections) is closed.
 */
export function createClientCache(
  make: () => { url: string; token: string; deskCode: string; caCertificate: string | null } | null,
  options: { timeoutMs: number; proxyFor?: ProxyResolver | undefined },
  closeLater: (client: CentralClient) => void,
) {
  let client: CentralClient | null = null;
  let stale = true;
  let made: ReturnType<typeof make> = null;
  const drop = () => {
    if (client) closeLater(client);
    client = null;
  };
  return {
    get(): CentralClient | null {
      if (stale) {
        drop();
        made = make();
        // Not usable yet (no URL or token, the desk not set up): asked again next time.
        stale = made === null;
      }
      if (!made) return null;
      client ??= createCentralClient({ ...made, timeoutMs: options.timeoutMs, proxyFor: options.proxyFor });
      return client;
    },
    /** The settings changed, or the PC woke from sleep: the next use builds a new client. */
    invalidate(): void {
      stale = true;
      drop();
    },
  };
}
