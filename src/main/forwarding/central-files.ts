/**
 * The central contract's files: what a complaint or an event says of a file, and the upload state the
 * server answers on /v1/attachments/{sha256} (upload.ts sends, openapi-files.ts documents).
 */
import { z } from 'zod';

/** The file types a desk keeps and sends: images re-encoded on the desk, and PDFs as received. */
export const attachmentMediaTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
/** Files go up in pieces of at most chunkBytes; a whole file is at most maxBytes. */
export const attachmentLimits = { chunkBytes: 1024 * 1024, maxBytes: 50 * 1024 * 1024 } as const;
export const sha256Hex = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('SHA-256 of the file’s bytes, lower-case hex: the file’s name on the server');
const attachmentSize = z.number().int().min(1).max(attachmentLimits.maxBytes);

/**
 * How much of a file the server holds: what it answers to GET and to each PATCH of
 * /v1/attachments/{sha256}. `complete` only once all `size` bytes arrived and their SHA-256 is the path's.
 */
export const attachmentUpload = z
  .object({
    sha256: sha256Hex,
    size: attachmentSize.describe('The whole file’s length in bytes, as the first PATCH declared it'),
    received: z
      .number()
      .int()
      .min(0)
      .max(attachmentLimits.maxBytes)
      .describe('Bytes held from the start of the file: the Upload-Offset of the next PATCH'),
    complete: z.boolean(),
  })
  .meta({ id: 'AttachmentUpload' });
export type AttachmentUpload = z.infer<typeof attachmentUpload>;

/** A file as a complaint or an event names it; its bytes are uploaded before (PATCH /v1/attachments). */
export const attachmentRef = {
  sha256: sha256Hex,
  mediaType: z.enum(attachmentMediaTypes),
  size: attachmentSize,
  personal: z
    .boolean()
    .describe('Marked on the desk as holding personal data (an ID card, say): show it only to those allowed'),
};
