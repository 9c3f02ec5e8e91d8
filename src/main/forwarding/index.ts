/**
 * What other features may use of forwarding: the outbox writer, the port for rebuilding bodies, and
 * the central contract's records (the complaints feature builds them).
 */
export { registerLane, type Outbox } from './outbox';
export type { Rebuild } from './store';
export {
  canonicalJson,
  correctableFields,
  forwardedEventKinds,
  type ChangeRecord,
  type ComplaintRecord,
  type DayRegisterRecord,
  type EventRecord,
  type ForwardedEventKind,
} from './central-contract';

/**
 * How far a complaint's records have reached the central server, as an SQL expression over a
 * complaints row aliased `c`: 'parked', 'waiting', 'sent', or NULL when nothing was queued.
 * Forwarding owns the outbox; other features read delivery only through this.
 */
export const deliverySql = `(SELECT CASE WHEN sum(o.state = 'parked') > 0 THEN 'parked'
  WHEN sum(o.state = 'pending') > 0 THEN 'waiting' WHEN count(*) > 0 THEN 'sent' END
  FROM outbox o WHERE o.complaint_id = c.id)`;
