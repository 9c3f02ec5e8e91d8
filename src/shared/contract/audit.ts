/** The audit trail as a supervisor reads it. */
import { z } from 'zod';
import { method } from './define';

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.string().nullable(),
});

export const auditMethods = {
  'audit.list': method({
    summary: 'The newest audit entries (supervisor).',
    access: 'supervisor',
    input: z.strictObject({
      limit: z.number().int().min(1).max(500).default(100),
      beforeId: z.number().int().positive().optional(),
    }),
    output: z.array(auditEntry),
  }),
};
