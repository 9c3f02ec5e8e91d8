/** The privacy feature's table: legal holds that keep a record's personal data from being erased. */
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { complaintTable } from '../complaints';

/**
 * A record under a legal hold (an investigation, a court case, an Ombudsman examination): its
 * personal data is neither purged by retention nor erased on request until the hold is lifted.
 */
export const legalHolds = sqliteTable('legal_holds', {
  complaintId: text('complaint_id')
    .primaryKey()
    .references(() => complaintTable.id),
  reason: text('reason').notNull(),
  setBy: text('set_by').notNull(),
  setAt: text('set_at').notNull(),
});
