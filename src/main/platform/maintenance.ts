/**
 * Housekeeping that must not sit inside an officer's save: a WAL checkpoint once the desk has been
 * quiet for a moment, and PRAGMA optimize (fresh planner statistics) when the database closes.
 *
 * "Quiet" between calls is not quiet inside one: an export streams its rows through an open
 * statement across awaits for seconds, and SQLite refuses any other statement on the connection
 * meanwhile ("This database connection is busy"). The checkpoint then waits for the next quiet
 * moment instead of throwing out of a timer, which would take the whole main process down.
 */
import type { Sqlite } from './database';

const busy = (e: unknown) => e instanceof TypeError && /connection is busy/.test(e.message);

export function createMaintenance(sqlite: Sqlite, quietMs = 2000) {
  let timer: NodeJS.Timeout | null = null;
  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!sqlite.open) return;
      try {
        sqlite.pragma('wal_checkpoint(PASSIVE)');
      } catch (e) {
        if (!busy(e)) throw e;
        schedule();
      }
    }, quietMs);
    timer.unref();
  }
  return {
    /** Called after each API call; the checkpoint waits until calls stop for quietMs. */
    touch: schedule,
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (sqlite.open) sqlite.pragma('optimize');
    },
  };
}
