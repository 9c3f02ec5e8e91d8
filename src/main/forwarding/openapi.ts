/**
 * The central server contract as OpenAPI 3.1, built from the same zod schemas the desk sends and
 * validates with. `npm run openapi` writes docs/central-api.openapi.json; a test fails when the
 * committed document and the code disagree, and `npm run openapi:lint` runs Redocly's and Spectral's
 * recommended rules over it.
 */
import { z } from 'zod';
import { attachmentUpload } from './central-files';
import { attachmentPath } from './openapi-files';
import {
  changeRecord,
  changesLimit,
  changesPage,
  complaintRecord,
  dayRegisterRecord,
  deskCodeSchema,
  errorBody,
  eventRecord,
  forwardedEventKinds,
  healthBody,
  uuidV7,
} from './central-contract';
import { descriptions, overview } from './openapi-text';

type Json = Record<string, unknown>;

function componentSchemas(): Record<string, Json> {
  const all = z.toJSONSchema(
    z.object({
      complaintRecord,
      eventRecord,
      dayRegisterRecord,
      changeRecord,
      changesPage,
      errorBody,
      healthBody,
      attachmentUpload,
    }),
    { target: 'draft-2020-12' },
  ) as { $defs?: Record<string, Json> };
  // zod names the shared definitions $defs; in OpenAPI they live under components.schemas.
  const schemas = JSON.parse(
    JSON.stringify(all.$defs ?? {}).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as Record<string, Json>;
  // The event kinds as a discriminated union, so generators make one type per kind.
  schemas.Event = {
    ...schemas.Event,
    discriminator: {
      propertyName: 'kind',
      mapping: Object.fromEntries(forwardedEventKinds.map((k) => [k, `#/components/schemas/Event_${k}`])),
    },
  };
  return schemas;
}

export function buildOpenApi() {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const json = (schema: unknown) => ({ 'application/json': { schema } });
  const retryAfter = {
    'Retry-After': {
      description: 'Seconds, or an HTTP date, after which to try again (the desk waits at most an hour)',
      schema: { type: 'string' },
    },
  };
  const error = (description: string, retry = false) => ({
    description,
    content: json(ref('Error')),
    ...(retry ? { headers: retryAfter } : {}),
  });
  const auth = {
    '401': error('Token missing, wrong or revoked: the desk pauses all sending and alerts an admin'),
    '403': error('This desk is not allowed: the desk pauses all sending and alerts an admin'),
  };
  const retryable = {
    '408': error('The request took too long: retried', true),
    '429': error('Too many requests: retried after Retry-After', true),
    '500': error('Server error: retried with backoff (send Retry-After when known)', true),
    '503': error('Unavailable, e.g. maintenance: retried after Retry-After', true),
  };
  const writeRefusals = {
    '400': error('Malformed: not JSON, or the path id is not a UUIDv7. Parked on the desk'),
    '413': error('Body over 1 MiB. Parked on the desk'),
    '415': error('Content-Type is not application/json. Parked on the desk'),
    '422': error('Refused content (schema, id rules, deskCode). Parked on the desk for a supervisor'),
  };
  /** A schema for a parameter, without the $schema line zod adds. */
  const schemaOf = (schema: z.ZodType) => {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema) as Json;
    return rest;
  };
  const idParam = {
    name: 'id',
    in: 'path',
    required: true,
    description: "The desk's UUIDv7 of the complaint, lower case",
    schema: schemaOf(uuidV7),
  };
  const deskHeader = {
    name: 'X-Desk-Code',
    in: 'header',
    required: true,
    description: 'The code of the desk sending; equals the body’s deskCode and belongs to the token',
    schema: schemaOf(deskCodeSchema),
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'Meja Pengaduan: central server contract',
      version: '2.0.0',
      description: overview,
      contact: {
        name: 'Pengelola Meja Pengaduan, MPP Kabupaten Probolinggo',
        url: 'https://mpp.probolinggokab.go.id',
      },
      license: { name: 'Public domain (government work)', identifier: 'CC0-1.0' },
    },
    servers: [
      { url: 'https://pusat.example.go.id', description: 'The Pemkab’s central server (example address)' },
    ],
    security: [{ deskToken: [] }],
    tags: [
      { name: 'Pengaduan', description: 'Complaints as recorded on a desk' },
      { name: 'Riwayat', description: 'History events of a complaint' },
      { name: 'Lampiran', description: 'Files attached to complaints, uploaded by their SHA-256' },
      { name: 'Register', description: 'Daily registers closed by a desk’s supervisor' },
      { name: 'Perubahan', description: 'Changes made centrally, read back by each desk' },
      { name: 'Kesehatan', description: 'Reachability' },
    ],
    paths: {
      '/v1/complaints/{id}': {
        put: {
          operationId: 'putComplaint',
          tags: ['Pengaduan'],
          summary: 'Store a complaint as the desk recorded it',
          description: descriptions.putComplaint,
          parameters: [idParam, deskHeader],
          requestBody: { required: true, content: json(ref('Complaint')) },
          responses: {
            '201': {
              description: 'Stored the first time; the stored record',
              content: json(ref('Complaint')),
            },
            '200': {
              description: 'Already stored with the same canonical content (a retry); the stored record',
              content: json(ref('Complaint')),
            },
            ...writeRefusals,
            ...auth,
            '409': error('Same id, different content. Parked on the desk for a supervisor'),
            ...retryable,
          },
        },
      },
      '/v1/complaints/{id}/events': {
        post: {
          operationId: 'postEvent',
          tags: ['Riwayat'],
          summary: 'Append one history event (idempotent by the event id)',
          description: descriptions.postEvent,
          parameters: [idParam, deskHeader],
          requestBody: { required: true, content: json(ref('Event')) },
          responses: {
            '201': { description: 'Appended; the stored event', content: json(ref('Event')) },
            '200': {
              description: 'Already appended (a retry); the stored event',
              content: json(ref('Event')),
            },
            ...writeRefusals,
            ...auth,
            '404': error(
              'UNKNOWN_COMPLAINT: the complaint is not stored (the desk always sends it first). Parked',
            ),
            ...retryable,
          },
        },
      },
      '/v1/attachments/{sha256}': attachmentPath({ error, json, ref, schemaOf, deskHeader, auth, retryable }),
      '/v1/registers/{day}': {
        put: {
          operationId: 'putDayRegister',
          tags: ['Register'],
          summary: 'Store the daily register a supervisor closed (once per desk and day)',
          description: descriptions.putDayRegister,
          parameters: [
            {
              name: 'day',
              in: 'path',
              required: true,
              description: 'The WIB day the register closes; equals `day` in the body',
              schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            },
            deskHeader,
          ],
          requestBody: { required: true, content: json(ref('DayRegister')) },
          responses: {
            '201': {
              description: 'Stored the first time; the stored register',
              content: json(ref('DayRegister')),
            },
            '200': {
              description: 'Already stored with the same content (a retry); the stored register',
              content: json(ref('DayRegister')),
            },
            ...writeRefusals,
            ...auth,
            '409': error(
              'A different register for the same desk and day. Parked on the desk for a supervisor',
            ),
            ...retryable,
          },
        },
      },
      '/v1/changes': {
        get: {
          operationId: 'getChanges',
          tags: ['Perubahan'],
          summary: 'Changes made centrally to this desk’s complaints, oldest first',
          description: descriptions.getChanges,
          parameters: [
            {
              name: 'after',
              in: 'query',
              required: false,
              description: 'The `next` of the previous page; empty or absent for the start',
              schema: { type: 'string', maxLength: 200 },
            },
            {
              name: 'limit',
              in: 'query',
              required: false,
              description: 'Most changes on the page',
              schema: {
                type: 'integer',
                minimum: 1,
                maximum: changesLimit.max,
                default: changesLimit.default,
              },
            },
            deskHeader,
          ],
          responses: {
            '200': {
              description: 'A page of changes and the next cursor',
              content: json(ref('ChangesPage')),
            },
            '400': error('Unknown cursor or limit out of range'),
            ...auth,
            ...retryable,
          },
        },
      },
      '/v1/health': {
        get: {
          operationId: 'getHealth',
          tags: ['Kesehatan'],
          summary: 'Reachability',
          description: descriptions.health,
          security: [],
          responses: {
            '200': { description: 'Up: exactly this body', content: json(ref('Health')) },
            '429': error('Too many requests: the desk asks again later', true),
            '503': error('Down for maintenance: the desk asks again in a few seconds', true),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        deskToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The desk token issued by the central server’s admin for one desk code',
        },
      },
      schemas: componentSchemas(),
    },
  };
}
