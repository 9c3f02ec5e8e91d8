/** The audit trail's method. */
import type { Handlers } from '../platform/handlers';
import type { Audit } from './audit';

export function auditHandlers(audit: Audit) {
  return {
    'audit.list': (input) => audit.list(input.limit, input.beforeId),
  } satisfies Handlers<'audit'>;
}
