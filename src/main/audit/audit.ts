/** The audit trail: who did what to which record, reads of personal data included. Append-only. */
import { desc, eq, lt } from 'drizzle-orm';
import { auditRowText, genesis, linkHash } from '../platform/chain';
import type { CoreContext } from '../platform/context';
import { accounts } from '../accounts';
import { auditLog } from './schema';

export function createAudit({ db, sqlite, clock }: CoreContext) {
  // The newest row, and the seal the chain starts from when every row so far predates the chain.
  const last = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const seal = sqlite.prepare("SELECT hash FROM chain_seals WHERE kind = 'audit'").pluck();
  const insert = sqlite.prepare(
    'INSERT INTO audit_log (id, at, actor_id, action, target, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    /** Appends one row, linked into the hash chain (read and written in one transaction). */
    record(actorId: string | null, action: string, target: string | null = null, detail?: unknown): void {
      sqlite.transaction(() => {
        const newest = last.get() as { id: number; hash: string | null } | undefined;
        const prev = newest?.hash ?? (seal.get() as string | undefined) ?? genesis;
        const row = {
          id: (newest?.id ?? 0) + 1,
          at: clock().toISOString(),
          actorId,
          action,
          target,
          detail: detail === undefined ? null : JSON.stringify(detail),
        };
        const hash = linkHash(prev, 'audit', auditRowText(row));
        insert.run(row.id, row.at, row.actorId, row.action, row.target, row.detail, hash);
      })();
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
