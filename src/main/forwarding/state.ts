/** Forwarding state that must survive a restart (sync_state): settings, pause, cursor, outages. */
import type { CoreContext } from '../platform/context';

export function createSyncState({ sqlite }: CoreContext) {
  const read = sqlite.prepare('SELECT value FROM sync_state WHERE key = ?').pluck();
  const write = sqlite.prepare(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const remove = sqlite.prepare('DELETE FROM sync_state WHERE key = ?');
  return {
    get<T>(key: string): T | null {
      const v = read.get(key) as string | undefined;
      return v === undefined ? null : (JSON.parse(v) as T);
    },
    set(key: string, value: unknown): void {
      write.run(key, JSON.stringify(value));
    },
    delete(key: string): void {
      remove.run(key);
    },
  };
}
export type SyncState = ReturnType<typeof createSyncState>;
