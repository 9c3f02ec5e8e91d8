import { z } from 'zod';
import { complaintStatuses, complaintTypes, eventKinds } from '../domain/complaint';
import { isoDate, optionalText, text, uuid } from './common';
import { method } from './define';

const flag = z.boolean().default(false);

/** What the intake form sends. Identity is optional only for Anonim reports. */
export const complaintInput = z.strictObject({
  type: z.enum(complaintTypes),
  channel: z.string().min(1).max(40),
  title: text(10, 150),
  body: text(30, 8000),
  incidentDate: isoDate.optional(),
  kecamatanCode: z.string().max(20).optional(),
  desaCode: z.string().max(20).optional(),
  locationDetail: optionalText(300),
  categoryId: z.number().int().positive().optional(),
  subcategoryId: z.number().int().positive().optional(),
  agencyCode: z.string().min(1).max(40),
  supervisory: flag,
  anonymous: flag,
  confidential: flag,
  complainantName: optionalText(100),
  nik: optionalText(40),
  phone: optionalText(40),
  email: optionalText(254),
  address: optionalText(300),
});
export type ComplaintInput = z.input<typeof complaintInput>;

export const deadlinesView = z.object({
  verifyBy: z.string(),
  followUpBy: z.string(),
  answerBy: z.string(),
});

export const complaintView = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  type: z.enum(complaintTypes),
  channel: z.string(),
  title: z.string(),
  body: z.string(),
  incidentDate: z.string().nullable(),
  kecamatanCode: z.string().nullable(),
  desaCode: z.string().nullable(),
  locationDetail: z.string().nullable(),
  categoryId: z.number().nullable(),
  subcategoryId: z.number().nullable(),
  agencyCode: z.string(),
  supervisory: z.boolean(),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  complainantName: z.string().nullable(),
  /** Masked unless revealed: 3513********0001. */
  nik: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  officerName: z.string(),
  status: z.enum(complaintStatuses),
  receivedAt: z.string(),
  deadlines: deadlinesView,
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
});

export const complaintMethods = {
  'complaints.create': method({
    summary: 'Record a complaint: row, first history event and search row in one durable transaction.',
    access: 'officer',
    input: complaintInput,
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
  'complaints.stats': method({
    summary: 'How many complaints this desk holds, in total and today (WIB).',
    access: 'officer',
    input: z.strictObject({}),
    output: z.object({ total: z.number(), today: z.number() }),
  }),
};
