/**
 * What other features may use of forwarding: the outbox writer, the port for rebuilding bodies, and
 * the central contract's records (the complaints feature builds them).
 */
export type { Outbox } from './outbox';
export type { Rebuild } from './store';
export {
  correctableFields,
  forwardedEventKinds,
  type ChangeRecord,
  type ComplaintRecord,
  type EventRecord,
  type ForwardedEventKind,
} from './central-contract';
