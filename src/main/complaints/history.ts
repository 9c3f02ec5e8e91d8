/**
 * A complaint's history: the one writer of complaint_events. Every event is appended here, inside
 * the transaction that changes the complaint, and here the outbox rule is applied: the events the
 * central server receives are frozen into the outbox in the same transaction (sealed when they carry
 * personal values), so nothing saved is forgotten and nothing unsaved is sent.
 */
import type { ComplaintRecord } from '../forwarding';
import type { Outbox } from '../forwarding';
import { complaintEvents } from './schema';
import { eventRowText, genesis, linkHash } from '../platform/chain';
import type { CoreContext } from '../platform/context';
import { preparedInsert } from '../platform/prepared-insert';
import type { CentralRecords, EventValues, PersonalChanges } from './central-record';

export function createHistory(ctx: CoreContext, records: CentralRecords, outbox: Outbox) {
  const { sqlite } = ctx;
  const last = sqlite.prepare(
    'SELECT chain_seq AS seq, hash FROM complaint_events WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1',
  );
  const seal = sqlite.prepare("SELECT hash FROM chain_seals WHERE kind = 'event'").pluck();
  const insertEvent = preparedInsert(sqlite, complaintEvents);
  /** The event with its place and link in the hash chain (platform/chain.ts). */
  function linked(event: EventValues) {
    const newest = last.get() as { seq: number; hash: string } | undefined;
    const prev = newest?.hash ?? (seal.get() as string | undefined) ?? genesis;
    const row = {
      chainSeq: (newest?.seq ?? 0) + 1,
      id: event.id,
      complaintId: event.complaintId,
      kind: event.kind,
      at: event.at,
      actorId: event.actorId ?? null,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      reason: event.reason ?? null,
      // As drizzle stores a json column: JSON text, or null.
      data: event.data == null ? null : JSON.stringify(event.data),
    };
    return { ...row, data: event.data ?? null, hash: linkHash(prev, 'event', eventRowText(row)) };
  }
  return {
    /** Call inside the caller's transaction. */
    append(event: EventValues, personal?: PersonalChanges): void {
      insertEvent(linked(event));
      const record = records.event(event, personal);
      if (!record) return;
      // Sealed when it carries personal values (a correction of NIK, phone, email, address); other
      // events hold nothing complaint_events does not already hold in the clear.
      const sealed = personal !== undefined && Object.keys(personal).length > 0;
      outbox.enqueue(event.complaintId, 'event', event.id, JSON.stringify(record), sealed);
    },
    /** A new complaint, inside its saving transaction: its record as saved, then its first event. */
    received(record: ComplaintRecord, event: EventValues): void {
      outbox.enqueue(record.id, 'complaint', record.id, JSON.stringify(record), true);
      this.append(event);
    },
    /** After the commit: wake the sender. */
    committed: () => outbox.notify(),
  };
}
export type History = ReturnType<typeof createHistory>;
