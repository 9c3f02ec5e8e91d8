/**
 * The half-typed intake form, kept per account in main (encrypted: it may hold a NIK or phone),
 * so a reload, a renderer crash or an accidental close brings it back.
 */
import { eq } from 'drizzle-orm';
import type { CoreContext } from '../platform/context';
import { drafts } from './schema';

export function createDrafts({ db, cipher, clock }: CoreContext) {
  return {
    get(accountId: string) {
      const row = db.select().from(drafts).where(eq(drafts.accountId, accountId)).get();
      if (!row) return null;
      return {
        data: JSON.parse(cipher.decrypt('draft', row.dataEnc)) as Record<string, unknown>,
        updatedAt: row.updatedAt,
      };
    },
    save(accountId: string, data: Record<string, unknown>) {
      const at = clock().toISOString();
      const dataEnc = cipher.encrypt('draft', JSON.stringify(data));
      db.insert(drafts)
        .values({ accountId, dataEnc, updatedAt: at })
        .onConflictDoUpdate({ target: drafts.accountId, set: { dataEnc, updatedAt: at } })
        .run();
    },
    clear(accountId: string) {
      db.delete(drafts).where(eq(drafts.accountId, accountId)).run();
    },
  };
}
export type Drafts = ReturnType<typeof createDrafts>;
