/**
 * Writing to the outbox, always inside the caller's transaction: a record and its outbox row commit
 * together or not at all. The body arrives frozen (JSON text, built from the values in hand by the
 * complaint's history writer) and is sealed here when it holds personal data.
 */
import type { Statement } from 'better-sqlite3';
import type { CoreContext } from '../platform/context';

/** A closed day's register travels in its own lane, beside the complaints': `register:<day>`. */
export const registerLane = 'register:';

/**
 * The send time of a message that waits behind an earlier one of its complaint (not sent yet, in
 * backoff or parked): beyond any date. Only a complaint's first unsent message is ever due, so the
 * sender's scan of due messages (ordered by send time) never walks the ones waiting behind it, and a
 * pass costs what can go, not the backlog (13,400 events held behind parked records cost ~300 ms a
 * pass at 1M before). The store makes the next one due when the first is delivered or sent again.
 */
export const heldAt = '9999-12-31T23:59:59.999Z';

export function createOutbox(ctx: CoreContext) {
  const { sqlite, cipher, clock } = ctx;
  let insert: Statement | null = null;
  const statement = () =>
    (insert ??= sqlite.prepare(
      `INSERT INTO outbox (complaint_id, kind, ref_id, payload_enc, state, next_attempt_at, created_at)
       VALUES (@complaintId, @kind, @refId, @payload, 'pending',
         CASE WHEN EXISTS (SELECT 1 FROM outbox WHERE complaint_id = @complaintId AND state <> 'sent')
           THEN '${heldAt}' ELSE @at END,
         @at) ON CONFLICT(ref_id) DO NOTHING`,
    ));
  const listeners = new Set<() => void>();

  return {
    /** Call inside the transaction that writes the record. */
    enqueue(
      complaintId: string,
      kind: 'complaint' | 'event' | 'register' | 'attachment',
      refId: string,
      json: string,
      seal: boolean,
    ) {
      const at = clock().toISOString();
      const payload = seal ? cipher.encrypt('outbox', json) : json;
      statement().run({ complaintId, kind, refId, payload, at });
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
    /**
     * A file erased before it went (its record's personal data purged): its upload and the LAMPIRAN
     * event naming it are done with, unsent, and the record's next message is due. Inside the purge's
     * transaction; the central server never hears of the file.
     */
    skipFile(complaintId: string, attachmentId: string): number {
      const at = clock().toISOString();
      const skipped = sqlite
        .prepare(
          `UPDATE outbox SET state = 'sent', sent_at = @at, last_error = 'Berkas dimusnahkan sebelum terkirim.'
           WHERE complaint_id = @complaintId AND state <> 'sent' AND ((kind = 'attachment' AND ref_id = @attachmentId)
             OR (kind = 'event' AND payload_enc LIKE '{%' AND json_extract(payload_enc, '$.kind') = 'LAMPIRAN'
               AND json_extract(payload_enc, '$.data.attachmentId') = @attachmentId))`,
        )
        .run({ at, complaintId, attachmentId }).changes;
      if (skipped)
        sqlite
          .prepare(
            `UPDATE outbox SET next_attempt_at = @at WHERE state = 'pending' AND next_attempt_at = '${heldAt}'
               AND id = (SELECT min(id) FROM outbox WHERE complaint_id = @complaintId AND state <> 'sent')`,
          )
          .run({ at, complaintId });
      return skipped;
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
