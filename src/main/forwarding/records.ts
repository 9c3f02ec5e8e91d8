/**
 * The complaint and event bodies the central server receives, built once when the record is written
 * and frozen in the outbox: a retry sends the same content under the same id, whatever changed since
 * (a renamed officer, a corrected complaint).
 */
import type { Statement } from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { openPersonal } from '../complaints/stored-fields';
import type { CoreContext } from '../platform/context';
import type { DeskIdentity } from '../settings/settings';
import { accounts, complaints } from '../db/schema';
import {
  correctableFields,
  forwardedEventKinds,
  type ComplaintRecord,
  type EventRecord,
  type ForwardedEventKind,
} from './central-contract';

type ComplaintRow = typeof complaints.$inferSelect;

/** An event as the desk writes it into complaint_events. */
export interface EventValues {
  id: string;
  complaintId: string;
  kind: string;
  at: string;
  actorId?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
}

/** New values of personal fields a correction changed; travels only in the encrypted outbox. */
export type PersonalChanges = Partial<Record<'nik' | 'phone' | 'email' | 'address', string | null>>;

/** The desk's column names in a correction, as Complaint names them. */
const correctionFieldNames: Record<string, (typeof correctableFields)[number]> = {
  type: 'type',
  channel: 'channel',
  title: 'title',
  body: 'body',
  incidentDate: 'incidentDate',
  kecamatanCode: 'location.kecamatanCode',
  desaCode: 'location.desaCode',
  locationDetail: 'location.text',
  categoryId: 'categoryCode',
  subcategoryId: 'subcategoryCode',
  supervisory: 'supervisory',
  anonymous: 'anonymous',
  confidential: 'confidential',
  complainantName: 'complainant.name',
};

const pick = (data: Record<string, unknown> | null | undefined, keys: string[]) => {
  if (!data) return null;
  const out = Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
  return Object.keys(out).length ? out : null;
};

export function createRecords(ctx: CoreContext, identity: DeskIdentity) {
  const { db, sqlite, cipher } = ctx;
  let categoryCode: Statement | null = null;
  let actorName: Statement | null = null;
  const codeOf = (id: unknown): string | null =>
    typeof id === 'number'
      ? (((categoryCode ??= sqlite.prepare('SELECT code FROM categories WHERE id = ?').pluck()).get(id) as
          string | null) ?? null)
      : null;

  function complaintRecordOf(row: ComplaintRow, deskCode: string, officer: string): ComplaintRecord {
    const personal = openPersonal(cipher, row);
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
      categoryCode: codeOf(row.categoryId),
      subcategoryCode: codeOf(row.subcategoryId),
      agencyCode: row.agencyCode,
      supervisory: row.supervisory,
      anonymous: row.anonymous,
      confidential: row.confidential,
      complainant: row.anonymous ? null : { name: row.complainantName, ...personal },
      officer,
      recordedAt: row.receivedAt,
      deadlines: { verifyBy: row.verifyDue, followUpBy: row.followUpDue, answerBy: row.answerDue },
      attachments: [],
    };
  }

  /** The desk's event data as the contract types it for each kind. */
  function centralData(
    kind: ForwardedEventKind,
    data: Record<string, unknown> | null | undefined,
    personal: PersonalChanges | undefined,
  ): Record<string, unknown> | null {
    switch (kind) {
      case 'FORWARD':
        return pick(data, ['agencyCode', 'fromAgency']);
      case 'REROUTE':
        return pick(data, ['agencyCode', 'fromAgency']);
      case 'RESUME':
        return pick(data, ['pausedWorkingDays']);
      case 'ARCHIVE':
        return pick(data, ['archiveReason', 'duplicateOf', 'duplicateOfId']);
      case 'LAPOR_ID':
        return pick(data, ['laporTrackingId']);
      case 'CETAK':
        return pick(data, ['printer', 'kind', 'paper', 'copy']);
      case 'KOREKSI': {
        const before = (data?.before ?? {}) as Record<string, unknown>;
        const after = (data?.after ?? {}) as Record<string, unknown>;
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        for (const [field, value] of Object.entries(after)) {
          const name = correctionFieldNames[field];
          if (!name) continue;
          const isCategory = field === 'categoryId' || field === 'subcategoryId';
          changes[name] = {
            before: isCategory ? codeOf(before[field]) : (before[field] ?? null),
            after: isCategory ? codeOf(value) : (value ?? null),
          };
        }
        return { changes, ...(personal && Object.keys(personal).length ? { complainant: personal } : {}) };
      }
      default:
        return null;
    }
  }

  return {
    complaintRecordOf,
    complaint(id: string): ComplaintRecord | null {
      const found = db
        .select({ row: complaints, officer: accounts.displayName })
        .from(complaints)
        .innerJoin(accounts, eq(accounts.id, complaints.officerId))
        .where(eq(complaints.id, id))
        .get();
      if (!found) return null;
      return complaintRecordOf(found.row, identity.deskCode(), found.officer);
    },
    /** The event as the server will receive it; null for kinds that stay on the desk. */
    event(values: EventValues, personal?: PersonalChanges): EventRecord | null {
      if (!(forwardedEventKinds as readonly string[]).includes(values.kind)) return null;
      const kind = values.kind as ForwardedEventKind;
      const actor = values.actorId
        ? (((actorName ??= sqlite.prepare('SELECT display_name FROM accounts WHERE id = ?').pluck()).get(
            values.actorId,
          ) as string | undefined) ?? null)
        : null;
      return {
        id: values.id,
        complaintId: values.complaintId,
        kind,
        at: values.at,
        actor,
        fromStatus: (values.fromStatus ?? null) as EventRecord['fromStatus'],
        toStatus: (values.toStatus ?? null) as EventRecord['toStatus'],
        reason: values.reason ?? null,
        data: centralData(kind, values.data, personal),
      };
    },
  };
}
export type Records = ReturnType<typeof createRecords>;
