/** The trail feature's method. */
import { actor, type Handlers } from '../platform/handlers';
import type { AuditTrail } from '../platform/audit-trail';
import type { Trail } from './trail';

export function trailHandlers(trail: Trail, audit: AuditTrail) {
  return {
    'trail.verify': async (_input, call) => {
      const report = await trail.verify();
      // The check itself is on the record, with what it found.
      audit.record(actor(call), 'trail.verify', null, {
        ok: report.ok,
        problem: report.problem,
        registerMismatch: report.registerMismatch,
      });
      return report;
    },
  } satisfies Handlers<'trail'>;
}
