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

/** The fields kept in the clear in history (before and after); personal ones only by name. */
const plainFields = contentKeys;
const personalFields = ['nik', 'phone', 'email', 'address'] as const;

export function createCorrections(ctx: CoreContext, reference: Reference, history: History) {
  const { db, sqlite, cipher, clock } = ctx;
  const updateFts = sqlite.prepare(
    'UPDATE complaint_fts SET title = ?, body = ?, name = ?, location = ? WHERE rowid = ?',
  );

  return {
    correct(actorId: string, input: ComplaintCorrection) {
      const now = clock();
      const result = db.transaction((tx) => {
        const row = tx.select().from(complaints).where(eq(complaints.id, input.id)).get();
        if (!row) throw new DeskFailure('NOT_FOUND', say('errors.NOT_FOUND'));
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
        return { changed: [...Object.keys(after), ...personalChanged] };
      });
      history.committed();
      return result;
    },
  };
}
export type Corrections = ReturnType<typeof createCorrections>;
