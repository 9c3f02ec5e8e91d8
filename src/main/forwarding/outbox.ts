/**
 * Writing to the outbox, always inside the caller's transaction: a complaint and its outbox row
 * commit together or not at all, so nothing saved can be forgotten and nothing unsaved is sent.
 * The body is frozen here, from the values in hand, and sealed (it holds personal data).
 */
import type { Statement } from 'better-sqlite3';
import type { CoreContext } from '../platform/context';
import type { DeskIdentity } from '../settings/settings';
import type { ComplaintRecord } from './central-contract';
import { createRecords, type EventValues, type PersonalChanges } from './records';

export function createOutbox(ctx: CoreContext, identity: DeskIdentity) {
  const { sqlite, cipher, clock } = ctx;
  const records = createRecords(ctx, identity);
  let insert: Statement | null = null;
  const statement = () =>
    (insert ??= sqlite.prepare(
      `INSERT INTO outbox (complaint_id, kind, ref_id, payload_enc, state, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT(ref_id) DO NOTHING`,
    ));
  const listeners = new Set<() => void>();

  return {
    records,
    /** Call inside the transaction that saves the complaint. */
    addComplaint(record: ComplaintRecord) {
      const at = clock().toISOString();
      statement().run(
        record.id,
        'complaint',
        record.id,
        cipher.encrypt('outbox', JSON.stringify(record)),
        at,
        at,
      );
    },
    /**
     * Call inside the transaction that writes the event, with the values written. Events that stay on
     * the desk (who looked at personal data is the desk's own audit) are not queued.
     */
    addEvent(values: EventValues, personal?: PersonalChanges) {
      const record = records.event(values, personal);
      if (!record) return;
      const at = clock().toISOString();
      // Sealed when it carries personal values (a correction of NIK, phone, email, address); other
      // events hold nothing complaint_events does not already hold in the clear.
      const json = JSON.stringify(record);
      const body = personal && Object.keys(personal).length ? cipher.encrypt('outbox', json) : json;
      statement().run(values.complaintId, 'event', values.id, body, at, at);
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
