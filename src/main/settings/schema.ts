/** The settings feature's tables (drizzle). Migrations in drizzle/ are generated from every feature's
 * schema.ts; FTS5 and the append-only triggers live in hand-written migrations beside them. */
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { complaintTypes } from '../../shared/domain/complaint';
import { timestamps } from '../platform/schema-columns';

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

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Time limits that differ per complaint type, or change from a day on: append-only, each row in
 * force from `effective_from` (WIB) for its type (null: every type). A record takes the limits in
 * force on the day it was received, so deadlines already computed never move with a later change
 * and reports judge each record against the limit that applied to it.
 */
export const deadlineRules = sqliteTable('deadline_rules', {
  id: text('id').primaryKey(),
  complaintType: text('complaint_type', { enum: complaintTypes }),
  verifyWorkingDays: integer('verify_working_days').notNull(),
  followUpWorkingDays: integer('follow_up_working_days').notNull(),
  answerCalendarDays: integer('answer_calendar_days').notNull(),
  effectiveFrom: text('effective_from').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});
