/**
 * Housekeeping that must not sit inside an officer's save: a WAL checkpoint once the desk has been
 * quiet for a moment, and PRAGMA optimize (fresh planner statistics) when the database closes.
 */
import type { Sqlite } from './database';

export function createMaintenance(sqlite: Sqlite, quietMs = 2000) {
  let timer: NodeJS.Timeout | null = null;
  return {
    /** Called after each API call; the checkpoint waits until calls stop for quietMs. */
    touch() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        if (sqlite.open) sqlite.pragma('wal_checkpoint(PASSIVE)');
      }, quietMs);
      timer.unref();
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (sqlite.open) sqlite.pragma('optimize');
    },
  };
}
