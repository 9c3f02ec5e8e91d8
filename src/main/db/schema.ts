/**
 * The desk's SQLite schema (drizzle). Migrations in drizzle/ are generated from this file;
 * FTS5 and the append-only triggers live in a hand-written migration next to them.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

/** One row: this counter PC's identity. */
export const desk = sqliteTable(
  'desk',
  {
    id: integer('id').primaryKey(),
    code: text('code').notNull(),
    siteName: text('site_name').notNull(),
    ...timestamps,
  },
  (t) => [check('desk_single_row', sql`${t.id} = 1`)],
);

export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** lower-cased name for case-insensitive sign-in and uniqueness */
    nameKey: text('name_key').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['officer', 'supervisor', 'admin'] }).notNull(),
    /** scrypt$N$r$p$salt$hash, never the secret itself */
    secretHash: text('secret_hash').notNull(),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: text('locked_until'),
    ...timestamps,
  },
  (t) => [uniqueIndex('accounts_name_key').on(t.nameKey)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const regions = sqliteTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['kabupaten', 'kecamatan', 'desa', 'kelurahan'] }).notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [index('regions_parent').on(t.parentCode)],
);

export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => categories.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /**
     * The stable code the central server knows the category by (its name as a code, a subcategory's
     * prefixed with its parent's). Given once and kept when the category is renamed.
     */
    code: text('code'),
  },
  // Unique (parent, name) with NULL parents is an expression index: see drizzle/0001_search_and_history.sql.
  (t) => [uniqueIndex('categories_code').on(t.code)],
);

export const agencies = sqliteTable('agencies', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['opd', 'tenant_mpp', 'kecamatan', 'lainnya'] }).notNull(),
  note: text('note'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const channels = sqliteTable('channels', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const holidays = sqliteTable('holidays', {
  date: text('date').primaryKey(),
  kind: text('kind', { enum: ['libur_nasional', 'cuti_bersama'] }).notNull(),
  description: text('description').notNull(),
  basis: text('basis'),
});

/** Daily receipt sequence, per WIB day; bumped inside the save transaction. */
export const receiptSequences = sqliteTable('receipt_sequences', {
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
});

export const complaints = sqliteTable(
  'complaints',
  {
    /** UUIDv7 made on the desk: safe offline, sortable by time. */
    id: text('id').primaryKey(),
    receiptNumber: text('receipt_number').notNull(),
    type: text('type', { enum: ['PENGADUAN', 'ASPIRASI', 'PERMINTAAN_INFORMASI'] }).notNull(),
    channel: text('channel')
      .notNull()
      .references(() => channels.code),
    title: text('title').notNull(),
    body: text('body').notNull(),
    incidentDate: text('incident_date'),
    kecamatanCode: text('kecamatan_code').references(() => regions.code),
    desaCode: text('desa_code').references(() => regions.code),
    locationDetail: text('location_detail'),
    categoryId: integer('category_id').references(() => categories.id),
    subcategoryId: integer('subcategory_id').references(() => categories.id),
    agencyCode: text('agency_code')
      .notNull()
      .references(() => agencies.code),
    supervisory: integer('supervisory', { mode: 'boolean' }).notNull(),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull(),
    confidential: integer('confidential', { mode: 'boolean' }).notNull(),
    complainantName: text('complainant_name'),
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
    index('complaints_day').on(t.receivedDay),
    index('complaints_status').on(t.status, t.receivedAt, t.seq),
    index('complaints_agency').on(t.agencyCode, t.receivedAt, t.seq),
    index('complaints_phone').on(t.phoneBidx),
    index('complaints_nik').on(t.nikBidx),
  ],
);

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
  },
  (t) => [index('complaint_events_complaint').on(t.complaintId, t.at)],
);

/** Append-only audit trail of what people did, reads of personal data included. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: text('actor_id').references(() => accounts.id),
    action: text('action').notNull(),
    target: text('target'),
    detail: text('detail'),
  },
  (t) => [index('audit_log_at').on(t.at)],
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

/** Receipt printers of this counter; one is the default. Configured by an admin. */
export const printers = sqliteTable('printers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['escpos-tcp', 'escpos-device', 'system', 'pdf'] }).notNull(),
  /** host:port, a device path, a system printer name, or a folder for PDF files */
  address: text('address').notNull(),
  paper: text('paper', { enum: ['58mm', '80mm', 'A4'] }).notNull(),
  codepageMapping: text('codepage_mapping').notNull().default('epson'),
  qrMode: text('qr_mode', { enum: ['native', 'raster'] })
    .notNull()
    .default('native'),
  timeoutMs: integer('timeout_ms').notNull().default(8000),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The transactional outbox: what must reach the central server, written in the same transaction
 * as the record it carries. Sent in id order per complaint (the complaint before its events).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    complaintId: text('complaint_id').notNull(),
    kind: text('kind', { enum: ['complaint', 'event'] }).notNull(),
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

/**
 * Which key sealed this database's personal data: a keyed check value (never the key), so a desk
 * opened with any other key refuses to start (main/platform/crypto/key-check.ts). One row.
 */
export const keyCheck = sqliteTable('key_check', {
  id: integer('id').primaryKey(),
  value: text('value').notNull(),
  createdAt: text('created_at').notNull(),
});

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
