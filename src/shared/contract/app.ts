import { z } from 'zod';
import { languages } from '../i18n/languages';
import { deskCode, empty, roleSchema, text, userName, secret } from './common';
import { method } from './define';

/** The address citizens check their complaint at; '' clears it. */
const statusUrlField = z
  .string()
  .max(300)
  .transform((s) => s.trim())
  .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'url' })]))
  .optional();
const settingText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .optional();

export const deskInfo = z.object({ code: z.string(), siteName: z.string() });

export const appMethods = {
  'app.status': method({
    summary: 'Whether the desk is set up, its code and site, and which shell runs it.',
    access: 'public',
    whileLocked: true,
    input: empty,
    output: z.object({
      setupDone: z.boolean(),
      desk: deskInfo.nullable(),
      shell: z.enum(['electron', 'browser']),
      version: z.string(),
      /** Suggestions for the setup form, from the reference data (the Pemkab's WhatsApp line). */
      setupDefaults: z.object({ followUpContact: z.string() }),
    }),
  }),
  'app.reportError': method({
    summary: 'A failure in the desk window (a screen that crashed, a failed load), for the log.',
    access: 'public',
    whileLocked: true,
    passive: true,
    input: z.strictObject({
      where: z.enum(['screen', 'window', 'promise', 'reference']),
      message: z.string().max(500),
      stack: z.string().max(4000).optional(),
    }),
    output: z.null(),
  }),
  'app.setLanguage': method({
    summary: 'The language this window shows; main writes its messages to it in that language.',
    access: 'public',
    whileLocked: true,
    passive: true,
    input: z.strictObject({ language: z.enum(languages) }),
    output: z.null(),
  }),
  'setup.initialize': method({
    summary: 'First run only: desk code, site name and the first administrator.',
    access: 'public',
    input: z.strictObject({
      deskCode,
      siteName: text(3, 120),
      admin: z.strictObject({
        name: userName,
        displayName: text(2, 100),
        secret,
      }),
      /** Printed on every receipt: where the citizen asks about the complaint. */
      followUpContact: settingText(120),
      statusUrl: statusUrlField,
    }),
    output: z.object({ desk: deskInfo, adminId: z.string() }),
  }),
};

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

export const settingsSchema = z.strictObject({
  idleLockMinutes: z.number().int().min(1).max(240),
  lockoutAttempts: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
  verifyWorkingDays: z.number().int().min(1).max(60),
  followUpWorkingDays: z.number().int().min(1).max(60),
  answerCalendarDays: z.number().int().min(1).max(120),
  siteName: text(3, 120),
  /** Optional texts are '' when unset, so an admin can clear them. */
  footerText: settingText(300),
  /** Printed on receipts and in their QR code, with ?nomor=<receipt number>. */
  statusUrl: statusUrlField,
  /** Phone/WhatsApp line printed on receipts, e.g. "WhatsApp Halo SAE 0821-3100-1001". */
  followUpContact: settingText(120),
  /** What a citizen can do when a deadline passes (SP4N-LAPOR!, the Ombudsman), printed on receipts. */
  escalationText: settingText(300),
});
export type Settings = z.output<typeof settingsSchema>;

export const settingsMethods = {
  'settings.get': method({
    summary: 'Desk settings: lock times, deadline rules, site name.',
    access: 'officer',
    input: empty,
    output: settingsSchema,
  }),
  'settings.update': method({
    summary: 'Change desk settings (admin).',
    access: 'admin',
    input: settingsSchema.partial(),
    output: settingsSchema,
  }),
};

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.string().nullable(),
});

export const auditMethods = {
  'audit.list': method({
    summary: 'The newest audit entries (supervisor).',
    access: 'supervisor',
    input: z.strictObject({
      limit: z.number().int().min(1).max(500).default(100),
      beforeId: z.number().int().positive().optional(),
    }),
    output: z.array(auditEntry),
  }),
};
