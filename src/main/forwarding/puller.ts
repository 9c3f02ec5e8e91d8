/**
 * Changes made centrally (verification, disposition, follow-up, done, LAPOR! ID), pulled page by page
 * from a saved cursor. Each change becomes a PUSAT history event; the cursor moves in the same
 * transaction, and applied change ids make a replay a no-op.
 */
import { v7 as uuidv7 } from 'uuid';
import type { ComplaintStatus } from '../../shared/domain/complaint';
import { dueFor } from '../complaints/actions';
import type { CoreContext } from '../platform/context';
import type { ChangeRecord } from './central-contract';
import type { CentralClient, Outcome } from './client';
import type { SyncState } from './state';

export type PullResult = { ok: true; applied: number } | { ok: false; outcome: Outcome };

export function createPuller(ctx: CoreContext, state: SyncState) {
  const { sqlite, clock } = ctx;
  const seen = sqlite.prepare('SELECT 1 FROM applied_changes WHERE change_id = ?').pluck();
  const complaint = sqlite.prepare('SELECT * FROM complaints WHERE id = ?');
  const update = sqlite.prepare(
    `UPDATE complaints SET status = ?, agency_code = coalesce(?, agency_code),
       lapor_tracking_id = coalesce(?, lapor_tracking_id), current_due = ?, updated_at = ? WHERE id = ?`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO complaint_events (id, complaint_id, kind, at, actor_id, from_status, to_status, reason, data)
     VALUES (?, ?, 'PUSAT', ?, NULL, ?, ?, ?, ?)`,
  );
  const markApplied = sqlite.prepare('INSERT INTO applied_changes (change_id, applied_at) VALUES (?, ?)');
  const agencyKnown = sqlite.prepare('SELECT 1 FROM agencies WHERE code = ?').pluck();

  const apply = sqlite.transaction((change: ChangeRecord, next: string) => {
    if (!seen.get(change.id)) {
      const row = complaint.get(change.complaintId) as
        | { id: string; status: string; verify_due: string; follow_up_due: string; answer_due: string }
        | undefined;
      // Another desk's complaint, or one this desk no longer has: recorded as applied, nothing changes.
      if (row) {
        const to = (change.status ?? row.status) as ComplaintStatus;
        const agency = change.agencyCode && agencyKnown.get(change.agencyCode) ? change.agencyCode : null;
        const due = dueFor(to, {
          verifyDue: row.verify_due,
          followUpDue: row.follow_up_due,
          answerDue: row.answer_due,
        });
        update.run(to, agency, change.laporTrackingId ?? null, due, clock().toISOString(), row.id);
        const data = {
          changeId: change.id,
          ...(change.agencyCode ? { agencyCode: change.agencyCode } : {}),
          ...(change.laporTrackingId ? { laporTrackingId: change.laporTrackingId } : {}),
        };
        insertEvent.run(
          uuidv7(),
          row.id,
          change.at,
          row.status,
          to,
          change.agencyAnswer ?? change.note ?? null,
          JSON.stringify(data),
        );
      }
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
