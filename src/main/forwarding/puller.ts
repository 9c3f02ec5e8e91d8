/**
 * Changes made centrally (verification, disposition, follow-up, done, LAPOR! ID), pulled page by page
 * from a saved cursor. Each change is applied (a PUSAT history event) with the cursor moved in the
 * same transaction, and applied change ids make a replay a no-op.
 */
import type { CoreContext } from '../platform/context';
import type { ChangeRecord } from './central-contract';
import type { CentralClient, Outcome } from './client';
import type { SyncState } from './state';

/**
 * Applies one change to the desk's records, inside the puller's transaction (the complaints feature
 * provides it: the complaint's status and a PUSAT event through its history writer). A change for a
 * complaint this desk does not hold is ignored.
 */
export type ApplyChange = (change: ChangeRecord) => void;

export type PullResult = { ok: true; applied: number } | { ok: false; outcome: Outcome };

export function createPuller(ctx: CoreContext, state: SyncState, applyChange: ApplyChange) {
  const { sqlite, clock } = ctx;
  const seen = sqlite.prepare('SELECT 1 FROM applied_changes WHERE change_id = ?').pluck();
  const markApplied = sqlite.prepare('INSERT INTO applied_changes (change_id, applied_at) VALUES (?, ?)');

  const apply = sqlite.transaction((change: ChangeRecord, next: string) => {
    if (!seen.get(change.id)) {
      applyChange(change);
      markApplied.run(change.id, clock().toISOString());
    }
    state.set('pullCursor', next);
  });

  return {
    /** Pulls until an empty page (at most `maxPages`). */
    async pull(client: CentralClient, isStopped: () => boolean, maxPages = 50): Promise<PullResult> {
      let applied = 0;
      for (let page = 0; page < maxPages; page++) {
        const cursor = state.get<string>('pullCursor') ?? '';
        const result = await client.changes(cursor, 100);
        if ('kind' in result) return { ok: false, outcome: result };
        if (isStopped() || !sqlite.open) return { ok: true, applied };
        for (const change of result.changes) {
          apply(change, result.next);
          applied++;
        }
        if (result.changes.length === 0 || result.next === cursor) {
          if (result.next !== cursor && result.changes.length) state.set('pullCursor', result.next);
          state.set('lastPullAt', clock().toISOString());
          return { ok: true, applied };
        }
      }
      state.set('lastPullAt', clock().toISOString());
      return { ok: true, applied };
    },
  };
}
export type Puller = ReturnType<typeof createPuller>;
