/** Backups: their state for Beranda, the list, taking one now, and the recovery passphrase. */
import { z } from 'zod';
import { method } from './define';

export const backupWarnings = [
  'damaged',
  'none',
  'stale',
  'noRecovery',
  'noSecond',
  'secondMissing',
  'lastFailed',
] as const;

export const backupStatus = z.object({
  lastGoodAt: z.string().nullable(),
  lastGoodFile: z.string().nullable(),
  lastFailure: z.object({ takenAt: z.string(), error: z.string().nullable() }).nullable(),
  recoverySetAt: z.string().nullable(),
  localFolder: z.string(),
  secondFolder: z.string().nullable(),
  running: z.boolean(),
  /** A restore an admin prepared, carried out at the next start. */
  restoreStaged: z
    .object({
      from: z.string(),
      notesFolder: z.string(),
      stagedAt: z.string(),
      takenAt: z.string(),
      deskCode: z.string().nullable(),
    })
    .nullable(),
  /** The background check found the live database damaged: what it said, and the backup to restore. */
  damaged: z
    .object({
      problems: z.array(z.string()),
      newest: z.object({ path: z.string(), takenAt: z.string() }).nullable(),
    })
    .nullable(),
  warnings: z.array(z.enum(backupWarnings)),
});
export type BackupStatus = z.infer<typeof backupStatus>;

const counts = z.object({
  complaints: z.number(),
  events: z.number(),
  audit: z.number(),
  accounts: z.number(),
});

export const backupEntry = z.object({
  id: z.number(),
  fileName: z.string(),
  path: z.string().nullable(),
  takenAt: z.string(),
  reason: z.enum(['close-day', 'exit', 'manual', 'schedule', 'migration']),
  outcome: z.enum(['good', 'failed', 'running']),
  bytes: z.number().nullable(),
  durationMs: z.number().nullable(),
  withRecovery: z.boolean(),
  second: z.string().nullable(),
  error: z.string().nullable(),
});

export const backupMethods = {
  'backups.status': method({
    summary: 'When the last good backup was made and what needs attention (supervisor).',
    access: 'supervisor',
    passive: true,
    input: z.strictObject({}),
    output: backupStatus,
  }),
  'backups.list': method({
    summary: 'The backups kept, newest first, with failed attempts (admin).',
    access: 'admin',
    input: z.strictObject({}),
    output: z.array(backupEntry),
  }),
  'backups.run': method({
    summary: 'Takes a verified backup now, while the desk keeps working (supervisor).',
    access: 'supervisor',
    input: z.strictObject({}),
    output: z.object({
      fileName: z.string(),
      takenAt: z.string(),
      bytes: z.number(),
      durationMs: z.number(),
      counts,
      withRecovery: z.boolean(),
      second: z.string().nullable(),
    }),
  }),
  'backups.stageRestore': method({
    summary:
      'Prepares a restore from a backup file (checked whole, passphrase verified) that the desk carries out at its next start, before the database opens (admin; audited).',
    access: 'admin',
    input: z.strictObject({
      path: z
        .string()
        .min(3)
        .max(400)
        .refine((s) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(s) && /\.mpbak$/i.test(s), { message: 'backupPath' }),
      passphrase: z.string().max(200).optional(),
    }),
    output: z.object({
      takenAt: z.string(),
      deskCode: z.string().nullable(),
      counts,
    }),
  }),
  'backups.cancelRestore': method({
    summary: 'Withdraws a prepared restore (admin; audited).',
    access: 'admin',
    input: z.strictObject({}),
    output: z.null(),
  }),
  'backups.setRecovery': method({
    summary:
      'Sets the recovery passphrase, or makes a recovery code to print for the office safe (admin). Only the data key wrapped with it is kept.',
    access: 'admin',
    input: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('passphrase'), passphrase: z.string().min(1).max(200) }),
      z.strictObject({ kind: z.literal('code') }),
    ]),
    output: z.object({ setAt: z.string(), code: z.string().nullable() }),
  }),
};
