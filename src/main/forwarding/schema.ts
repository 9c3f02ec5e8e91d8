/** The forwarding feature's tables (drizzle). Migrations in drizzle/ are generated from every feature's
 * schema.ts; FTS5 and the append-only triggers live in hand-written migrations beside them. */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The transactional outbox: what must reach the central server, written in the same transaction
 * as the record it carries. Sent in id order per complaint (the complaint before its events).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The lane: a complaint's id, or `register:<day>` for a closed day's register. */
    complaintId: text('complaint_id').notNull(),
    /** 'attachment': a file's bytes (its body names the SHA-256), before the complaint or event naming it. */
    kind: text('kind', { enum: ['complaint', 'event', 'register', 'attachment'] }).notNull(),
    /** The complaint's or the event's UUID: the server's idempotency key. */
    refId: text('ref_id').notNull(),
    /**
     * The body as recorded, frozen, so a retry sends the same content under the same id; kept after
     * delivery so a supervisor can send it again. Sealed (v1.…) when it holds personal data (every
     * complaint, a correction of personal fields); other events are plain JSON, as in complaint_events.
     */
    payloadEnc: text('payload_enc'),
    state: text('state', { enum: ['pending', 'parked', 'sent'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Answers that did not fit the contract in a row; at the limit the record is parked. */
    invalidAnswers: integer('invalid_answers').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    lastStatus: integer('last_status'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_ref').on(t.refId),
    index('outbox_complaint').on(t.complaintId, t.id),
    index('outbox_ready')
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.state} = 'pending'`),
    // What is not sent yet, by complaint: the status counts and the held-behind-parked check stay
    // small however many records were delivered.
    index('outbox_unsent')
      .on(t.state, t.complaintId, t.id)
      .where(sql`${t.state} <> 'sent'`),
  ],
);

/** Forwarding state that must survive a restart: pull cursor, pause, last success. */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/** Central changes already applied, so replaying one changes nothing. */
export const appliedChanges = sqliteTable('applied_changes', {
  changeId: text('change_id').primaryKey(),
  appliedAt: text('applied_at').notNull(),
});
