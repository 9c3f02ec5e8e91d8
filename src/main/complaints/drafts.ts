/**
 * The half-typed intake form, kept per account in main (encrypted: it may hold a NIK or phone),
 * so a reload, a renderer crash or an accidental close brings it back.
 */
import { eq, lt } from 'drizzle-orm';
import { normalizeNik } from '../../shared/domain/nik';
import { normalizePhone } from '../../shared/domain/phone';
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
    /** Drafts nobody touched since `before` (an ISO instant) are deleted: a form left half-typed. */
    purgeOlderThan(before: string): number {
      return db.delete(drafts).where(lt(drafts.updatedAt, before)).run().changes;
    },
    /** Deletes every draft that holds this NIK or phone (a person's erasure request). */
    eraseHolding(person: { nik?: string | undefined; phone?: string | undefined }): number {
      const nik = person.nik ? normalizeNik(person.nik) : null;
      const phone = person.phone ? normalizePhone(person.phone) : null;
      let n = 0;
      for (const row of db.select().from(drafts).all()) {
        let data: Record<string, unknown>;
        try {
          data = JSON.parse(cipher.decrypt('draft', row.dataEnc)) as Record<string, unknown>;
        } catch {
          continue;
        }
        const holds =
          (nik && typeof data.nik === 'string' && normalizeNik(data.nik) === nik) ||
          (phone && typeof data.phone === 'string' && normalizePhone(data.phone) === phone);
        if (holds) n += db.delete(drafts).where(eq(drafts.accountId, row.accountId)).run().changes;
      }
      return n;
    },
  };
}
export type Drafts = ReturnType<typeof createDrafts>;
