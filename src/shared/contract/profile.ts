/** A desk's profile: settings, time limits, reference-data edits, printers, central server (no token). */
import { z } from 'zod';
import { empty } from './common';
import { method } from './define';

export const profileMethods = {
  'profile.export': method({
    summary:
      'The desk’s profile as a JSON file for setting up the next counter: settings, time limits, reference-data edits, printers, central server URL without the token (admin).',
    access: 'admin',
    input: empty,
    output: z.object({ text: z.string(), fileName: z.string() }),
  }),
  'profile.import': method({
    summary:
      'Applies a profile file: every part validated as the method that sets it validates it, all applied or none, the line at fault named (admin; audited).',
    access: 'admin',
    input: z.strictObject({ text: z.string().min(2).max(2_000_000) }),
    output: z.object({
      applied: z.record(z.string(), z.number()),
      skippedRules: z.number(),
      tokenNeeded: z.boolean(),
    }),
  }),
};
