import { z } from 'zod';
import { empty } from './common';
import { method } from './define';

export const forwardingStatus = z.object({
  configured: z.boolean(),
  enabled: z.boolean(),
  connection: z.enum(['online', 'offline', 'unknown', 'paused', 'disabled']),
  pausedReason: z.string().nullable(),
  waiting: z.number(),
  parked: z.number(),
  oldestWaitingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  alarm: z.boolean(),
});

export const forwardingMethods = {
  'forwarding.status': method({
    summary: 'Connection state, records waiting and parked, oldest waiting, last success, alarm.',
    access: 'officer',
    passive: true,
    input: empty,
    output: forwardingStatus,
  }),
  'forwarding.sendNow': method({
    summary: 'Kirim sekarang: try to send everything waiting and fetch central changes now.',
    access: 'officer',
    input: empty,
    output: forwardingStatus,
  }),
  'forwarding.parked': method({
    summary: 'Records the server refused, with its message, for a supervisor to fix and resend.',
    access: 'supervisor',
    input: empty,
    output: z.array(
      z.object({
        id: z.number(),
        complaintId: z.string(),
        kind: z.enum(['complaint', 'event']),
        lastStatus: z.number().nullable(),
        lastError: z.string().nullable(),
        receiptNumber: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
  }),
  'forwarding.resend': method({
    summary: 'Send a parked record again (after fixing the complaint).',
    access: 'supervisor',
    input: z.strictObject({ id: z.number().int().positive() }),
    output: z.object({ resent: z.boolean() }),
  }),
  'forwarding.settings': method({
    summary: 'Central server settings (admin); the token itself is never returned.',
    access: 'admin',
    input: empty,
    output: z.object({
      url: z.string(),
      tokenSet: z.boolean(),
      caCertificate: z.string(),
      enabled: z.boolean(),
    }),
  }),
  'forwarding.saveSettings': method({
    summary: 'Set the central server URL, token, extra CA certificate, on/off (admin).',
    access: 'admin',
    input: z.strictObject({
      url: z
        .string()
        .max(300)
        .transform((s) => s.trim())
        .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'url' })])),
      token: z.string().max(500).optional(),
      caCertificate: z
        .string()
        .max(20_000)
        .refine(
          (s) => s.trim() === '' || /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(s),
          { message: 'pem' },
        )
        .optional(),
      enabled: z.boolean(),
    }),
    output: z.object({
      url: z.string(),
      tokenSet: z.boolean(),
      caCertificate: z.string(),
      enabled: z.boolean(),
    }),
  }),
  'forwarding.resume': method({
    summary: 'Resume sending after a 401/403 pause (admin).',
    access: 'admin',
    input: empty,
    output: forwardingStatus,
  }),
};
