/**
 * Lampiran: the photos and documents a citizen brings as evidence. A file goes up in chunks
 * (attachments.upload: at most 1 MiB each, so every call fits the API's body limit on both shells,
 * and a broken connection resumes from what arrived), then attachments.add checks, re-encodes and
 * keeps it on a record.
 */
import { z } from 'zod';
import { text, uuid } from './common';
import { method } from './define';

export const attachmentMimes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentMime = (typeof attachmentMimes)[number];
/** Bytes of one chunk, before base64. */
export const uploadChunkBytes = 1024 * 1024;

export const attachmentView = z.object({
  id: uuid,
  complaintId: uuid,
  /** The file's name as it came; '' while masked. */
  name: z.string(),
  mime: z.enum(attachmentMimes),
  bytes: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  personal: z.boolean(),
  keepsLocation: z.boolean(),
  addedAt: z.string(),
  addedBy: z.string(),
  /** data:image/webp;base64,… ; null for a PDF, and while masked. */
  thumbnail: z.string().nullable(),
  /** Held back: it holds personal data (a supervisor opens it with a reason, which is audited). */
  masked: z.boolean(),
});

export const attachmentMethods = {
  'attachments.upload': method({
    summary:
      'One chunk of a file on its way in (base64, at most 1 MiB of bytes); answers how much has arrived.',
    access: 'officer',
    input: z.strictObject({
      uploadId: uuid,
      /** Where this chunk starts; a resend of a chunk that arrived is ignored. */
      offset: z.number().int().min(0),
      /** The whole file's size. */
      total: z.number().int().min(1),
      chunk: z
        .string()
        .max(Math.ceil(uploadChunkBytes / 3) * 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'base64' }),
    }),
    output: z.object({ received: z.number() }),
  }),
  'attachments.add': method({
    summary:
      'Keep an uploaded file on a record: its type checked by content, an image re-encoded and its thumbnail made; a history event.',
    access: 'officer',
    input: z.strictObject({
      uploadId: uuid,
      complaintId: uuid,
      name: text(1, 200),
      personal: z.boolean().default(false),
      keepLocation: z.boolean().default(false),
    }),
    output: attachmentView,
  }),
  'attachments.list': method({
    summary: "A record's attachments with their thumbnails; those holding personal data masked.",
    access: 'officer',
    input: z.strictObject({ complaintId: uuid }),
    output: z.object({ attachments: z.array(attachmentView) }),
  }),
  'attachments.open': method({
    summary:
      'The whole file, to view or save out; one holding personal data only for a supervisor with a reason, audited.',
    access: 'officer',
    input: z.strictObject({ id: uuid, reason: text(5, 300).optional() }),
    output: z.object({ name: z.string(), mime: z.enum(attachmentMimes), dataUrl: z.string() }),
  }),
  'attachments.mark': method({
    summary: 'Say whether an attachment holds personal data (then it is masked); audited.',
    access: 'officer',
    input: z.strictObject({ id: uuid, personal: z.boolean() }),
    output: attachmentView,
  }),
  'attachments.remove': method({
    summary:
      'Take an attachment off its record, with a reason (a history event); its content goes when nothing shows it.',
    access: 'officer',
    input: z.strictObject({ id: uuid, reason: text(5, 300) }),
    output: z.object({ removed: z.boolean() }),
  }),
};
