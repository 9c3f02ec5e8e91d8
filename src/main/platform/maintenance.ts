/**
 * Housekeeping that must not sit inside an officer's save: a WAL checkpoint once the desk has been
 * quiet for a moment or, on a desk that is never quiet, between calls once enough has been written;
 * and PRAGMA optimize (fresh planner statistics) when the database closes.
 *
 * "Quiet" between calls is not quiet inside one: an export streams its rows through an open
 * statement across awaits for seconds, and SQLite refuses any other statement on the connection
 * meanwhile ("This database connection is busy"). The checkpoint then waits for the next quiet
 * moment instead of throwing out of a timer, which would take the whole main process down.
 */
import type { Sqlite } from './database';

const busy = (e: unknown) => e instanceof TypeError && /connection is busy/.test(e.message);

export function createMaintenance(sqlite: Sqlite, quietMs = 2000, changesPerCheckpoint = 200) {
  const totalChanges = sqlite.prepare('SELECT total_changes()').pluck();
  let checkpointedAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let soon = false;

  /** A PASSIVE checkpoint; false when a streamed read holds the connection (try again later). */
  function checkpoint(): boolean {
    if (!sqlite.open) return true;
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
      checkpointedAt = totalChanges.get() as number;
      return true;
    } catch (e) {
      if (!busy(e)) throw e;
      return false;
    }
  }
  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!checkpoint()) schedule();
    }, quietMs);
    timer.unref();
  }
  return {
    /** Called before each API call; the checkpoint waits until calls stop for quietMs. */
    touch: schedule,
    /**
     * Called after each API call. A desk that is never quiet for quietMs (a forwarding drain, several
     * officers) would otherwise let the WAL grow until SQLite's own automatic checkpoint ran inside
     * somebody's save; once enough rows were written since the last checkpoint, one runs as soon as
     * this call's answer has gone (a macrotask later), between calls, never inside one.
     */
    settle() {
      if (soon || !sqlite.open) return;
      let written: number;
      try {
        written = (totalChanges.get() as number) - checkpointedAt;
      } catch (e) {
        if (!busy(e)) throw e;
        return;
      }
      if (written < changesPerCheckpoint) return;
      soon = true;
      setImmediate(() => {
        soon = false;
        checkpoint();
      });
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (sqlite.open) sqlite.pragma('optimize');
    },
  };
}
