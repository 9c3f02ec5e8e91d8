/**
 * Writing to the outbox, always inside the caller's transaction: a record and its outbox row commit
 * together or not at all. The body arrives frozen (JSON text, built from the values in hand by the
 * complaint's history writer) and is sealed here when it holds personal data.
 */
import type { Statement } from 'better-sqlite3';
import type { CoreContext } from '../platform/context';

/** A closed day's register travels in its own lane, beside the complaints': `register:<day>`. */
export const registerLane = 'register:';

export function createOutbox(ctx: CoreContext) {
  const { sqlite, cipher, clock } = ctx;
  let insert: Statement | null = null;
  const statement = () =>
    (insert ??= sqlite.prepare(
      `INSERT INTO outbox (complaint_id, kind, ref_id, payload_enc, state, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT(ref_id) DO NOTHING`,
    ));
  const listeners = new Set<() => void>();

  return {
    /** Call inside the transaction that writes the record. */
    enqueue(
      complaintId: string,
      kind: 'complaint' | 'event' | 'register',
      refId: string,
      json: string,
      seal: boolean,
    ) {
      const at = clock().toISOString();
      statement().run(complaintId, kind, refId, seal ? cipher.encrypt('outbox', json) : json, at, at);
    },
    /**
     * Drops the sealed bodies (they hold personal data) of a complaint's delivered messages, once its
     * personal data is purged; a later "send again" builds the body from the record as it now stands.
     * Call inside the purge's transaction. Undelivered messages are kept: they still have to go.
     */
    forgetSealed(complaintId: string): number {
      return sqlite
        .prepare(
          "UPDATE outbox SET payload_enc = NULL WHERE complaint_id = ? AND state = 'sent' AND payload_enc IS NOT NULL AND payload_enc NOT LIKE '{%'",
        )
        .run(complaintId).changes;
    },
    /** After the commit: wake the sender. */
    notify() {
      for (const l of listeners) l();
    },
    onAdded(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
