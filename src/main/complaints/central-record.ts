/**
 * The complaint and event bodies the central server receives (the contract's Complaint and Event),
 * built from the desk's own records. Built once when the record is written and frozen in the outbox:
 * a retry sends the same content under the same id, whatever changed since (a renamed officer, a
 * corrected complaint). Rebuilt only for a parked complaint a supervisor sends again, and for outbox
 * rows older than frozen bodies.
 */
import type { Statement } from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { openPersonal } from './stored-fields';
import type { CoreContext } from '../platform/context';
import type { DeskIdentity } from '../settings';
import { accounts } from '../accounts';
import { complaintEvents, complaints, type MilestoneColumn } from './schema';
import type { Rebuild } from '../forwarding';
import {
  contentKeys,
  centralPath,
  type CentralPathOf,
  type ContentKey,
  type ContentKind,
} from '../../shared/contract/complaint-fields';
import {
  forwardedEventKinds,
  type ComplaintRecord,
  type EventRecord,
  type ForwardedEventKind,
} from '../forwarding';

type ComplaintRow = typeof complaints.$inferSelect;
/** The columns a Complaint is built from (personal data comes separately, in the clear). */
export type ComplaintSource = Omit<
  ComplaintRow,
  'nikEnc' | 'nikBidx' | 'phoneEnc' | 'phoneBidx' | 'emailEnc' | 'addressEnc' | MilestoneColumn
>;
export interface PersonalValues {
  nik: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

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

/** Every path a Complaint has ("location.text"); arrays are leaves. */
type PathsOf<T> = T extends readonly unknown[]
  ? never
  : T extends object
    ? {
        [K in keyof T & string]:
          K | (NonNullable<T[K]> extends object ? `${K}.${PathsOf<NonNullable<T[K]>>}` : never);
      }[keyof T & string]
    : never;
/** A content field whose path the central contract lacks does not compile. */
const centralPathsExist: NonNullable<CentralPathOf<ContentKey>> extends PathsOf<ComplaintRecord>
  ? true
  : never = true;
void centralPathsExist;

/** Fields the central server receives in another form: references by their stable code. */
type Translations = {
  [K in ContentKey as ContentKind<K> extends 'id' ? K : never]: 'categoryCode';
};
const translated: Translations = { categoryId: 'categoryCode', subcategoryId: 'categoryCode' };
const translationOf = (key: ContentKey) => (translated as Partial<Record<ContentKey, 'categoryCode'>>)[key];

/** Puts a value at a dotted path, making the objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

const pick = (data: Record<string, unknown> | null | undefined, keys: string[]) => {
  if (!data) return null;
  const out = Object.fromEntries(keys.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
  return Object.keys(out).length ? out : null;
};

export function createCentralRecords(
  ctx: CoreContext,
  identity: DeskIdentity,
  /** The files taken in with a complaint, as its record names them (the attachments feature). */
  intakeFiles: (complaintId: string, receivedAt: string) => ComplaintRecord['attachments'] = () => [],
) {
  const { db, sqlite, cipher } = ctx;
  let categoryCode: Statement | null = null;
  const codeOf = (id: unknown): string | null =>
    typeof id === 'number'
      ? (((categoryCode ??= sqlite.prepare('SELECT code FROM categories WHERE id = ?').pluck()).get(id) as
          string | null) ?? null)
      : null;

  let nameOf: Statement | null = null;
  const displayName = (accountId: string) =>
    (nameOf ??= sqlite.prepare('SELECT display_name FROM accounts WHERE id = ?').pluck()).get(accountId) as
      string | undefined;
  /** A content field's value as the central server receives it. */
  const centralValue = (key: ContentKey, value: unknown) =>
    translationOf(key) === 'categoryCode' ? codeOf(value) : (value ?? null);

  /** The content part of a Complaint, each field at its path (the definition says where). */
  function centralContent(row: ComplaintSource): Record<string, unknown> {
    const content: Record<string, unknown> = {};
    for (const key of contentKeys) {
      const path = centralPath(key);
      if (path !== null) setPath(content, path, centralValue(key, row[key]));
    }
    return content;
  }

  /** A Complaint from values in hand: no read back, no decryption (its shape is checked against the
   * contract in test/unit/complaint-definition.test.ts). */
  function complaintRecordOf(
    row: ComplaintSource,
    personal: PersonalValues,
    officer: string,
  ): ComplaintRecord {
    const { complainant, ...content } = centralContent(row);
    return {
      id: row.id,
      receiptNumber: row.receiptNumber,
      deskCode: identity.deskCode(),
      ...content,
      agencyCode: row.agencyCode,
      complainant: row.anonymous
        ? null
        : {
            ...(complainant as object),
            nik: personal.nik,
            phone: personal.phone,
            email: personal.email,
            address: personal.address,
          },
      officer,
      recordedAt: row.receivedAt,
      deadlines: { verifyBy: row.verifyDue, followUpBy: row.followUpDue, answerBy: row.answerDue },
      attachments: [],
    } as unknown as ComplaintRecord;
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
      case 'LAMPIRAN':
        return {
          attachmentId: data?.attachmentId,
          sha256: data?.sha256,
          mediaType: data?.mime,
          size: data?.bytes,
          personal: data?.personal === true,
        };
      case 'LAMPIRAN_DIHAPUS':
        return pick(data, ['attachmentId', 'sha256']);
      case 'KOREKSI': {
        const before = (data?.before ?? {}) as Record<string, unknown>;
        const after = (data?.after ?? {}) as Record<string, unknown>;
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        for (const key of contentKeys) {
          const name = centralPath(key);
          if (name === null || !(key in after)) continue;
          changes[name] = { before: centralValue(key, before[key]), after: centralValue(key, after[key]) };
        }
        return { changes, ...(personal && Object.keys(personal).length ? { complainant: personal } : {}) };
      }
      default:
        return null;
    }
  }

  /** The event as the server will receive it; null for kinds that stay on the desk. */
  function event(values: EventValues, personal?: PersonalChanges): EventRecord | null {
    if (!(forwardedEventKinds as readonly string[]).includes(values.kind)) return null;
    // A file taken in with the complaint is named by the complaint's record, not by an event.
    if (values.kind === 'LAMPIRAN' && values.data?.intake === true) return null;
    const kind = values.kind as ForwardedEventKind;
    const actor = values.actorId ? (displayName(values.actorId) ?? null) : null;
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
  }

  const storedEvent = () =>
    db
      .select()
      .from(complaintEvents)
      .where(eq(complaintEvents.id, sql.placeholder('id')))
      .prepare();
  let eventById: ReturnType<typeof storedEvent> | null = null;

  /** A stored complaint as the server receives it (decrypting its personal data). */
  function complaint(id: string): ComplaintRecord | null {
    const found = db
      .select({ row: complaints, officer: accounts.displayName })
      .from(complaints)
      .innerJoin(accounts, eq(accounts.id, complaints.officerId))
      .where(eq(complaints.id, id))
      .get();
    if (!found) return null;
    return {
      ...complaintRecordOf(found.row, openPersonal(cipher, found.row), found.officer),
      attachments: intakeFiles(id, found.row.receivedAt),
    };
  }
  /** A stored event as the server receives it; null when unknown or one that stays on the desk. */
  function storedEventRecord(id: string): EventRecord | null {
    const row = (eventById ??= storedEvent()).get({ id });
    if (!row) return null;
    return event({ ...row, data: (row.data ?? null) as Record<string, unknown> | null });
  }

  return {
    complaintRecordOf,
    /** The display name of an officer, as a Complaint names who recorded it. */
    officerName: (accountId: string): string => displayName(accountId) ?? '',
    complaint,
    storedEvent: storedEventRecord,
    event,
    /** For forwarding: bodies built again from what the desk holds now, as JSON text. */
    rebuild: {
      complaint: (id: string) => json(complaint(id)),
      event: (id: string) => json(storedEventRecord(id)),
    } satisfies Rebuild,
  };
}
export type CentralRecords = ReturnType<typeof createCentralRecords>;

const json = (value: unknown) => (value ? JSON.stringify(value) : null);
