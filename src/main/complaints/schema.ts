/** The complaints feature's tables (drizzle). Migrations in drizzle/ are generated from every feature's
 * schema.ts; FTS5 and the append-only triggers live in hand-written migrations beside them. */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { complaintTypes } from '../../shared/domain/complaint';
import { contentColumnsWith } from './content-columns';
import { timestamps } from '../platform/schema-columns';
import { accounts } from '../accounts';
import { agencies, categories, channels, regions } from '../reference';

/** Daily receipt sequence, per WIB day; bumped inside the save transaction. */
export const receiptSequences = sqliteTable('receipt_sequences', {
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * After a restore, the days from the backup's day on number from a floor above anything the lost
 * hours could have issued (generation x 10000): a receipt number given to a citizen between the
 * backup and the failure is never given again. One row per restore; append-only.
 */
export const receiptSequenceFloors = sqliteTable('receipt_sequence_floors', {
  generation: integer('generation').primaryKey(),
  fromDay: text('from_day').notNull(),
  floor: integer('floor').notNull(),
  restoredAt: text('restored_at').notNull(),
  backupTakenAt: text('backup_taken_at').notNull(),
});

/**
 * The content columns, derived from the content definition (shared/contract/complaint-fields.ts):
 * each field's column is named in snake case and typed by its kind (raw: required text; optional
 * and date: text or null; id: integer or null; flag: a required boolean). Written out here only
 * where a column needs more: an enum, or a foreign key to reference data.
 */
const contentColumns = contentColumnsWith({
  type: text('type', { enum: complaintTypes }).notNull(),
  channel: text('channel')
    .notNull()
    .references(() => channels.code),
  kecamatanCode: text('kecamatan_code').references(() => regions.code),
  desaCode: text('desa_code').references(() => regions.code),
  categoryId: integer('category_id').references(() => categories.id),
  subcategoryId: integer('subcategory_id').references(() => categories.id),
});

export const complaints = sqliteTable(
  'complaints',
  {
    /** UUIDv7 made on the desk: safe offline, sortable by time. */
    id: text('id').primaryKey(),
    receiptNumber: text('receipt_number').notNull(),
    ...contentColumns,
    agencyCode: text('agency_code')
      .notNull()
      .references(() => agencies.code),
    /** AES-256-GCM envelopes (see main/platform/crypto); the *_bidx columns are keyed HMAC blind indexes. */
    nikEnc: text('nik_enc'),
    nikBidx: text('nik_bidx'),
    phoneEnc: text('phone_enc'),
    phoneBidx: text('phone_bidx'),
    emailEnc: text('email_enc'),
    addressEnc: text('address_enc'),
    officerId: text('officer_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status').notNull(),
    receivedAt: text('received_at').notNull(),
    /** WIB calendar day of receipt, for daily views */
    receivedDay: text('received_day').notNull(),
    verifyDue: text('verify_due').notNull(),
    followUpDue: text('follow_up_due').notNull(),
    answerDue: text('answer_due').notNull(),
    laporTrackingId: text('lapor_tracking_id'),
    /** Local insertion order, stable across VACUUM (unlike an implicit rowid): the FTS row key. */
    seq: integer('seq'),
    /** The deadline of the step the complaint is in now; null while postponed or closed. */
    currentDue: text('current_due'),
    /** WIB day the deadline clock was paused (Tunda); null when running. */
    pausedSince: text('paused_since'),
    /** When the personal fields were removed (retention or the person's request); null while kept. */
    personalPurgedAt: text('personal_purged_at'),
    /**
     * The record's milestones, for the periodic reports (reports/figures.ts), so that a report reads no
     * history: WIB days of the first change into a verified status, the first TERDISPOSISI, the first
     * follow-up after it and the first answer; the last status change (its day and status); and the
     * paused working days of each RESUME ("day|days;…"). A new record starts them empty (noMilestones);
     * only the trigger complaint_milestones writes them, on each history event (migration 0015).
     */
    verifiedDay: text('verified_day'),
    forwardedDay: text('forwarded_day'),
    followedUpDay: text('followed_up_day'),
    answeredDay: text('answered_day'),
    lastChangeDay: text('last_change_day'),
    lastChangeStatus: text('last_change_status'),
    pauses: text('pauses'),
    /**
     * How far the record has reached the central server: 'parked', 'waiting', 'sent', or null when
     * nothing was queued. Written only by the outbox's triggers (migration 0017), from its rows of this
     * record, so a queue page reads it from the row instead of looking through the outbox per record.
     */
    delivery: text('delivery', { enum: ['sent', 'waiting', 'parked'] }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('complaints_seq').on(t.seq),
    index('complaints_urgent')
      .on(t.currentDue, t.receivedAt, t.seq)
      .where(sql`${t.currentDue} IS NOT NULL`),
    index('complaints_officer').on(t.officerId, t.receivedAt, t.seq),
    index('complaints_channel').on(t.channel, t.receivedAt, t.seq),
    index('complaints_kecamatan').on(t.kecamatanCode, t.receivedAt, t.seq),
    index('complaints_category').on(t.categoryId, t.receivedAt, t.seq),
    uniqueIndex('complaints_receipt').on(t.receiptNumber),
    // (x, received_at, seq) serves both the filter and the queue's full ORDER BY, so no sort step.
    index('complaints_received').on(t.receivedAt, t.seq),
    // The day's records in order, and every column a periodic report counts: the report reads this
    // index alone (a covering index), never the wide rows with their bodies (reports/reports.ts).
    index('complaints_report').on(
      t.receivedDay,
      t.seq,
      t.type,
      t.channel,
      t.categoryId,
      t.subcategoryId,
      t.agencyCode,
      t.kecamatanCode,
      t.desaCode,
      t.officerId,
      t.anonymous,
      t.confidential,
      t.supervisory,
      t.verifyDue,
      t.followUpDue,
      t.answerDue,
      t.receiptNumber,
      t.id,
      t.verifiedDay,
      t.forwardedDay,
      t.followedUpDay,
      t.answeredDay,
      t.lastChangeDay,
      t.lastChangeStatus,
      t.pauses,
    ),
    index('complaints_status').on(t.status, t.receivedAt, t.seq),
    index('complaints_agency').on(t.agencyCode, t.receivedAt, t.seq),
    index('complaints_phone').on(t.phoneBidx),
    index('complaints_nik').on(t.nikBidx),
    // Cari "#1234567" (a LAPOR! tracking ID) and the "not yet in LAPOR!" view.
    index('complaints_lapor')
      .on(t.laporTrackingId)
      .where(sql`${t.laporTrackingId} IS NOT NULL`),
  ],
);

/** The milestone columns as a new record starts them: empty until its first event fills them. */
export const noMilestones = {
  verifiedDay: null,
  forwardedDay: null,
  followedUpDay: null,
  answeredDay: null,
  lastChangeDay: null,
  lastChangeStatus: null,
  pauses: null,
  delivery: null,
} as const;
export type MilestoneColumn = keyof typeof noMilestones;

/** Append-only history: a trigger refuses UPDATE and DELETE. */
export const complaintEvents = sqliteTable(
  'complaint_events',
  {
    id: text('id').primaryKey(),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    kind: text('kind').notNull(),
    at: text('at').notNull(),
    actorId: text('actor_id').references(() => accounts.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    data: text('data', { mode: 'json' }),
    /** Position and link in the hash chain (platform/chain.ts); null only on rows sealed at its start. */
    chainSeq: integer('chain_seq'),
    hash: text('hash'),
  },
  (t) => [
    // A complaint's history in order, carrying what the reports read (status and kind) so that a
    // report's join never reads the event rows themselves.
    index('complaint_events_complaint').on(t.complaintId, t.at, t.id, t.toStatus, t.kind),
    uniqueIndex('complaint_events_chain').on(t.chainSeq),
    index('complaint_events_unchained')
      .on(t.id)
      .where(sql`${t.chainSeq} IS NULL`),
  ],
);

/** Canned texts an officer inserts with ::keyword; supervisors maintain them. */
export const snippets = sqliteTable('snippets', {
  keyword: text('keyword').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});

/** The half-typed intake form of each account, encrypted like personal data (it holds some). */
export const drafts = sqliteTable('drafts', {
  accountId: text('account_id')
    .primaryKey()
    .references(() => accounts.id),
  dataEnc: text('data_enc').notNull(),
  updatedAt: text('updated_at').notNull(),
});
