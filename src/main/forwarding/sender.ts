/**
 * The sender: a continuous pool of lanes. Each lane takes one complaint at a time and sends its
 * messages in order (the complaint before its events); a hung request holds up its own lane only.
 * Outcomes are committed in batches (one disk sync for many deliveries); a complaint stays claimed
 * until its outcomes are committed, so nothing is sent twice by the desk itself. A crash before the
 * commit sends again after restart, which the server's idempotency absorbs.
 */
import type { CentralClient, Outcome } from './client';
import { registerLane } from './outbox';
import type { OutboxRow, Store } from './store';

export interface SenderHooks {
  /** The client to send with, or null when sending is off, unconfigured or paused. */
  client(): CentralClient | null;
  /** Called right away for every outcome (connection state, pause), before the batch commits. */
  onOutcome(row: OutboxRow, outcome: Outcome): void;
  /** A 401/403: no lane takes more work until the pause is lifted. */
  paused(): boolean;
  stopped(): boolean;
  /** A failure of the desk's own code in a lane (never the server's answer): logged and shown. */
  onError(error: unknown): void;
  /** A file's bytes by SHA-256, in the clear; null when the desk no longer holds it (erased). */
  file(sha256: string): Buffer | null;
}

/** An 'attachment' message: the file its body names, uploaded (upload.ts), or skipped when erased. */
async function sendFile(
  client: CentralClient,
  hooks: SenderHooks,
  row: OutboxRow,
  body: string,
): Promise<Outcome> {
  const { sha256 } = JSON.parse(body) as { sha256: string };
  const bytes = hooks.file(sha256);
  return bytes
    ? client.putAttachment(sha256, bytes, row.attempts === 0)
    : { kind: 'skipped', message: 'Berkas lampiran sudah dimusnahkan di meja sebelum terkirim.' };
}

/**
 * A message's frozen body, or the outcome when there is nothing to send: the record is gone from the
 * desk, or its body cannot be read (damaged, another key). Either way it waits for a person.
 */
function bodyOf(store: Store, row: OutboxRow): string | Outcome {
  try {
    return store.body(row) ?? { kind: 'park', status: 0, message: 'Data ini tidak ada lagi di meja.' };
  } catch (error) {
    const why = error instanceof Error ? error.message.slice(0, 120) : 'rusak';
    return { kind: 'park', status: 0, message: `Isi data di antrean kirim tidak dapat dibaca (${why}).` };
  }
}

export function createSender(store: Store, hooks: SenderHooks, lanes: number, flushEveryMs = 20) {
  const claimed = new Set<string>();
  let candidates: Array<{ complaintId: string; rows: OutboxRow[] }> = [];
  let active = 0;
  let idle: Promise<void> = Promise.resolve();
  let resolveIdle: (() => void) | null = null;
  let pending: Array<[OutboxRow, Outcome]> = [];
  let releasing: string[] = [];
  let flushTimer: NodeJS.Timeout | null = null;

  function flush() {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = null;
    const batch = pending;
    const done = releasing;
    pending = [];
    releasing = [];
    try {
      if (!hooks.stopped()) store.record(batch);
    } catch (error) {
      // The outcomes could not be written (a full disk, a locked file): those messages stay pending
      // and go again, which the server's idempotency absorbs. Runs from a timer: never thrown on.
      hooks.onError(error);
    } finally {
      for (const id of done) claimed.delete(id);
    }
  }

  function queueOutcome(row: OutboxRow, outcome: Outcome) {
    pending.push([row, outcome]);
    if (pending.length >= 256) flush();
    else flushTimer ??= setTimeout(flush, flushEveryMs);
  }

  function nextComplaint(): { complaintId: string; rows: OutboxRow[] } | null {
    for (let round = 0; round < 2; round++) {
      while (candidates.length) {
        const work = candidates.shift()!;
        if (!claimed.has(work.complaintId)) {
          claimed.add(work.complaintId);
          return work;
        }
      }
      if (round === 0) candidates = store.dueComplaints(lanes * 32 + claimed.size);
    }
    return null;
  }

  async function sendComplaint(
    client: CentralClient,
    { complaintId, rows }: { complaintId: string; rows: OutboxRow[] },
  ) {
    try {
      for (const row of rows) {
        if (hooks.stopped() || hooks.paused()) return;
        const body = bodyOf(store, row);
        const outcome: Outcome =
          typeof body !== 'string'
            ? body
            : row.kind === 'complaint'
              ? await client.putComplaint(row.refId, body)
              : row.kind === 'register'
                ? await client.putRegister(row.complaintId.slice(registerLane.length), row.refId, body)
                : row.kind === 'attachment'
                  ? await sendFile(client, hooks, row, body)
                  : await client.postEvent(row.complaintId, row.refId, body);
        hooks.onOutcome(row, outcome);
        queueOutcome(row, outcome);
        if (outcome.kind !== 'delivered' && outcome.kind !== 'skipped') return;
      }
    } finally {
      releasing.push(complaintId);
      flushTimer ??= setTimeout(flush, flushEveryMs);
    }
  }

  async function lane() {
    try {
      for (;;) {
        if (hooks.stopped() || hooks.paused()) return;
        const client = hooks.client();
        if (!client) return;
        const work = nextComplaint();
        if (!work) return;
        await sendComplaint(client, work);
      }
    } catch (error) {
      // A bug, not a network failure (the client turns those into outcomes): this lane stops, the
      // complaint it held is released, and the failure is logged and shown.
      hooks.onError(error);
    } finally {
      active--;
      if (active === 0) {
        flush();
        resolveIdle?.();
        resolveIdle = null;
      }
    }
  }

  return {
    /**
     * Fills the pool up to its lanes. The promise settles when every lane is idle: nothing due is
     * left that a lane could take.
     */
    wake(): Promise<void> {
      if (hooks.stopped() || !hooks.client() || hooks.paused()) return active ? idle : Promise.resolve();
      candidates = [];
      if (active === 0) idle = new Promise((r) => (resolveIdle = r));
      // Counted before starting: a lane that finds no work ends at once, synchronously.
      const toStart = lanes - active;
      for (let i = 0; i < toStart; i++) {
        active++;
        void lane();
      }
      return idle;
    },
    busy: () => active > 0,
    /** Commits what is already known (used when stopping). */
    flush,
  };
}
export type Sender = ReturnType<typeof createSender>;
