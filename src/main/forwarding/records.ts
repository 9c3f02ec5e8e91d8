/** The complaint and event bodies the central server receives, built from the desk's rows. */
import { eq } from 'drizzle-orm';
import { openPersonal } from '../complaints/stored-fields';
import type { CoreContext } from '../core/context';
import { accounts, complaintEvents, complaints, desk } from '../db/schema';
import type { ComplaintRecord, EventRecord } from './central-contract';

type ComplaintRow = typeof complaints.$inferSelect;

export function complaintRecordOf(
  ctx: CoreContext,
  row: ComplaintRow,
  deskCode: string,
  officer: string,
): ComplaintRecord {
  const personal = openPersonal(ctx.cipher, row);
  return {
    id: row.id,
    receiptNumber: row.receiptNumber,
    deskCode,
    type: row.type,
    channel: row.channel,
    title: row.title,
    body: row.body,
    incidentDate: row.incidentDate,
    location: { kecamatanCode: row.kecamatanCode, desaCode: row.desaCode, text: row.locationDetail },
    categoryId: row.categoryId,
    subcategoryId: row.subcategoryId,
    agencyCode: row.agencyCode,
    supervisory: row.supervisory,
    anonymous: row.anonymous,
    confidential: row.confidential,
    complainant: row.anonymous
      ? null
      : {
          name: row.complainantName,
          ...personal,
        },
    officer,
    recordedAt: row.receivedAt,
    deadlines: { verifyBy: row.verifyDue, followUpBy: row.followUpDue, answerBy: row.answerDue },
    attachments: [],
  };
}

export function createRecords(ctx: CoreContext) {
  const { db } = ctx;
  return {
    complaint(id: string): ComplaintRecord | null {
      const found = db
        .select({ row: complaints, officer: accounts.displayName })
        .from(complaints)
        .innerJoin(accounts, eq(accounts.id, complaints.officerId))
        .where(eq(complaints.id, id))
        .get();
      if (!found) return null;
      return complaintRecordOf(ctx, found.row, db.select().from(desk).get()!.code, found.officer);
    },
    event(id: string): EventRecord | null {
      const e = db
        .select({ e: complaintEvents, actor: accounts.displayName })
        .from(complaintEvents)
        .leftJoin(accounts, eq(accounts.id, complaintEvents.actorId))
        .where(eq(complaintEvents.id, id))
        .get();
      if (!e) return null;
      return {
        id: e.e.id,
        complaintId: e.e.complaintId,
        kind: e.e.kind,
        at: e.e.at,
        actor: e.actor,
        fromStatus: e.e.fromStatus,
        toStatus: e.e.toStatus,
        reason: e.e.reason,
        data: (e.e.data as Record<string, unknown> | null) ?? null,
      };
    },
  };
}
