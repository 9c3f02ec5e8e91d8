/**
 * Corrections by a supervisor: the row takes the corrected values and a KOREKSI event records who,
 * when, why, and what changed (before and after; for personal data only which fields, never values).
 * Nothing earlier in the history is touched.
 */
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { wibDate } from '../../shared/calendar/working-days';
import type { ComplaintCorrection } from '../../shared/contract/complaints';
import { say } from '../../shared/i18n';
import type { CoreContext } from '../platform/context';
import { DeskFailure } from '../platform/failure';
import { complaints } from './schema';
import type { History } from './history';
import type { Reference } from '../reference';
import { contentOfRow, openPersonal, searchLocation, storedFields } from './stored-fields';
import { contentKeys } from '../../shared/contract/complaint-fields';
import { checkComplaint } from './validate';
import { roleAtLeast, type Role } from '../../shared/domain/roles';

/** The fields kept in the clear in history (before and after); personal ones only by name. */
const plainFields = contentKeys;
const personalFields = ['nik', 'phone', 'email', 'address'] as const;

/**
 * Who else may correct: a supervisor always may; an officer only a record the review returned to
 * them (the review feature answers, and hears of the correction inside its transaction).
 */
export interface CorrectionGate {
  returnedTo(complaintId: string): string | null;
  corrected(complaintId: string, actorId: string, at: string): void;
}

export function createCorrections(
  ctx: CoreContext,
  reference: Reference,
  history: History,
  gate: CorrectionGate | null = null,
) {
  const { db, sqlite, cipher, clock } = ctx;
  const updateFts = sqlite.prepare(
    'UPDATE complaint_fts SET title = ?, body = ?, name = ?, location = ? WHERE rowid = ?',
  );

  return {
    correct(actorId: string, input: ComplaintCorrection, role: Role = 'supervisor') {
      const now = clock();
      const result = db.transaction((tx) => {
        const row = tx.select().from(complaints).where(eq(complaints.id, input.id)).get();
        if (!row) throw new DeskFailure('NOT_FOUND', say('errors.NOT_FOUND'));
        if (!roleAtLeast(role, 'supervisor') && gate?.returnedTo(row.id) !== actorId)
          throw new DeskFailure('FORBIDDEN', say('errors.correctNotReturned'));
        const personal = openPersonal(cipher, row);
        const current = {
          ...contentOfRow(row),
          agencyCode: row.agencyCode,
          nik: personal.nik ?? undefined,
          phone: personal.phone ?? undefined,
          email: personal.email ?? undefined,
          address: personal.address ?? undefined,
        };
        const { id: _id, reason, ...changes } = input;
        const next = { ...current, ...changes };
        // The corrected record must pass the same checks as a new one (the date rule against its own day).
        const identity = checkComplaint(
          next,
          reference,
          wibDate(now) > row.receivedDay ? wibDate(now) : row.receivedDay,
        );
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        for (const f of plainFields) {
          if (f in changes && next[f] !== current[f]) {
            before[f] = current[f] ?? null;
            after[f] = next[f] ?? null;
          }
        }
        const personalChanged = personalFields.filter(
          (f) => f in changes && (identity[f === 'nik' ? 'nik' : f] ?? undefined) !== current[f],
        );
        if (Object.keys(after).length === 0 && personalChanged.length === 0) {
          throw new DeskFailure('VALIDATION', say('errors.nothingToCorrect'));
        }
        tx.update(complaints)
          .set({
            ...storedFields(next, identity, cipher),
            updatedAt: now.toISOString(),
          })
          .where(eq(complaints.id, row.id))
          .run();
        const location = searchLocation(reference, next);
        updateFts.run(next.title, next.body, identity.name ?? '', location, row.seq);
        const event = {
          id: uuidv7(),
          complaintId: row.id,
          kind: 'KOREKSI' as const,
          at: now.toISOString(),
          actorId,
          fromStatus: row.status,
          toStatus: row.status,
          reason,
          data: {
            before,
            after,
            ...(personalChanged.length ? { personalDataChanged: personalChanged } : {}),
          },
        };
        // The central server gets the new personal values (sealed in the outbox); history keeps only names.
        history.append(event, Object.fromEntries(personalChanged.map((f) => [f, identity[f] ?? null])));
        gate?.corrected(row.id, actorId, event.at);
        return { changed: [...Object.keys(after), ...personalChanged] };
      });
      history.committed();
      return result;
    },
  };
}
export type Corrections = ReturnType<typeof createCorrections>;
