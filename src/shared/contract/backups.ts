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
  reason: z.enum(['close-day', 'exit', 'manual', 'schedule']),
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
