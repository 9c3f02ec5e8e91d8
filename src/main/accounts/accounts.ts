/** Accounts: first-run setup, sign-in with lockout, and admin management. */
import { and, eq, ne, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { AccountView } from '../../shared/contract/accounts';
import type { Role } from '../../shared/domain/roles';
import { say } from '../../shared/i18n';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { DeskFailure } from '../platform/failure';
import { accounts } from './schema';
import { desk } from '../settings';
import type { SettingsService } from '../settings';
import { decoyHash, hashSecret, verifySecret } from './passwords';

type AccountRow = typeof accounts.$inferSelect;

export function toAccountView(row: AccountRow): AccountView {
  return {
    id: row.id,
    name: row.name,
    displayName: row.displayName,
    role: row.role,
    disabled: row.disabled,
    lockedUntil: row.lockedUntil,
    createdAt: row.createdAt,
  };
}

const nameKey = (name: string) => name.normalize('NFKC').toLowerCase();

export function createAccounts(ctx: CoreContext, audit: AuditTrail, settings: SettingsService) {
  const { db, clock } = ctx;

  // Read on every API call (who is calling): prepared once.
  const byIdStatement = db
    .select()
    .from(accounts)
    .where(eq(accounts.id, sql.placeholder('id')))
    .prepare();
  const findById = (id: string): AccountRow | undefined => byIdStatement.get({ id });

  function byId(id: string): AccountRow {
    const row = findById(id);
    if (!row) throw new DeskFailure('NOT_FOUND', say('errors.NOT_FOUND'));
    return row;
  }

  function isSetUp(): boolean {
    return db.select({ id: desk.id }).from(desk).get() !== undefined;
  }

  function assertNameFree(name: string, exceptId?: string) {
    const clash = db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.nameKey, nameKey(name)), exceptId ? ne(accounts.id, exceptId) : undefined))
      .get();
    if (clash) {
      throw new DeskFailure('CONFLICT', say('errors.nameTaken', { name }), {
        name: say('errors.nameTaken', { name }),
      });
    }
  }

  function activeAdminCount(): number {
    return db
      .select({ id: accounts.id })
      .from(accounts)
      .where(and(eq(accounts.role, 'admin'), eq(accounts.disabled, false)))
      .all().length;
  }

  async function insertAccount(input: { name: string; displayName: string; role: Role; secret: string }) {
    const at = clock().toISOString();
    const row: AccountRow = {
      id: uuidv7(),
      name: input.name,
      nameKey: nameKey(input.name),
      displayName: input.displayName,
      role: input.role,
      secretHash: await hashSecret(input.secret),
      disabled: false,
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: at,
      updatedAt: at,
    };
    return row;
  }

  return {
    isSetUp,
    byId,
    findById,

    async setup(input: {
      deskCode: string;
      siteName: string;
      admin: { name: string; displayName: string; secret: string };
    }) {
      const admin = await insertAccount({ ...input.admin, role: 'admin' });
      const at = clock().toISOString();
      db.transaction((tx) => {
        // Checked inside the transaction: two racing setup calls cannot both win.
        if (
          tx.select({ id: desk.id }).from(desk).get() ||
          tx.select({ id: accounts.id }).from(accounts).get()
        ) {
          throw new DeskFailure('ALREADY_SETUP', say('errors.ALREADY_SETUP'));
        }
        tx.insert(desk)
          .values({ id: 1, code: input.deskCode, siteName: input.siteName, createdAt: at, updatedAt: at })
          .run();
        tx.insert(accounts).values(admin).run();
      });
      settings.forget();
      audit.record(admin.id, 'setup.initialize', input.deskCode, { siteName: input.siteName });
      return { desk: { code: input.deskCode, siteName: input.siteName }, adminId: admin.id };
    },

    /**
     * Checks name + secret; counts failures and locks the account after the configured number. The
     * attempt is counted before the slow hash, in one synchronous step, so guesses sent in parallel
     * are each counted: the sixth concurrent guess finds the account locked.
     */
    async signIn(name: string, secret: string): Promise<AccountRow> {
      const { lockoutAttempts, lockoutMinutes } = settings.get();
      const row = db
        .select()
        .from(accounts)
        .where(eq(accounts.nameKey, nameKey(name)))
        .get();
      if (!row) {
        await verifySecret(secret, await decoyHash);
        audit.record(null, 'auth.signIn.unknownName', null, { name });
        throw new DeskFailure('UNAUTHENTICATED', say('errors.wrongCredentials', { left: lockoutAttempts }));
      }
      const locked = (until: string) =>
        new DeskFailure(
          'ACCOUNT_LOCKED',
          say('errors.ACCOUNT_LOCKED', { until: formatWibTime(new Date(until)) }),
        );
      const lockNow = (id: string, failures: number) => {
        const now = clock();
        const until = new Date(now.getTime() + lockoutMinutes * 60_000).toISOString();
        db.update(accounts)
          .set({ failedAttempts: 0, lockedUntil: until, updatedAt: now.toISOString() })
          .where(eq(accounts.id, id))
          .run();
        audit.record(null, 'auth.locked', id, { failures });
        return locked(until);
      };
      const current = () => db.select().from(accounts).where(eq(accounts.id, row.id)).get()!;
      const lockedUntil = (r: AccountRow) =>
        r.lockedUntil && new Date(r.lockedUntil) > clock() ? r.lockedUntil : null;

      // Reserve the attempt before hashing (synchronous: no other attempt runs in between).
      const reserved = db.transaction(() => {
        const r = current();
        const until = lockedUntil(r);
        if (until) return { kind: 'locked', until } as const;
        const attempt = r.failedAttempts + 1;
        if (attempt > lockoutAttempts) return { kind: 'tooMany', attempt } as const;
        db.update(accounts).set({ failedAttempts: attempt }).where(eq(accounts.id, r.id)).run();
        return { kind: 'counted', attempt } as const;
      });
      if (reserved.kind === 'locked') throw locked(reserved.until);
      if (reserved.kind === 'tooMany') throw lockNow(row.id, reserved.attempt);

      const right = await verifySecret(secret, row.secretHash);
      const after = current();
      const until = lockedUntil(after);
      if (!right) {
        audit.record(null, 'auth.signIn.failed', row.id, { failures: after.failedAttempts });
        if (until) throw locked(until);
        if (after.failedAttempts >= lockoutAttempts) throw lockNow(row.id, after.failedAttempts);
        throw new DeskFailure(
          'UNAUTHENTICATED',
          say('errors.wrongCredentials', { left: lockoutAttempts - after.failedAttempts }),
        );
      }
      // The right secret, but parallel guesses locked the account meanwhile: the lock holds.
      if (until) throw locked(until);
      if (row.disabled) {
        audit.record(row.id, 'auth.signIn.disabled', row.id);
        throw new DeskFailure('FORBIDDEN', say('errors.accountDisabled'));
      }
      const now = clock();
      db.update(accounts)
        .set({ failedAttempts: 0, lockedUntil: null, updatedAt: now.toISOString() })
        .where(eq(accounts.id, row.id))
        .run();
      audit.record(row.id, 'auth.signIn', row.id);
      return { ...after, failedAttempts: 0, lockedUntil: null };
    },

    /** Re-checks the secret of an already signed-in account (unlock, change PIN). */
    async checkSecret(accountId: string, secret: string): Promise<boolean> {
      return verifySecret(secret, byId(accountId).secretHash);
    },

    list(): AccountView[] {
      return db.select().from(accounts).orderBy(accounts.nameKey).all().map(toAccountView);
    },

    async create(actorId: string, input: { name: string; displayName: string; role: Role; secret: string }) {
      assertNameFree(input.name);
      const row = await insertAccount(input);
      db.insert(accounts).values(row).run();
      audit.record(actorId, 'accounts.create', row.id, { name: row.name, role: row.role });
      return toAccountView(row);
    },

    update(actorId: string, input: { id: string; displayName?: string; role?: Role; disabled?: boolean }) {
      const row = byId(input.id);
      const losesAdmin =
        row.role === 'admin' &&
        !row.disabled &&
        (input.disabled === true || (input.role && input.role !== 'admin'));
      if (losesAdmin && activeAdminCount() <= 1) {
        throw new DeskFailure('CONFLICT', say('errors.lastAdmin'));
      }
      const patch = {
        ...(input.displayName !== undefined && { displayName: input.displayName }),
        ...(input.role !== undefined && { role: input.role }),
        ...(input.disabled !== undefined && { disabled: input.disabled }),
        updatedAt: clock().toISOString(),
      };
      db.update(accounts).set(patch).where(eq(accounts.id, row.id)).run();
      audit.record(actorId, 'accounts.update', row.id, {
        displayName: input.displayName,
        role: input.role,
        disabled: input.disabled,
      });
      return toAccountView(byId(row.id));
    },

    async setSecret(actorId: string, accountId: string, secret: string) {
      byId(accountId);
      const secretHash = await hashSecret(secret);
      db.update(accounts)
        .set({ secretHash, failedAttempts: 0, lockedUntil: null, updatedAt: clock().toISOString() })
        .where(eq(accounts.id, accountId))
        .run();
      audit.record(actorId, actorId === accountId ? 'auth.changeSecret' : 'accounts.resetSecret', accountId);
    },
  };
}
export type Accounts = ReturnType<typeof createAccounts>;

export function formatWibTime(d: Date): string {
  return (
    new Intl.DateTimeFormat('id-ID', {
      timeZone: 'Asia/Jakarta',
      hour: '2-digit',
      minute: '2-digit',
    }).format(d) + ' WIB'
  );
}
