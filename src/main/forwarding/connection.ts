/**
 * Whether the central server is reachable, and since when. Outages are recorded so the waiting alarm
 * counts reachable time only: a record waiting through a two-day outage is normal; one waiting an hour
 * while the server answers is not.
 */
import type { SyncState } from './state';

export type Connection = 'online' | 'offline' | 'unknown';
type Outage = { from: string; to: string | null };

export function createConnection(state: SyncState, clock: () => Date) {
  let current: Connection = 'unknown';
  return {
    get: () => current,
    set(next: 'online' | 'offline') {
      if (next === current) return;
      const now = clock().toISOString();
      const outages = state.get<Outage[]>('outages') ?? [];
      if (next === 'offline') outages.push({ from: now, to: null });
      else if (outages.length && outages.at(-1)!.to === null) outages.at(-1)!.to = now;
      state.set('outages', outages.slice(-500));
      current = next;
    },
    /** After the PC slept, nothing known before still holds. */
    forget() {
      current = 'unknown';
    },
    /** Milliseconds since `fromIso` during which the server was not known to be unreachable. */
    reachableSince(fromIso: string): number {
      const from = Date.parse(fromIso);
      const now = clock().getTime();
      let offline = 0;
      for (const o of state.get<Outage[]>('outages') ?? []) {
        const a = Math.max(from, Date.parse(o.from));
        const b = Math.min(now, o.to ? Date.parse(o.to) : now);
        if (b > a) offline += b - a;
      }
      return now - from - offline;
    },
  };
}
export type ConnectionState = ReturnType<typeof createConnection>;
