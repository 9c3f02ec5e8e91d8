/** The audit trail: who did what to which record, reads of personal data included. Append-only. */
import { desc, eq, lt } from 'drizzle-orm';
import type { CoreContext } from '../platform/context';
import { accounts } from '../accounts';
import { auditLog } from './schema';

export function createAudit({ db, clock }: CoreContext) {
  return {
    record(actorId: string | null, action: string, target: string | null = null, detail?: unknown): void {
      db.insert(auditLog)
        .values({
          at: clock().toISOString(),
          actorId,
          action,
          target,
          detail: detail === undefined ? null : JSON.stringify(detail),
        })
        .run();
    },

    list(limit: number, beforeId?: number) {
      return db
        .select({
          id: auditLog.id,
          at: auditLog.at,
          actorName: accounts.name,
          action: auditLog.action,
          target: auditLog.target,
          detail: auditLog.detail,
        })
        .from(auditLog)
        .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
        .where(beforeId ? lt(auditLog.id, beforeId) : undefined)
        .orderBy(desc(auditLog.id))
        .limit(limit)
        .all();
    },
  };
}
export type Audit = ReturnType<typeof createAudit>;
