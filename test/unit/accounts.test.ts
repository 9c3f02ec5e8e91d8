/**
 * Accounts as the people at the desk meet them: first-run setup once, sign-in with a lockout that
 * counts every guess (parallel ones too) and ends on time, an administrator who cannot lock the desk
 * out of its own administration, and sessions that lock when idle. On a real database with a clock
 * the test moves; `npm run mutate` (MUTATION_GROUP=accounts) runs these against accounts.ts and
 * sessions.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionStore } from '../../src/main/accounts/sessions';
import { adminSecret, makeCore, setUpDesk } from '../support/core';
import { DeskFailure } from '../../src/main/platform/failure';
import { fail, type DeskError } from '../../src/shared/result';

type Desk = ReturnType<typeof makeCore>;
let desk: Desk;
let adminId: string;

beforeEach(async () => {
  desk = makeCore();
  await setUpDesk(desk.api);
  adminId = desk.core.accounts.list().find((a) => a.name === 'admin')!.id;
});
afterEach(() => desk.close());

const accounts = () => desk.core.accounts;
const failure = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    // As a caller receives it: the message and each field's message written out.
    return e instanceof DeskFailure ? fail(e.code, e.text, e.fields).error : (e as DeskError);
  }
  throw new Error('expected a failure');
};
const auditActions = () =>
  desk.core.audit.list(100).map((a) => `${a.action}${a.target ? ` ${a.target}` : ''}`);
const officer = (name = 'budi', role: 'officer' | 'supervisor' | 'admin' = 'officer') =>
  accounts().create(adminId, { name, displayName: name.toUpperCase(), role, secret: 'pin-1234' });

describe('first-run setup', () => {
  it('happens once: a second setup is refused and changes nothing', async () => {
    const again = await failure(
      accounts().setup({
        deskCode: 'XYZ',
        siteName: 'Lain',
        admin: { name: 'root', displayName: 'Root', secret: 'rahasia-root-1' },
      }),
    );
    expect(again.code).toBe('ALREADY_SETUP');
    expect(
      accounts()
        .list()
        .map((a) => a.name),
    ).toEqual(['admin']);
    expect(accounts().isSetUp()).toBe(true);
  });

  it('a fresh desk is not set up until setup, then has its administrator', async () => {
    const fresh = makeCore();
    try {
      expect(fresh.core.accounts.isSetUp()).toBe(false);
      const racing = await Promise.allSettled(
        ['satu', 'dua', 'tiga'].map((name) =>
          fresh.core.accounts.setup({
            deskCode: 'PBL02',
            siteName: 'MPP',
            admin: { name, displayName: name, secret: 'rahasia-admin-1' },
          }),
        ),
      );
      expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const [only] = fresh.core.accounts.list();
      expect(only).toMatchObject({ role: 'admin', disabled: false, lockedUntil: null });
      expect(fresh.core.accounts.isSetUp()).toBe(true);
    } finally {
      fresh.close();
    }
  });
});

describe('signing in', () => {
  it('with the right PIN, whatever the case or width of the name typed', async () => {
    expect((await accounts().signIn('admin', adminSecret)).name).toBe('admin');
    expect((await accounts().signIn('ADMIN', adminSecret)).name).toBe('admin');
    expect((await accounts().signIn('ＡＤＭＩＮ', adminSecret)).name).toBe('admin'); // full-width, NFKC
    expect(auditActions()[0]).toBe(`auth.signIn ${adminId}`);
  });

  it('an unknown name gets the same answer as a wrong PIN, with the full count left', async () => {
    const unknown = await failure(accounts().signIn('siapa', adminSecret));
    expect(unknown).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Nama atau PIN salah. Sisa percobaan: 5.',
    });
    expect(auditActions()[0]).toBe('auth.signIn.unknownName');
  });

  it('each wrong PIN says how many tries are left, and the fifth locks for 15 minutes', async () => {
    for (const left of [4, 3, 2, 1]) {
      expect(await failure(accounts().signIn('admin', 'salah-1234'))).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: `Nama atau PIN salah. Sisa percobaan: ${left}.`,
      });
    }
    const locked = await failure(accounts().signIn('admin', 'salah-1234'));
    expect(locked.code).toBe('ACCOUNT_LOCKED');
    // 02:00 UTC + 15 minutes = 09:15 WIB.
    expect(locked.message).toContain('Coba lagi pukul 09.15 WIB');
    expect(accounts().byId(adminId)).toMatchObject({
      failedAttempts: 0,
      lockedUntil: '2026-11-27T02:15:00.000Z',
    });
    expect(auditActions()).toContain(`auth.locked ${adminId}`);
    // Locked: even the right PIN is refused, and no attempt is counted.
    expect((await failure(accounts().signIn('admin', adminSecret))).code).toBe('ACCOUNT_LOCKED');
  });

  it('the lock ends exactly when it says, and the count starts again', async () => {
    for (let i = 0; i < 5; i++) await failure(accounts().signIn('admin', 'salah-1234'));
    desk.clock.advance(15 * 60_000 - 1);
    expect((await failure(accounts().signIn('admin', adminSecret))).code).toBe('ACCOUNT_LOCKED');
    desk.clock.advance(1);
    expect((await accounts().signIn('admin', adminSecret)).lockedUntil).toBeNull();
    expect(accounts().byId(adminId)).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect(await failure(accounts().signIn('admin', 'salah-1234'))).toMatchObject({
      message: 'Nama atau PIN salah. Sisa percobaan: 4.',
    });
  });

  it('the right PIN on the last try still gets in', async () => {
    for (let i = 0; i < 4; i++) await failure(accounts().signIn('admin', 'salah-1234'));
    expect((await accounts().signIn('admin', adminSecret)).id).toBe(adminId);
  });

  it('audits each failure with its count, a lock with the failures, and an unknown name as typed', async () => {
    await failure(accounts().signIn('siapa', 'salah-1234'));
    for (let i = 0; i < 5; i++) await failure(accounts().signIn('admin', 'salah-1234'));
    const trail = desk.core.audit.list(20).map((a) => [a.action, a.detail]);
    expect(trail.slice(0, 7).reverse()).toEqual([
      ['auth.signIn.unknownName', '{"name":"siapa"}'],
      ['auth.signIn.failed', '{"failures":1}'],
      ['auth.signIn.failed', '{"failures":2}'],
      ['auth.signIn.failed', '{"failures":3}'],
      ['auth.signIn.failed', '{"failures":4}'],
      ['auth.signIn.failed', '{"failures":5}'],
      ['auth.locked', '{"failures":5}'],
    ]);
  });

  it('a right PIN clears the wrong ones before it', async () => {
    await failure(accounts().signIn('admin', 'salah-1234'));
    await failure(accounts().signIn('admin', 'salah-1234'));
    await accounts().signIn('admin', adminSecret);
    expect(accounts().byId(adminId).failedAttempts).toBe(0);
    expect(await failure(accounts().signIn('admin', 'salah-1234'))).toMatchObject({
      message: 'Nama atau PIN salah. Sisa percobaan: 4.',
    });
  });

  it('counts every guess sent at once: twenty parallel guesses lock the account, none gets in', async () => {
    // The right PIN goes first: its check finishes after the sixth guess locked the account, and
    // the lock holds.
    const guesses = Array.from({ length: 20 }, (_, i) =>
      accounts().signIn('admin', i === 0 ? adminSecret : `salah-${i}`),
    );
    const results = await Promise.allSettled(guesses);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    const codes = results.map((r) => (r as PromiseRejectedResult).reason.code as string);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(4);
    expect(codes).toContain('ACCOUNT_LOCKED');
    expect(accounts().byId(adminId).lockedUntil).not.toBeNull();
  });

  it('a disabled account is refused even with the right PIN, and the attempt is audited', async () => {
    const budi = await officer();
    accounts().update(adminId, { id: budi.id, disabled: true });
    expect(await failure(accounts().signIn('budi', 'pin-1234'))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Akun ini dinonaktifkan. Hubungi admin.',
    });
    expect(auditActions()[0]).toBe(`auth.signIn.disabled ${budi.id}`);
  });

  it('checks the PIN of a signed-in account again (unlock, change PIN)', async () => {
    expect(await accounts().checkSecret(adminId, adminSecret)).toBe(true);
    expect(await accounts().checkSecret(adminId, 'salah-1234')).toBe(false);
    expect((await failure(() => accounts().byId('nope'))).code).toBe('NOT_FOUND');
  });
});

describe('managing accounts', () => {
  it('lists accounts by name, without their PIN hashes', async () => {
    await officer('citra');
    await officer('Budi');
    const list = accounts().list();
    expect(list.map((a) => a.name)).toEqual(['admin', 'Budi', 'citra']);
    expect(Object.keys(list[0]!).sort()).toEqual(
      ['createdAt', 'disabled', 'displayName', 'id', 'lockedUntil', 'name', 'role'].sort(),
    );
  });

  it('refuses a name already taken, in any case, naming the field', async () => {
    await officer('budi');
    const clash = await failure(officer('BUDI'));
    expect(clash).toMatchObject({
      code: 'CONFLICT',
      message: 'Nama pengguna "BUDI" sudah dipakai.',
      fields: { name: 'Nama pengguna "BUDI" sudah dipakai.' },
    });
    expect(accounts().list()).toHaveLength(2);
  });

  it('changes only what was asked: display name, role, disabled; and audits it', async () => {
    const budi = await officer();
    desk.clock.advance(60_000);
    expect(accounts().update(adminId, { id: budi.id, displayName: 'Budi Santoso' })).toMatchObject({
      displayName: 'Budi Santoso',
      role: 'officer',
      disabled: false,
    });
    expect(accounts().update(adminId, { id: budi.id, role: 'supervisor' })).toMatchObject({
      displayName: 'Budi Santoso',
      role: 'supervisor',
    });
    expect(accounts().update(adminId, { id: budi.id, disabled: true })).toMatchObject({
      role: 'supervisor',
      disabled: true,
    });
    expect(accounts().update(adminId, { id: budi.id, disabled: false }).disabled).toBe(false);
    expect(accounts().byId(budi.id).updatedAt).toBe(desk.clock.now().toISOString());
    expect(
      desk.core.audit
        .list(10)
        .filter((a) => a.action === 'accounts.update')
        .map((a) => a.detail)
        .reverse(),
    ).toEqual([
      '{"displayName":"Budi Santoso"}',
      '{"role":"supervisor"}',
      '{"disabled":true}',
      '{"disabled":false}',
    ]);
    expect(desk.core.audit.list(10).find((a) => a.action === 'accounts.create')).toMatchObject({
      target: budi.id,
      actorName: 'admin',
      detail: '{"name":"budi","role":"officer"}',
    });
  });

  it('never disables or demotes the last active administrator', async () => {
    for (const change of [
      { disabled: true },
      { role: 'supervisor' as const },
      { role: 'officer' as const },
    ]) {
      expect(await failure(() => accounts().update(adminId, { id: adminId, ...change }))).toMatchObject({
        code: 'CONFLICT',
        message: 'Admin aktif terakhir tidak dapat dinonaktifkan atau diturunkan perannya.',
      });
    }
    // Harmless edits of the last admin are fine.
    expect(
      accounts().update(adminId, { id: adminId, displayName: 'Kepala Meja', role: 'admin' }),
    ).toMatchObject({
      role: 'admin',
      displayName: 'Kepala Meja',
    });
    // A disabled second admin does not count as a way back in.
    const dewi = await officer('dewi', 'admin');
    accounts().update(adminId, { id: dewi.id, disabled: true });
    expect((await failure(() => accounts().update(adminId, { id: adminId, disabled: true }))).code).toBe(
      'CONFLICT',
    );
    // With a second active admin, either may step down, and then the other is the last.
    accounts().update(adminId, { id: dewi.id, disabled: false });
    expect(accounts().update(adminId, { id: adminId, role: 'supervisor' }).role).toBe('supervisor');
    expect((await failure(() => accounts().update(adminId, { id: dewi.id, disabled: true }))).code).toBe(
      'CONFLICT',
    );
    // A disabled admin may be enabled again, or have its role changed, at any time.
    expect(accounts().update(adminId, { id: adminId, role: 'admin' }).role).toBe('admin');
  });

  it('a PIN reset sets the new PIN and lifts a lockout', async () => {
    const budi = await officer();
    for (let i = 0; i < 5; i++) await failure(accounts().signIn('budi', 'salah-1234'));
    expect(accounts().byId(budi.id).lockedUntil).not.toBeNull();
    await accounts().setSecret(adminId, budi.id, 'pin-baru-99');
    expect(accounts().byId(budi.id)).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect((await failure(accounts().signIn('budi', 'pin-1234'))).code).toBe('UNAUTHENTICATED');
    expect((await accounts().signIn('budi', 'pin-baru-99')).id).toBe(budi.id);
    expect(auditActions()).toContain(`accounts.resetSecret ${budi.id}`);
    await accounts().setSecret(budi.id, budi.id, 'pin-sendiri-1');
    expect(auditActions()[0]).toBe(`auth.changeSecret ${budi.id}`);
    expect((await failure(accounts().setSecret(adminId, 'nope', 'pin-baru-99'))).code).toBe('NOT_FOUND');
  });

  it('a partial failure count is cleared by a PIN reset too', async () => {
    const budi = await officer();
    for (let i = 0; i < 3; i++) await failure(accounts().signIn('budi', 'salah-1234'));
    await accounts().setSecret(adminId, budi.id, 'pin-baru-99');
    expect(await failure(accounts().signIn('budi', 'salah-1234'))).toMatchObject({
      message: 'Nama atau PIN salah. Sisa percobaan: 4.',
    });
  });
});

describe('sessions', () => {
  let now = 0;
  const store = () => new SessionStore(() => now);

  it('lock after the idle limit, not a millisecond before', () => {
    now = 0;
    const s = store();
    s.start('tab1', 'a');
    now = 5 * 60_000;
    expect(s.get('tab1', 5)?.locked).toBe(false);
    now += 1;
    expect(s.get('tab1', 5)?.locked).toBe(true);
  });

  it('activity keeps a session open; a locked one stays locked', () => {
    now = 0;
    const s = store();
    const session = s.start('tab1', 'a');
    now = 4 * 60_000;
    s.touch(session);
    now = 8 * 60_000;
    expect(s.get('tab1', 5)?.locked).toBe(false);
    now = 20 * 60_000;
    expect(s.get('tab1', 5)?.locked).toBe(true);
    s.touch(session);
    expect(s.get('tab1', 5)?.locked).toBe(true);
  });

  it('locks every session when the PC sleeps, and ends all of one account’s sessions only', () => {
    now = 0;
    const s = store();
    s.start('tab1', 'a');
    s.start('tab2', 'a');
    s.start('tab3', 'b');
    s.lockAll();
    expect(['tab1', 'tab2', 'tab3'].map((k) => s.get(k, 5)?.locked)).toEqual([true, true, true]);
    s.endAllFor('a');
    expect(s.get('tab1', 5)).toBeUndefined();
    expect(s.get('tab2', 5)).toBeUndefined();
    expect(s.get('tab3', 5)?.accountId).toBe('b');
    s.end('tab3');
    expect(s.get('tab3', 5)).toBeUndefined();
  });
});
