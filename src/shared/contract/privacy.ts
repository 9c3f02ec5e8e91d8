/** Personal data and the person's rights (UU 27/2022): find, copy, erase, legal holds, retention. */
import { z } from 'zod';
import { complaintStatuses } from '../domain/complaint';
import { text, uuid } from './common';
import { method } from './define';

/** NIK or phone (either or both), as the person gives it. */
const person = z
  .strictObject({ nik: z.string().max(40).optional(), phone: z.string().max(40).optional() })
  .refine((p) => Boolean(p.nik || p.phone), { message: 'personKey', path: ['nik'] });

export const personRecord = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  receivedAt: z.string(),
  status: z.enum(complaintStatuses),
  title: z.string(),
  purgedAt: z.string().nullable(),
  hold: z.object({ reason: z.string(), setAt: z.string() }).nullable(),
  /** Messages still to reach the central server: not erased until they have. */
  waiting: z.boolean(),
});

export const privacyMethods = {
  'privacy.find': method({
    summary: 'Every record of one person, by NIK or phone (supervisor; audited).',
    access: 'supervisor',
    input: z.strictObject({ person }),
    output: z.array(personRecord),
  }),
  'privacy.copy': method({
    summary:
      'The person’s copy of all the desk holds about them, personal fields in full (supervisor; audited).',
    access: 'supervisor',
    input: z.strictObject({ person, reason: text(5, 300) }),
    output: z.object({ url: z.string().nullable(), file: z.string().nullable(), records: z.number() }),
  }),
  'privacy.erase': method({
    summary:
      'Erases the person’s personal data on request, except records under a legal hold or not yet delivered (supervisor; audited).',
    access: 'supervisor',
    input: z.strictObject({ person, reason: text(5, 300) }),
    output: z.object({
      erased: z.number(),
      held: z.array(z.string()),
      waiting: z.array(z.string()),
      drafts: z.number(),
    }),
  }),
  'privacy.hold': method({
    summary:
      'Puts a record under a legal hold (with a reason) or lifts it (reason null) (supervisor; audited).',
    access: 'supervisor',
    input: z.strictObject({ id: uuid, reason: text(5, 300).nullable() }),
    output: z.object({ held: z.boolean() }),
  }),
  'privacy.purgeExpired': method({
    summary:
      'Runs the retention schedule now: personal data of complaints closed before the retention period, and old drafts (admin; audited).',
    access: 'admin',
    input: z.strictObject({}),
    output: z.object({
      closedBefore: z.string(),
      purged: z.number(),
      held: z.number(),
      waiting: z.number(),
      drafts: z.number(),
      ms: z.number(),
    }),
  }),
};
