/** How the forwarding worker is tuned: the shells give the proxy, tests shorten the waits. */
import type { ProxyResolver } from './http';

export interface ForwardingOptions {
  /** Lanes of the sending pool: complaints in flight at once. */
  concurrency?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
  /** Alarm when a record has waited longer than this while the server was reachable. */
  alarmAfterMs?: number;
  /** While the server is unreachable, how often to ask /v1/health whether it is back. */
  healthProbeMs?: number;
  /** Answers that do not fit the contract, in a row, before a record is parked. */
  maxInvalidAnswers?: number;
  /** Overrides the pull interval from settings (tests). */
  pullEveryMs?: number;
  /** The proxy for a URL: the system's in the desktop shell, the environment's in browser mode. */
  proxyFor?: ProxyResolver;
}
