/**
 * The central server contract as OpenAPI 3.1, built from the same zod schemas the desk sends and
 * validates with. `npm run openapi` writes docs/central-api.openapi.json; a test fails when the
 * committed document and the code disagree.
 */
import { z } from 'zod';
import {
  changeRecord,
  changesPage,
  complaintRecord,
  errorBody,
  eventRecord,
  healthBody,
} from './central-contract';

export function buildOpenApi() {
  const all = z.toJSONSchema(
    z.object({ complaintRecord, eventRecord, changeRecord, changesPage, errorBody, healthBody }),
    {
      target: 'draft-2020-12',
    },
  ) as { $defs?: Record<string, unknown> };
  // zod names the shared definitions $defs; in OpenAPI they live under components.schemas.
  const schemas = JSON.parse(
    JSON.stringify(all.$defs ?? {}).replaceAll('"#/$defs/', '"#/components/schemas/'),
  ) as Record<string, unknown>;
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const json = (schema: unknown) => ({ 'application/json': { schema } });
  const error = (description: string, retryAfter = false) => ({
    description,
    content: json(ref('Error')),
    ...(retryAfter
      ? {
          headers: { 'Retry-After': { schema: { type: 'string' }, description: 'Seconds, or an HTTP date' } },
        }
      : {}),
  });
  const common = {
    '401': error('Token missing or wrong: the desk pauses all sending and alerts an admin'),
    '403': error('Desk not allowed: the desk pauses all sending and alerts an admin'),
    '429': error('Too many requests: retried after Retry-After', true),
    '503': error('Unavailable (maintenance): retried after Retry-After', true),
  };
  const id = {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string', format: 'uuid' },
    description: "The desk's UUIDv7 of the complaint",
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Meja Pengaduan: central server contract',
      version: '1.0.0',
      description:
        'What a complaint desk sends to and reads from the central server. Every write is idempotent by the UUID made on the desk, so a desk that retries after a lost answer causes no duplicate.',
    },
    servers: [{ url: 'https://pusat.example.go.id' }],
    security: [{ deskToken: [] }],
    paths: {
      '/v1/complaints/{id}': {
        put: {
          summary: 'Store a complaint as the desk recorded it',
          parameters: [id, { name: 'X-Desk-Code', in: 'header', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: json(ref('Complaint')) },
          responses: {
            '201': { description: 'Stored the first time', content: json(ref('Complaint')) },
            '200': {
              description: 'Already stored with the same content (a retry)',
              content: json(ref('Complaint')),
            },
            '409': error('Same id, different content: parked on the desk for a supervisor'),
            '422': error('Refused content: parked on the desk for a supervisor'),
            ...common,
          },
        },
      },
      '/v1/complaints/{id}/events': {
        post: {
          summary: 'Append one history event (idempotent by the event id)',
          parameters: [id, { name: 'X-Desk-Code', in: 'header', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: json(ref('Event')) },
          responses: {
            '201': { description: 'Appended', content: json(ref('Event')) },
            '200': { description: 'Already appended (a retry)', content: json(ref('Event')) },
            '404': error('Complaint unknown: the desk always sends the complaint first'),
            '422': error('Refused content: parked on the desk'),
            ...common,
          },
        },
      },
      '/v1/changes': {
        get: {
          summary:
            'Changes made centrally (verification, disposition, follow-up, done, LAPOR! ID), oldest first',
          parameters: [
            {
              name: 'after',
              in: 'query',
              required: false,
              schema: { type: 'string' },
              description: 'The cursor from the previous page; empty for the start',
            },
            {
              name: 'limit',
              in: 'query',
              required: false,
              schema: { type: 'integer', minimum: 1, maximum: 500 },
            },
            { name: 'X-Desk-Code', in: 'header', required: true, schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'A page of changes and the next cursor',
              content: json(ref('ChangesPage')),
            },
            ...common,
          },
        },
      },
      '/v1/health': {
        get: {
          summary: 'Reachability',
          security: [],
          responses: { '200': { description: 'Up', content: json(ref('Health')) } },
        },
      },
    },
    components: {
      securitySchemes: {
        deskToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The desk token from the central server admin',
        },
      },
      schemas,
    },
  };
}
