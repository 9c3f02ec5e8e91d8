/**
 * A change made centrally (verification, disposition, follow-up, done, LAPOR! ID), applied to the
 * complaint it names: its status, agency and LAPOR! tracking ID, the deadline of the step it is now
 * in, and a PUSAT event in its history. Runs inside the puller's transaction.
 */
import { v7 as uuidv7 } from 'uuid';
import type { ComplaintStatus } from '../../shared/domain/complaint';
import type { ChangeRecord } from '../forwarding';
import type { CoreContext } from '../platform/context';
import { dueFor } from './actions';
import type { History } from './history';

export function createCentralChanges(ctx: CoreContext, history: History) {
  const { sqlite, clock } = ctx;
  const complaint = sqlite.prepare(
    'SELECT id, status, verify_due, follow_up_due, answer_due FROM complaints WHERE id = ?',
  );
  const update = sqlite.prepare(
    `UPDATE complaints SET status = ?, agency_code = coalesce(?, agency_code),
       lapor_tracking_id = coalesce(?, lapor_tracking_id), current_due = ?, updated_at = ? WHERE id = ?`,
  );
  const agencyKnown = sqlite.prepare('SELECT 1 FROM agencies WHERE code = ?').pluck();

  return {
    apply(change: ChangeRecord): void {
      const row = complaint.get(change.complaintId) as
        | { id: string; status: string; verify_due: string; follow_up_due: string; answer_due: string }
        | undefined;
      // Another desk's complaint, or one this desk no longer has: nothing changes.
      if (!row) return;
      const to = (change.status ?? row.status) as ComplaintStatus;
      // An agency this desk does not know is not written into the complaint (the event keeps it).
      const agency = change.agencyCode && agencyKnown.get(change.agencyCode) ? change.agencyCode : null;
      const due = dueFor(to, {
        verifyDue: row.verify_due,
        followUpDue: row.follow_up_due,
        answerDue: row.answer_due,
      });
      update.run(to, agency, change.laporTrackingId ?? null, due, clock().toISOString(), row.id);
      history.append({
        id: uuidv7(),
        complaintId: row.id,
        kind: 'PUSAT',
        at: change.at,
        actorId: null,
        fromStatus: row.status,
        toStatus: to,
        reason: change.agencyAnswer ?? change.note ?? null,
        data: {
          changeId: change.id,
          ...(change.agencyCode ? { agencyCode: change.agencyCode } : {}),
          ...(change.laporTrackingId ? { laporTrackingId: change.laporTrackingId } : {}),
        },
      });
    },
  };
}
export type CentralChanges = ReturnType<typeof createCentralChanges>;
