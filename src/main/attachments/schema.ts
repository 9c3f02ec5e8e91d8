/**
 * The attachments feature's tables: each attachment of a record, and the content it points at.
 * Content is addressed by its SHA-256 (two records with the same photo share one copy), encrypted
 * like the personal fields (a photo of a KTP is personal data), and kept apart from the complaints
 * table so that a query over complaints never reads a photo. It lives in the desk's database, so a
 * backup and a restore carry it, and an attachment and its history event are saved in one commit.
 */
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from '../accounts';
import { complaintTable } from '../complaints';

export const attachmentContents = sqliteTable('attachment_contents', {
  /** SHA-256 (hex) of the content as stored: the re-encoded image, or the PDF as given. */
  sha256: text('sha256').primaryKey(),
  mime: text('mime').notNull(),
  bytes: integer('bytes').notNull(),
  width: integer('width'),
  height: integer('height'),
  /** AES-256-GCM: nonce, ciphertext, tag; the address is the associated data. */
  contentEnc: blob('content_enc', { mode: 'buffer' }).notNull(),
  /** The thumbnail (WebP, at most 240 px), encrypted the same way; null for a PDF. */
  thumbEnc: blob('thumb_enc', { mode: 'buffer' }),
  createdAt: text('created_at').notNull(),
});

export const attachments = sqliteTable(
  'attachments',
  {
    /** UUIDv7 made on the desk. */
    id: text('id').primaryKey(),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaintTable.id),
    /** The content's address; its row is removed when no attachment still shows it. */
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    /** The file's name as it came, encrypted (a name like KTP_Budi.jpg is personal). */
    nameEnc: text('name_enc').notNull(),
    /** Holds personal data (an ID card, say): masked where personal data is masked. */
    personal: integer('personal', { mode: 'boolean' }).notNull(),
    /** The photo's location (EXIF GPS) kept as evidence, on the officer's word. */
    keepsLocation: integer('keeps_location', { mode: 'boolean' }).notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by')
      .notNull()
      .references(() => accounts.id),
    removedAt: text('removed_at'),
    removedBy: text('removed_by').references(() => accounts.id),
    /** When the content went with the record's personal data (retention, or the person's request). */
    purgedAt: text('purged_at'),
  },
  (t) => [
    index('attachments_complaint').on(t.complaintId, t.addedAt),
    index('attachments_content').on(t.sha256),
  ],
);
