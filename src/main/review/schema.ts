/** The review feature's tables (drizzle). Migrations in drizzle/ are generated from every feature's
 * schema.ts; the append-only triggers of the registers live in a hand-written part beside them. */

import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts } from '../accounts';
import { complaintTable } from '../complaints';

/**
 * Where each record stands in the supervisor's review, now. The history (TINJAU, VERIFY,
 * KEMBALIKAN, KOREKSI events) says how it got there; this row is kept beside it in the same
 * transaction so the officer's Beranda and the day review read one indexed row.
 */
export const complaintReviews = sqliteTable(
  'complaint_reviews',
  {
    complaintId: text('complaint_id')
      .primaryKey()
      .references(() => complaintTable.id),
    state: text('state', { enum: ['open', 'reviewed', 'verified', 'returned', 'corrected'] }).notNull(),
    byId: text('by_id').references(() => accounts.id),
    at: text('at').notNull(),
    note: text('note'),
    /** The officer a returned record waits on. */
    returnedTo: text('returned_to').references(() => accounts.id),
  },
  (t) => [index('complaint_reviews_returned').on(t.state, t.returnedTo)],
);

/**
 * The daily registers (buku register pengaduan harian): append-only. `content` is the canonical
 * JSON of the register as closed and `digest` its SHA-256, printed on it; a reprint renders the
 * same content, so it carries the same digest.
 */
export const dayRegisters = sqliteTable(
  'day_registers',
  {
    id: text('id').primaryKey(),
    day: text('day').notNull(),
    closedAt: text('closed_at').notNull(),
    closedBy: text('closed_by')
      .notNull()
      .references(() => accounts.id),
    reason: text('reason'),
    entries: integer('entries').notNull(),
    content: text('content').notNull(),
    digest: text('digest').notNull(),
  },
  (t) => [uniqueIndex('day_registers_day').on(t.day)],
);

/** Which register each record is on (once): records saved after their day closed go on the next. */
export const registerEntries = sqliteTable(
  'register_entries',
  {
    complaintId: text('complaint_id')
      .primaryKey()
      .references(() => complaintTable.id),
    registerId: text('register_id')
      .notNull()
      .references(() => dayRegisters.id),
  },
  (t) => [index('register_entries_register').on(t.registerId)],
);
