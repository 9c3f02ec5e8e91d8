/** The desk's settings: lock times, deadline rules, what receipts say. */
import { z } from 'zod';
import { complaintTypes } from '../domain/complaint';
import { empty, isoDate, text } from './common';
import { method } from './define';
import { reviewRulesSchema } from './review';

/** The address citizens check their complaint at; '' clears it. */
export const statusUrlField = z
  .string()
  .max(300)
  .transform((s) => s.trim())
  .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'url' })]))
  .optional();
export const settingText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .optional();

export const settingsSchema = z.strictObject({
  idleLockMinutes: z.number().int().min(1).max(240),
  lockoutAttempts: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
  verifyWorkingDays: z.number().int().min(1).max(60),
  followUpWorkingDays: z.number().int().min(1).max(60),
  answerCalendarDays: z.number().int().min(1).max(120),
  /**
   * Months the personal data of a closed complaint is kept after it closed (UU 27/2022: a retention
   * period, then destroyed). Default 24: a citizen may take a complaint to the Ombudsman up to two
   * years after the events (UU 37/2008 Pasal 24), and the desk must still know who complained.
   */
  retentionMonths: z.number().int().min(1).max(120),
  /** Days a half-typed intake form (it may hold a NIK) is kept when nobody comes back to it. */
  draftRetentionDays: z.number().int().min(1).max(90),
  siteName: text(3, 120),
  /** Optional texts are '' when unset, so an admin can clear them. */
  footerText: settingText(300),
  /** Printed on receipts and in their QR code, with ?nomor=<receipt number>. */
  statusUrl: statusUrlField,
  /** Phone/WhatsApp line printed on receipts, e.g. "WhatsApp Halo SAE 0821-3100-1001". */
  followUpContact: settingText(120),
  /** What a citizen can do when a deadline passes (SP4N-LAPOR!, the Ombudsman), printed on receipts. */
  escalationText: settingText(300),
  /** Where report exports are written (an absolute folder); '' for exports/ in the data folder. */
  exportFolder: settingText(400).refine((s) => !s || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(s), {
    message: 'absoluteFolder',
  }),
  /** The second place backups are copied to (a USB disk, a network share); '' for none. */
  backupFolder: settingText(400).refine((s) => !s || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(s), {
    message: 'absoluteFolder',
  }),
  /** The largest file an officer may attach, as it comes (a phone's photo is 3-12 MB). */
  attachmentMaxMegabytes: z.number().int().min(1).max(50),
  /** Files one record may hold, and their stored size together (after re-encoding). */
  attachmentsPerComplaint: z.number().int().min(1).max(50),
  attachmentsTotalMegabytes: z.number().int().min(1).max(200),
  /** Which day-review rules run, and their thresholds. */
  reviewRules: reviewRulesSchema,
});
export type Settings = z.output<typeof settingsSchema>;

const days = (max: number) => z.number().int().min(1).max(max);
export const deadlineRuleView = z.object({
  id: z.string(),
  complaintType: z.enum(complaintTypes).nullable(),
  verifyWorkingDays: z.number(),
  followUpWorkingDays: z.number(),
  answerCalendarDays: z.number(),
  effectiveFrom: z.string(),
  createdAt: z.string(),
});

export const settingsMethods = {
  'settings.deadlineRules': method({
    summary: 'Time limits per complaint type and from a day on, newest first (supervisor).',
    access: 'supervisor',
    input: empty,
    output: z.array(deadlineRuleView),
  }),
  'settings.addDeadlineRule': method({
    summary:
      'Add time limits for one type (or every type) in force from today or a later day; records already received keep theirs (admin).',
    access: 'admin',
    input: z.strictObject({
      complaintType: z.enum(complaintTypes).nullable(),
      verifyWorkingDays: days(60),
      followUpWorkingDays: days(60),
      answerCalendarDays: days(120),
      effectiveFrom: isoDate,
    }),
    output: deadlineRuleView,
  }),
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
