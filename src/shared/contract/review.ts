/** The supervisor's day review, the officers' returned records, and the daily register. */
import { z } from 'zod';
import { complaintStatuses, complaintTypes } from '../domain/complaint';
import { reviewRuleNames, reviewStates } from '../domain/review';
import { isoDate, text, uuid } from './common';
import { method } from './define';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' });

export const reviewRulesSchema = z.strictObject({
  off: z.array(z.enum(reviewRuleNames)).max(reviewRuleNames.length),
  minBodyWords: z.number().int().min(0).max(500),
  maxIncidentAgeDays: z.number().int().min(1).max(3650),
  workStart: hhmm,
  workEnd: hhmm,
  supervisoryAgency: z.string().min(1).max(40),
});

/** A flag the rules raised: the rule's name and what its reason says (message review.flags.<rule>). */
export const reviewFlag = z.object({
  rule: z.enum(reviewRuleNames),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ReviewFlag = z.infer<typeof reviewFlag>;

export const reviewMark = z.object({
  state: z.enum(reviewStates),
  by: z.string().nullable(),
  at: z.string().nullable(),
  /** The supervisor's note when returned. */
  note: z.string().nullable(),
});

export const reviewRecord = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  receivedAt: z.string(),
  type: z.enum(complaintTypes),
  channel: z.string(),
  /** Withheld ('') when Rahasia: the review shows that it is confidential, not what it says. */
  title: z.string(),
  confidential: z.boolean(),
  anonymous: z.boolean(),
  supervisory: z.boolean(),
  agencyCode: z.string(),
  kecamatanCode: z.string().nullable(),
  officerId: z.string(),
  officerName: z.string(),
  status: z.enum(complaintStatuses),
  currentDue: z.string().nullable(),
  delivery: z.enum(['sent', 'waiting', 'parked', 'none']),
  review: reviewMark,
  flags: z.array(reviewFlag),
  /** Saved after its day was closed: it goes on the next register. */
  afterClose: z.boolean(),
});
export type ReviewRecord = z.infer<typeof reviewRecord>;

const counts = z.record(z.string(), z.number());
export const daySummary = z.object({
  received: z.number(),
  byType: counts,
  byChannel: counts,
  byOfficer: counts,
  byAgency: counts,
  byKecamatan: counts,
  /** new (BARU), verified, forwarded to an agency (and on), closed, postponed */
  byStage: z.object({
    new: z.number(),
    verified: z.number(),
    forwarded: z.number(),
    closed: z.number(),
    postponed: z.number(),
  }),
  late: z.number(),
  dueWithinOneWorkingDay: z.number(),
  supervisory: z.number(),
  anonymous: z.number(),
  confidential: z.number(),
  delivery: z.object({ sent: z.number(), waiting: z.number(), parked: z.number() }),
  review: z.record(z.enum(reviewStates), z.number()),
  flagged: z.number(),
});
export type DaySummary = z.infer<typeof daySummary>;

export const registerInfo = z.object({
  id: z.string(),
  day: z.string(),
  closedAt: z.string(),
  closedBy: z.string(),
  /** Why records not reviewed were confirmed as they are; null when all were reviewed. */
  reason: z.string().nullable(),
  entries: z.number(),
  digest: z.string(),
});
export type RegisterInfo = z.infer<typeof registerInfo>;

export const returnedRecord = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  title: z.string(),
  officerId: z.string(),
  officerName: z.string(),
  returnedAt: z.string(),
  returnedBy: z.string(),
  note: z.string(),
});

export const reviewMethods = {
  'review.day': method({
    summary:
      'The day’s intake for review (WIB day; today when not given): summary, records, flags (supervisor).',
    access: 'supervisor',
    input: z.strictObject({ day: isoDate.optional() }),
    output: z.object({
      day: z.string(),
      today: z.string(),
      summary: daySummary,
      records: z.array(reviewRecord),
      register: registerInfo.nullable(),
    }),
  }),
  'review.mark': method({
    summary: 'Mark a record reviewed, or verify it (the VERIFY action) as the review of it (supervisor).',
    access: 'supervisor',
    input: z.strictObject({ id: uuid, outcome: z.enum(['reviewed', 'verified']) }),
    output: reviewMark,
  }),
  'review.return': method({
    summary: 'Return a record to its officer with a note; it shows on the officer’s Beranda (supervisor).',
    access: 'supervisor',
    input: z.strictObject({ id: uuid, note: text(5, 500) }),
    output: reviewMark,
  }),
  'review.returned': method({
    summary: 'Records returned and not yet corrected: the officer’s own, or all for a supervisor.',
    access: 'officer',
    input: z.strictObject({}),
    output: z.array(returnedRecord),
  }),
  'review.home': method({
    summary:
      'Beranda figures: today’s intake, and what is late, due today and due by the next working day — the officer’s own records, or the desk’s for a supervisor.',
    access: 'officer',
    input: z.strictObject({}),
    output: z.object({
      scope: z.enum(['mine', 'desk']),
      today: z.number(),
      todayMine: z.number(),
      late: z.number(),
      dueToday: z.number(),
      dueNextWorkingDay: z.number(),
      dayClosed: z.boolean(),
    }),
  }),
  'review.closeDay': method({
    summary:
      'Close a day: its daily register is produced and kept, with its SHA-256 digest (supervisor). Records not reviewed need a reason.',
    access: 'supervisor',
    input: z.strictObject({ day: isoDate, reason: text(5, 500).optional() }),
    output: registerInfo,
  }),
  'review.registerPage': method({
    summary:
      'The kept daily register of a day as an A4 page: a one-time link in browser mode, a PDF file in the desktop shell (supervisor).',
    access: 'supervisor',
    input: z.strictObject({ day: isoDate }),
    /** url: browser mode's one-time page; file: the PDF the desktop shell wrote. */
    output: z.object({ url: z.string().nullable(), file: z.string().nullable(), digest: z.string() }),
  }),
};
