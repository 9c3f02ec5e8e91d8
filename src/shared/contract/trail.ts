/** The tamper-evident trail: checking the hash chain over the audit trail and the history. */
import { z } from 'zod';
import { method } from './define';

export const trailReport = z.object({
  ok: z.boolean(),
  checked: z.object({ audit: z.number(), events: z.number() }),
  head: z.object({
    audit: z.object({ id: z.number(), hash: z.string() }).nullable(),
    events: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  }),
  problem: z
    .object({
      table: z.enum(['audit_log', 'complaint_events']),
      id: z.string(),
      chainSeq: z.number().nullable(),
      reason: z.enum(['changed', 'gap', 'unchained', 'seal']),
    })
    .nullable(),
  registerMismatch: z.string().nullable(),
  ms: z.number(),
});
export type TrailReportView = z.infer<typeof trailReport>;

export const trailMethods = {
  'trail.verify': method({
    summary:
      'Checks the whole hash chain over the audit trail and the complaint history, and the chain heads recorded on the daily registers; names the first row that does not fit (supervisor).',
    access: 'supervisor',
    input: z.strictObject({}),
    output: trailReport,
  }),
};
