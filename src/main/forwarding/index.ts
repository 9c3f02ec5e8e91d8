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
 * complaints row aliased `c`: 'parked', 'waiting', 'sent', or NULL when nothing was queued. The
 * outbox's triggers keep it on the row (migration 0017), so a page of records reads no outbox.
 * Forwarding owns the outbox; other features read delivery only through this.
 */
export const deliverySql = 'c.delivery';

/**
 * Whether the central server still waits for a file's bytes, as an SQL expression: an unsent
 * 'attachment' message names the SHA-256 that `sha256` (an SQL expression, `?` to bind it) gives
 * (the attachments feature keeps a removed file's content until then).
 */
export const fileAwaitedSql = (sha256: string) => `EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'attachment'
  AND o.state <> 'sent' AND o.payload_enc = json_object('sha256', ${sha256}))`;

/**
 * The same answer for many complaints at once (a year's report): a join over only the undelivered
 * rows (few, through the outbox_unsent index) plus an existence check, instead of a grouped lookup per
 * complaint. `join` goes after `FROM complaints c`, `column` into the select list.
 */
export const deliveryManySql = {
  // INDEXED BY: left to itself the planner walks every outbox row for the GROUP BY's order.
  join: `LEFT JOIN (SELECT o.complaint_id, max(o.state = 'parked') AS parked FROM outbox o INDEXED BY outbox_unsent
    WHERE o.state <> 'sent' GROUP BY o.complaint_id) undelivered ON undelivered.complaint_id = c.id`,
  column: `CASE WHEN undelivered.parked THEN 'parked' WHEN undelivered.complaint_id IS NOT NULL THEN 'waiting'
    WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.complaint_id = c.id) THEN 'sent' END`,
};
