/**
 * Carrying out the status flow: each action is checked against the one table in
 * shared/domain/status-flow.ts, then the row and its new history event are written together.
 * History is never edited; the row holds the current state, the events say how it got there.
 */
import { and, desc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { addCalendarDays, wibDate } from '../../shared/calendar/working-days';
import type { ComplaintActionInput } from '../../shared/contract/complaints';
import type { ComplaintStatus } from '../../shared/domain/complaint';
import { isAllowed, statusFlow } from '../../shared/domain/status-flow';
import { parseReceiptNumber } from '../../shared/domain/receipt-number';
import { say, type MessageText } from '../../shared/i18n';
import type { CoreContext } from '../platform/context';
import { DeskFailure } from '../platform/failure';
import { complaintEvents, complaints } from './schema';
import type { Reference } from '../reference';
import type { History } from './history';
import type { SettingsService } from '../settings';

type Row = typeof complaints.$inferSelect;

/** The deadline that runs while a complaint is in a status (null: none runs). */
export function dueFor(
  status: ComplaintStatus,
  row: Pick<Row, 'verifyDue' | 'followUpDue' | 'answerDue'>,
): string | null {
  switch (status) {
    case 'BARU':
    case 'TERVERIFIKASI':
      return row.verifyDue;
    case 'TERDISPOSISI':
      return row.followUpDue;
    case 'DITINDAKLANJUTI':
    case 'DITANGGAPI':
      return row.answerDue;
    default:
      return null;
  }
}

export function createActions(
  { db, clock }: CoreContext,
  reference: Reference,
  settings: SettingsService,
  history: History,
) {
  const fieldError = (field: string, message: MessageText) =>
    new DeskFailure('VALIDATION', message, { [field]: message });

  function activeAgency(code: string | undefined, field = 'agencyCode') {
    if (code === undefined) return;
    if (!reference.agency(code)?.active) {
      throw fieldError(field, say('errors.unknownReference', { field: say('fields.agencyCode') }));
    }
  }

  return {
    act(
      actorId: string,
      input: ComplaintActionInput & { reason?: string | undefined },
    ): { status: ComplaintStatus } {
      const now = clock();
      const at = now.toISOString();
      const today = wibDate(now);
      const calendar = reference.calendar();

      const result = db.transaction((tx) => {
        const row = tx.select().from(complaints).where(eq(complaints.id, input.id)).get();
        if (!row) throw new DeskFailure('NOT_FOUND', say('errors.NOT_FOUND'));
        const from = row.status as ComplaintStatus;
        if (!isAllowed(input.action, from)) {
          throw new DeskFailure(
            'CONFLICT',
            say('errors.actionNotAllowed', {
              action: say(`actions.${input.action}`),
              status: say(`statuses.${from}`),
            }),
          );
        }
        const rule = statusFlow[input.action];
        // The record keeps the limits in force on the day it was received.
        const limits = settings.deadlinesFor(row.type, row.receivedDay);
        const patch: Partial<Row> = { updatedAt: at };
        const data: Record<string, unknown> = {};
        let to: ComplaintStatus = rule.to === 'same' || rule.to === 'previous' ? from : rule.to;

        switch (input.action) {
          case 'FORWARD':
            activeAgency(input.agencyCode);
            if (input.agencyCode && input.agencyCode !== row.agencyCode) {
              data.fromAgency = row.agencyCode;
              patch.agencyCode = input.agencyCode;
            }
            data.agencyCode = input.agencyCode ?? row.agencyCode;
            patch.followUpDue = calendar.addWorkingDays(today, limits.followUpWorkingDays);
            break;
          case 'REROUTE':
            activeAgency(input.agencyCode);
            if (input.agencyCode === row.agencyCode) throw fieldError('agencyCode', say('errors.sameAgency'));
            data.fromAgency = row.agencyCode;
            data.agencyCode = input.agencyCode;
            patch.agencyCode = input.agencyCode;
            patch.followUpDue = calendar.addWorkingDays(today, limits.followUpWorkingDays);
            break;
          case 'POSTPONE':
            patch.pausedSince = today;
            break;
          case 'RESUME': {
            // Back to where it was, with the deadlines moved by the time the clock stood still.
            const postponed = tx
              .select()
              .from(complaintEvents)
              .where(and(eq(complaintEvents.complaintId, row.id), eq(complaintEvents.kind, 'POSTPONE')))
              .orderBy(desc(complaintEvents.at), desc(complaintEvents.id))
              .get();
            to = (postponed?.fromStatus as ComplaintStatus | undefined) ?? 'BARU';
            const since = row.pausedSince ?? today;
            const pausedWorkingDays = Math.max(0, calendar.workingDaysBetween(since, today));
            const pausedDays = Math.round((Date.parse(today) - Date.parse(since)) / 86_400_000);
            patch.verifyDue = calendar.addWorkingDays(row.verifyDue, pausedWorkingDays);
            patch.followUpDue = calendar.addWorkingDays(row.followUpDue, pausedWorkingDays);
            patch.answerDue = addCalendarDays(row.answerDue, pausedDays);
            patch.pausedSince = null;
            data.pausedWorkingDays = pausedWorkingDays;
            break;
          }
          case 'ARCHIVE': {
            data.archiveReason = input.archiveReason;
            if (input.archiveReason === 'DUPLIKAT') {
              const parsed = parseReceiptNumber(input.duplicateOf ?? '');
              if (!parsed.valid) throw fieldError('duplicateOf', say('errors.duplicateOfMissing'));
              const original = tx
                .select({ id: complaints.id })
                .from(complaints)
                .where(eq(complaints.receiptNumber, parsed.number))
                .get();
              if (!original) throw fieldError('duplicateOf', say('errors.duplicateOfMissing'));
              if (original.id === row.id) throw fieldError('duplicateOf', say('errors.duplicateSelf'));
              data.duplicateOf = parsed.number;
              data.duplicateOfId = original.id;
            }
            break;
          }
          case 'LAPOR_ID':
            data.laporTrackingId = input.laporTrackingId;
            patch.laporTrackingId = input.laporTrackingId;
            break;
          default:
            break;
        }

        patch.status = to;
        patch.currentDue = dueFor(to, { ...row, ...patch } as Row);
        tx.update(complaints).set(patch).where(eq(complaints.id, row.id)).run();
        const event = {
          id: uuidv7(),
          complaintId: row.id,
          kind: input.action,
          at,
          actorId,
          fromStatus: from,
          toStatus: to,
          reason: input.reason ?? null,
          data: Object.keys(data).length ? data : null,
        };
        history.append(event);
        return { status: to };
      });
      history.committed();
      return result;
    },

    /**
     * One action on several records, each in its own transaction (as if done one by one): a record
     * whose status no longer allows it is refused with the reason, and the others still go through.
     */
    actMany(actorId: string, action: 'VERIFY' | 'FORWARD' | 'DONE', ids: readonly string[]) {
      const done: Array<{ id: string; status: ComplaintStatus }> = [];
      const refused: Array<{ id: string; message: string }> = [];
      for (const id of new Set(ids)) {
        try {
          done.push({ id, ...this.act(actorId, { action, id }) });
        } catch (e) {
          if (!(e instanceof DeskFailure)) throw e;
          refused.push({ id, message: e.message });
        }
      }
      return { done, refused };
    },
  };
}
export type Actions = ReturnType<typeof createActions>;
