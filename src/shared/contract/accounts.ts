/** Accounts and signing in: who may use the desk, with which role, and the screen lock. */
import { z } from 'zod';
import { empty, roleSchema, text, userName, secret } from './common';
import { method } from './define';

export const accountView = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof accountView>;

export const sessionView = z.object({
  account: accountView,
  locked: z.boolean(),
  idleLockMinutes: z.number(),
});

export const authMethods = {
  'auth.signIn': method({
    summary: 'Sign in with user name and PIN/password; five wrong attempts lock the account.',
    access: 'public',
    input: z.strictObject({ name: userName, secret: z.string().min(1).max(128) }),
    output: sessionView,
  }),
  'auth.signOut': method({
    summary: 'End the session of this window/tab.',
    access: 'public',
    whileLocked: true,
    input: empty,
    output: z.null(),
  }),
  'auth.session': method({
    summary: 'The signed-in account of this window/tab, or null.',
    access: 'public',
    whileLocked: true,
    input: empty,
    output: sessionView.nullable(),
  }),
  'auth.lock': method({
    summary: 'Lock the screen now (also done by main after inactivity).',
    access: 'officer',
    whileLocked: true,
    input: empty,
    output: z.null(),
  }),
  'auth.unlock': method({
    summary: 'Unlock a locked screen with the same account’s PIN/password.',
    access: 'officer',
    whileLocked: true,
    input: z.strictObject({ secret: z.string().min(1).max(128) }),
    output: sessionView,
  }),
  'auth.changeSecret': method({
    summary: 'Change one’s own PIN/password.',
    access: 'officer',
    input: z.strictObject({ current: z.string().min(1).max(128), next: secret }),
    output: z.null(),
  }),
};

export const accountMethods = {
  'accounts.list': method({
    summary: 'All accounts (admin).',
    access: 'admin',
    input: empty,
    output: z.array(accountView),
  }),
  'accounts.officers': method({
    summary: 'Names of all accounts, for the queue’s officer filter and history (any role).',
    access: 'officer',
    input: empty,
    output: z.array(z.object({ id: z.string(), displayName: z.string(), disabled: z.boolean() })),
  }),
  'accounts.create': method({
    summary: 'Add an officer, supervisor or admin account (admin).',
    access: 'admin',
    input: z.strictObject({ name: userName, displayName: text(2, 100), role: roleSchema, secret }),
    output: accountView,
  }),
  'accounts.update': method({
    summary: 'Change an account’s display name, role or disabled flag (admin).',
    access: 'admin',
    input: z.strictObject({
      id: z.string().max(64),
      displayName: text(2, 100).optional(),
      role: roleSchema.optional(),
      disabled: z.boolean().optional(),
    }),
    output: accountView,
  }),
  'accounts.resetSecret': method({
    summary: 'Set a new PIN/password for an account and clear its lock (admin).',
    access: 'admin',
    input: z.strictObject({ id: z.string().max(64), secret }),
    output: z.null(),
  }),
};
