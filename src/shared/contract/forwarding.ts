import { z } from 'zod';
import { empty, uuid } from './common';
import { method } from './define';

export const forwardingStatus = z.object({
  configured: z.boolean(),
  enabled: z.boolean(),
  connection: z.enum(['online', 'offline', 'unknown', 'paused', 'disabled']),
  pausedReason: z.string().nullable(),
  /** Waiting to be sent (not counting those held behind a parked record). */
  waiting: z.number(),
  /** Events held behind their complaint's parked record: they go once it is resent. */
  held: z.number(),
  parked: z.number(),
  oldestWaitingAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  /** A record waited an hour of reachable time, or sending is paused. */
  alarm: z.boolean(),
  /** A standing warning: the saved URL is refused (plain http), or plain http is allowed for a host. */
  warning: z.enum(['urlRefused', 'plainHttp']).nullable(),
  plainHttpHost: z.string().nullable(),
  /** The last failure of the desk's own sending work (a bug, not the server), until that work succeeds. */
  workerError: z.object({ at: z.string(), task: z.string(), message: z.string() }).nullable(),
});

const settingsView = z.object({
  url: z.string(),
  tokenSet: z.boolean(),
  caCertificate: z.string(),
  enabled: z.boolean(),
  plainHttpHost: z.string(),
  pullEverySeconds: z.number(),
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
        kind: z.enum(['complaint', 'event', 'register', 'attachment']),
        lastStatus: z.number().nullable(),
        lastError: z.string().nullable(),
        receiptNumber: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
  }),
  'forwarding.resend': method({
    summary:
      'Send one record again, whatever its state (a parked complaint goes with its current content); the server is idempotent.',
    access: 'supervisor',
    input: z.strictObject({ id: z.number().int().positive() }),
    output: z.object({ resent: z.boolean() }),
  }),
  'forwarding.resendComplaint': method({
    summary: 'Send a complaint and all of its history again, in order (after a loss on the central side).',
    access: 'supervisor',
    input: z.strictObject({ complaintId: uuid }),
    output: z.object({ messages: z.number() }),
  }),
  'forwarding.settings': method({
    summary: 'Central server settings (admin); the token itself is never returned.',
    access: 'admin',
    input: empty,
    output: settingsView,
  }),
  'forwarding.saveSettings': method({
    summary:
      'Set the central server URL (https; http only on loopback or the one host allowed), token, extra CA, pull interval, on/off (admin).',
    access: 'admin',
    input: z
      .strictObject({
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
        /** The one host an admin allows over plain http; '' withdraws it. */
        plainHttpHost: z
          .string()
          .max(253)
          .transform((s) => s.trim().toLowerCase())
          .pipe(
            z.union([
              z.literal(''),
              z.string().regex(/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/, { message: 'host' }),
            ]),
          )
          .optional(),
        pullEverySeconds: z.number().int().min(15).max(3600).optional(),
      })
      .superRefine((input, issues) => {
        if (!input.url) return;
        const url = new URL(input.url);
        // https or loopback is checked in main, against the stored allowed host when none is sent.
        if (url.username || url.password || url.search || url.hash)
          issues.addIssue({ code: 'custom', path: ['url'], message: 'urlPlain' });
      }),
    output: settingsView,
  }),
  'forwarding.resume': method({
    summary: 'Resume sending after a 401/403 pause (admin).',
    access: 'admin',
    input: empty,
    output: forwardingStatus,
  }),
};
