/** The audit feature's tables (drizzle). Migrations in drizzle/ are generated from every feature's
 * schema.ts; FTS5 and the append-only triggers live in hand-written migrations beside them. */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { accounts } from '../accounts';

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
    /** Link in the hash chain (platform/chain.ts); null only on rows sealed at the chain's start. */
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_unchained')
      .on(t.id)
      .where(sql`${t.hash} IS NULL`),
  ],
);
