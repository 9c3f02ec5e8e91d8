import { z } from 'zod';
import { complaintLimits } from '../domain/complaint-rules';
import { complaintStatuses, eventKinds } from '../domain/complaint';
import { archiveReasons } from '../domain/status-flow';
import { empty, isoDate, optionalText, text, uuid } from './common';
import { contentInput, contentView } from './complaint-fields';
import { method } from './define';

/** What the intake form sends. Identity is optional only for Anonim reports. */
export const complaintInput = z.strictObject({
  ...contentInput,
  agencyCode: z.string().min(1).max(40),
  nik: optionalText(complaintLimits.nik[1]),
  phone: optionalText(complaintLimits.phone[1]),
  email: optionalText(complaintLimits.email[1]),
  address: optionalText(complaintLimits.address[1]),
});
export type ComplaintInput = z.input<typeof complaintInput>;

/**
 * A file taken in with the complaint at the counter: uploaded first (attachments.upload), kept with
 * the complaint in its saving transaction, and sent to the central server before it.
 */
export const intakeFile = z.strictObject({
  uploadId: uuid,
  name: text(1, 200),
  personal: z.boolean().default(false),
  keepLocation: z.boolean().default(false),
});
export type IntakeFile = z.output<typeof intakeFile>;

/** What saving a complaint takes: the form, and the files taken in with it. */
export const complaintCreateInput = complaintInput.extend({
  attachments: z.array(intakeFile).max(50).default([]),
});

export const deadlinesView = z.object({
  verifyBy: z.string(),
  followUpBy: z.string(),
  answerBy: z.string(),
});

export const complaintView = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  ...contentView,
  agencyCode: z.string(),
  /** Masked unless revealed: 3513********0001. */
  nik: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  officerName: z.string(),
  status: z.enum(complaintStatuses),
  receivedAt: z.string(),
  deadlines: deadlinesView,
  /** The deadline running now (the day it falls due, WIB), null when none runs. */
  currentDue: z.string().nullable(),
  laporTrackingId: z.string().nullable(),
});
export type ComplaintView = z.infer<typeof complaintView>;

export const eventView = z.object({
  id: z.string(),
  kind: z.enum(eventKinds),
  at: z.string(),
  actorName: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});

/**
 * The queue's saved views: mine (recorded by me), due today, late, waiting for verification,
 * returned to me by the day review (every returned record, for a supervisor), not yet in SP4N-LAPOR!
 * (open records without a tracking ID). Main decides "me" from the session, never from the input.
 */
export const queueViews = ['mine', 'dueToday', 'late', 'toVerify', 'returned', 'notInLapor'] as const;
export type QueueView = (typeof queueViews)[number];

export const queueFilters = z.strictObject({
  view: z.enum(queueViews).optional(),
  statuses: z.array(z.enum(complaintStatuses)).max(8).optional(),
  agencyCode: z.string().max(40).optional(),
  categoryId: z.number().int().positive().optional(),
  channel: z.string().max(40).optional(),
  kecamatanCode: z.string().max(20).optional(),
  officerId: z.string().max(64).optional(),
  /** Received on or after this WIB day. */
  from: isoDate.optional(),
  /** Received on or before this WIB day. */
  to: isoDate.optional(),
  lateOnly: z.boolean().optional(),
  search: z.string().max(200).optional(),
});
export type QueueFilters = z.input<typeof queueFilters>;

export const queueRow = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  receivedAt: z.string(),
  title: z.string(),
  agencyCode: z.string(),
  channel: z.string(),
  status: z.enum(complaintStatuses),
  currentDue: z.string().nullable(),
  complainantName: z.string().nullable(),
  /** Where the record stands with the central server (null: nothing to send). */
  delivery: z.enum(['sent', 'waiting', 'parked']).nullable(),
});
export type QueueRow = z.infer<typeof queueRow>;

const reasonText = text(3, 2000);

/** One action of the status flow (shared/domain/status-flow.ts), with what each needs. */
export const complaintAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('VERIFY'), id: uuid, reason: optionalText(2000) }),
  z.strictObject({
    action: z.literal('FORWARD'),
    id: uuid,
    agencyCode: z.string().max(40).optional(),
    reason: optionalText(2000),
  }),
  z.strictObject({ action: z.literal('FOLLOW_UP'), id: uuid, reason: reasonText }),
  z.strictObject({ action: z.literal('CITIZEN_REPLY'), id: uuid, reason: reasonText }),
  z.strictObject({ action: z.literal('DONE'), id: uuid, reason: optionalText(2000) }),
  z.strictObject({ action: z.literal('POSTPONE'), id: uuid, reason: reasonText }),
  z.strictObject({ action: z.literal('RESUME'), id: uuid, reason: optionalText(2000) }),
  z.strictObject({
    action: z.literal('REROUTE'),
    id: uuid,
    agencyCode: z.string().min(1).max(40),
    reason: reasonText,
  }),
  z.strictObject({
    action: z.literal('ARCHIVE'),
    id: uuid,
    archiveReason: z.enum(archiveReasons),
    duplicateOf: z.string().max(64).optional(),
    reason: reasonText,
  }),
  z.strictObject({ action: z.literal('NOTE'), id: uuid, reason: reasonText }),
  z.strictObject({
    action: z.literal('LAPOR_ID'),
    id: uuid,
    laporTrackingId: z.string().regex(/^\d{5,10}$/, { message: 'laporId' }),
    reason: optionalText(2000),
  }),
]);
export type ComplaintActionInput = z.input<typeof complaintAction>;

/** A supervisor's correction: only the fields that change, and why. Agency changes go through REROUTE. */
export const complaintCorrection = complaintInput
  .omit({ agencyCode: true })
  .partial()
  .extend({ id: uuid, reason: text(5, 2000) })
  .strict();
export type ComplaintCorrection = z.output<typeof complaintCorrection>;

/** A complaint named in a hint or a list beside the form: enough to recognise and open it. */
const complaintHit = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  title: z.string(),
  status: z.enum(complaintStatuses),
  receivedAt: z.string(),
  agencyCode: z.string(),
});

export const similarComplaint = complaintHit.extend({ match: z.enum(['phone', 'nik', 'title']) });

export const snippetView = z.object({
  keyword: z.string(),
  title: z.string(),
  body: z.string(),
  active: z.boolean(),
});

export const complaintMethods = {
  'complaints.create': method({
    summary:
      'Record a complaint: row, first history event, search row and the files taken in with it in one durable transaction.',
    access: 'officer',
    input: complaintCreateInput,
    output: z.object({
      id: z.string(),
      receiptNumber: z.string(),
      receivedAt: z.string(),
      deadlines: deadlinesView,
    }),
  }),
  'complaints.get': method({
    summary: 'One complaint with its history; personal data masked.',
    access: 'officer',
    input: z.strictObject({ id: uuid }),
    output: z.object({ complaint: complaintView, events: z.array(eventView) }),
  }),
  'complaints.findByReceipt': method({
    summary: 'Find by receipt number (case, spaces and missing dashes tolerated; typos detected).',
    access: 'officer',
    input: z.strictObject({ receiptNumber: z.string().min(1).max(64) }),
    output: complaintView,
  }),
  'complaints.findByContact': method({
    summary: 'Exact lookup by phone or NIK through the blind index.',
    access: 'officer',
    input: z.strictObject({ phone: z.string().max(40).optional(), nik: z.string().max(40).optional() }),
    output: z.array(complaintView),
  }),
  'complaints.revealPersonalData': method({
    summary: 'Unmasked NIK, phone, email and address; every reveal is audited (supervisor).',
    access: 'supervisor',
    input: z.strictObject({ id: uuid, reason: text(5, 300) }),
    output: z.object({
      nik: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      address: z.string().nullable(),
    }),
  }),
  'complaints.queue': method({
    summary: 'A page of the queue: filters combine; Cari finds by receipt number, phone, NIK or words.',
    access: 'officer',
    input: queueFilters.extend({
      sort: z.enum(['newest', 'urgent']).default('newest'),
      cursor: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.object({
      rows: z.array(queueRow),
      nextCursor: z.string().nullable(),
      searchKind: z.enum(['receipt', 'phone', 'nik', 'lapor', 'words']).nullable(),
    }),
  }),
  'complaints.count': method({
    summary: 'How many complaints match the queue filters (capped at 10,000, so counting stays fast).',
    access: 'officer',
    input: queueFilters,
    output: z.object({ total: z.number(), capped: z.boolean() }),
  }),
  'complaints.viewCounts': method({
    summary: 'How many complaints each saved view of the queue holds for the caller (each capped at 10,000).',
    access: 'officer',
    passive: true,
    input: empty,
    output: z.record(z.enum(queueViews), z.object({ total: z.number(), capped: z.boolean() })),
  }),
  'complaints.actMany': method({
    summary:
      'One action on several complaints (verify, forward to the recorded agency, done): each is its own transaction; the answer says which went through and why the others did not.',
    access: 'officer',
    input: z.strictObject({
      action: z.enum(['VERIFY', 'FORWARD', 'DONE']),
      ids: z.array(uuid).min(1).max(200),
    }),
    output: z.object({
      done: z.array(z.object({ id: z.string(), status: z.enum(complaintStatuses) })),
      refused: z.array(z.object({ id: z.string(), message: z.string() })),
    }),
  }),
  'complaints.act': method({
    summary: 'One step of the status flow, or a note: an event with who, when and why.',
    access: 'officer',
    input: complaintAction,
    output: z.object({ status: z.enum(complaintStatuses) }),
  }),
  'complaints.correct': method({
    summary:
      'Correct a recorded complaint: a supervisor any, an officer only one the review returned to them. A KOREKSI event keeps before and after.',
    access: 'officer',
    input: complaintCorrection,
    output: z.object({ changed: z.array(z.string()) }),
  }),
  'complaints.similar': method({
    summary: 'Open complaints with the same phone or NIK, or a very similar recent title at the same agency.',
    access: 'officer',
    input: z.strictObject({
      phone: z.string().max(40).optional(),
      nik: z.string().max(40).optional(),
      title: z.string().max(300).optional(),
      agencyCode: z.string().max(40).optional(),
      excludeId: z.string().max(64).optional(),
    }),
    output: z.array(similarComplaint),
  }),
  'complaints.earlier': method({
    summary:
      "A person's complaints, open or closed, newest first (at most 50): by typed phone and/or NIK, or by those of a recorded complaint, which is itself left out.",
    access: 'officer',
    input: z.strictObject({
      id: uuid.optional(),
      phone: z.string().max(40).optional(),
      nik: z.string().max(40).optional(),
    }),
    output: z.object({
      rows: z.array(complaintHit.extend({ currentDue: z.string().nullable() })),
      more: z.boolean(),
    }),
  }),
  'snippets.list': method({
    summary: 'Canned texts for the intake form (::keyword).',
    access: 'officer',
    input: empty,
    output: z.array(snippetView),
  }),
  'snippets.save': method({
    summary: 'Add or change a canned text (supervisor).',
    access: 'supervisor',
    input: z.strictObject({
      keyword: z
        .string()
        .max(100)
        .transform((s) => s.trim().toLowerCase())
        .pipe(z.string().regex(/^[a-z0-9-]{2,30}$/, { message: 'keyword' })),
      title: text(3, 100),
      body: text(10, 4000),
      active: z.boolean().default(true),
    }),
    output: snippetView,
  }),
  'drafts.get': method({
    summary: 'The signed-in officer’s half-typed intake form, if any.',
    access: 'officer',
    input: empty,
    output: z.object({ data: z.record(z.string(), z.unknown()), updatedAt: z.string() }).nullable(),
  }),
  'drafts.save': method({
    summary: 'Keep the half-typed intake form (encrypted) so a reload or crash brings it back.',
    access: 'officer',
    input: z.strictObject({
      data: z.record(z.string(), z.union([z.string().max(10_000), z.boolean(), z.number(), z.null()])),
    }),
    output: z.null(),
  }),
  'drafts.clear': method({
    summary: 'Forget the draft (after saving the complaint, or when the officer discards it).',
    access: 'officer',
    input: empty,
    output: z.null(),
  }),
  'complaints.stats': method({
    summary: 'How many complaints this desk holds, in total and today (WIB).',
    access: 'officer',
    input: z.strictObject({}),
    output: z.object({ total: z.number(), today: z.number() }),
  }),
};
