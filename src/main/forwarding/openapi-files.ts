/** The OpenAPI path of the central contract's files (GET and PATCH /v1/attachments/{sha256}). */
import { z } from 'zod';
import { attachmentLimits, sha256Hex } from './central-files';
import { descriptions } from './openapi-text';

type Json = Record<string, unknown>;
/** The pieces of openapi.ts every path is made of. */
interface Parts {
  error: (description: string, retry?: boolean) => Json;
  json: (schema: unknown) => Json;
  ref: (name: string) => Json;
  schemaOf: (schema: z.ZodType) => Json;
  deskHeader: Json;
  auth: Record<string, Json>;
  retryable: Record<string, Json>;
}

export function attachmentPath({ error, json, ref, schemaOf, deskHeader, auth, retryable }: Parts) {
  return {
    parameters: [
      {
        name: 'sha256',
        in: 'path',
        required: true,
        description: 'SHA-256 of the whole file, lower-case hex',
        schema: schemaOf(sha256Hex),
      },
      deskHeader,
    ],
    get: {
      operationId: 'getAttachment',
      tags: ['Lampiran'],
      summary: 'How much of a file the server holds',
      description: descriptions.getAttachment,
      responses: {
        '200': { description: 'The file’s upload state', content: json(ref('AttachmentUpload')) },
        '404': error('No byte of this file is held: the desk starts at offset 0'),
        '400': error('The path is not a lower-case SHA-256. Parked on the desk'),
        ...auth,
        ...retryable,
      },
    },
    patch: {
      operationId: 'patchAttachment',
      tags: ['Lampiran'],
      summary: 'Append one piece of a file at the offset the server holds',
      description: descriptions.patchAttachment,
      parameters: [
        {
          name: 'Upload-Offset',
          in: 'header',
          required: true,
          description: 'Where this piece starts in the file: the `received` the server answered last',
          schema: { type: 'integer', minimum: 0, maximum: attachmentLimits.maxBytes },
        },
        {
          name: 'Upload-Length',
          in: 'header',
          required: true,
          description: 'The whole file’s length in bytes, the same on every piece',
          schema: { type: 'integer', minimum: 1, maximum: attachmentLimits.maxBytes },
        },
      ],
      requestBody: {
        required: true,
        description: `The piece: at most ${attachmentLimits.chunkBytes} bytes (1 MiB)`,
        content: {
          'application/offset+octet-stream': {
            schema: { type: 'string', contentMediaType: 'application/octet-stream' },
          },
        },
      },
      responses: {
        '200': {
          description: 'Stored (or the file was already whole: nothing stored); the upload state after it',
          content: json(ref('AttachmentUpload')),
        },
        '400': error(
          'Headers missing or not integers, an empty piece, or a path that is not a SHA-256. Parked',
        ),
        ...auth,
        '409': error(
          'Upload-Offset is not what the server holds: the desk asks (GET) and goes on from there',
        ),
        '413': error('A piece over 1 MiB, or a file over 50 MiB. Parked on the desk'),
        '415': error('Content-Type is not application/offset+octet-stream. Parked on the desk'),
        '422': error(
          'Upload-Length differs from the first piece’s, a piece goes past it, or the whole file’s SHA-256 is not the path’s (the partial file is dropped). Parked',
        ),
        ...retryable,
      },
    },
  };
}
