/**
 * The supervisor's day review: the records received on a WIB day with their flags and where each
 * stands in the review, a summary of the day, and the review's own actions (reviewed, verified,
 * returned to the officer). Every action is a history event with the supervisor's name, written
 * through the complaints feature's history writer; complaint_reviews keeps the current state beside
 * it in the same transaction.
 */
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { wibDate } from '../../shared/calendar/working-days';
import type { ReviewRecord } from '../../shared/contract/review';
import type { ComplaintStatus, ComplaintType } from '../../shared/domain/complaint';
import type { ReviewState } from '../../shared/domain/review';
import { say } from '../../shared/i18n';
import type { Actions, History } from '../complaints';
import { deliverySql } from '../forwarding';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { DeskFailure } from '../platform/failure';
import type { Reference } from '../reference';
import type { SettingsService } from '../settings';
import { openSharing, possibleDuplicates, type Sharing } from './duplicates';
import { reviewFlags } from './flags';
import { summarize } from './summary';
import { complaintReviews } from './schema';

/** A day's record as the review query reads it. */
interface DayRow {
  id: string;
  receiptNumber: string;
  receivedAt: string;
  receivedDay: string;
  type: ComplaintType;
  channel: string;
  title: string;
  body: string;
  confidential: number;
  anonymous: number;
  supervisory: number;
  agencyCode: string;
  kecamatanCode: string | null;
  desaCode: string | null;
  locationDetail: string | null;
  incidentDate: string | null;
  categoryId: number | null;
  subcategoryId: number | null;
  officerId: string;
  officerName: string;
  status: ComplaintStatus;
  currentDue: string | null;
  reachable: number;
  corrected: number;
  phoneBidx: string | null;
  nikBidx: string | null;
  delivery: 'sent' | 'waiting' | 'parked' | null;
  reviewState: ReviewState | null;
  reviewBy: string | null;
  reviewAt: string | null;
  reviewNote: string | null;
  /** Its day is closed and it is not on that day's register: saved after the close. */
  afterClose: number;
}

const dayQuery = `
  SELECT c.id, c.receipt_number AS receiptNumber, c.received_at AS receivedAt, c.received_day AS receivedDay,
    c.type, c.channel, c.title, c.body, c.confidential, c.anonymous, c.supervisory,
    c.agency_code AS agencyCode, c.kecamatan_code AS kecamatanCode, c.desa_code AS desaCode,
    c.location_detail AS locationDetail, c.incident_date AS incidentDate,
    c.category_id AS categoryId, c.subcategory_id AS subcategoryId,
    c.officer_id AS officerId, a.display_name AS officerName, c.status, c.current_due AS currentDue,
    (c.phone_enc IS NOT NULL OR c.email_enc IS NOT NULL OR c.address_enc IS NOT NULL) AS reachable,
    EXISTS (SELECT 1 FROM complaint_events k WHERE k.complaint_id = c.id AND k.kind = 'KOREKSI') AS corrected,
    c.phone_bidx AS phoneBidx, c.nik_bidx AS nikBidx,
    ${deliverySql} AS delivery,
    r.state AS reviewState, rb.display_name AS reviewBy, r.at AS reviewAt, r.note AS reviewNote,
    (d.id IS NOT NULL AND (e.register_id IS NULL OR e.register_id <> d.id)) AS afterClose
  FROM complaints c
  JOIN accounts a ON a.id = c.officer_id
  LEFT JOIN complaint_reviews r ON r.complaint_id = c.id
  LEFT JOIN accounts rb ON rb.id = r.by_id
  LEFT JOIN day_registers d ON d.day = c.received_day
  LEFT JOIN register_entries e ON e.complaint_id = c.id
  WHERE c.received_day = ?
  ORDER BY c.received_at, c.seq`;

export function createReview(
  ctx: CoreContext,
  deps: {
    reference: Reference;
    settings: SettingsService;
    history: History;
    actions: Actions;
    audit: AuditTrail;
  },
) {
  const { db, sqlite, clock } = ctx;
  const { reference, settings, history, actions } = deps;
  const dayRows = sqlite.prepare(dayQuery);
  const sharingPhone = sqlite.prepare(openSharing('phone_bidx'));
  const sharingNik = sqlite.prepare(openSharing('nik_bidx'));
  const complaintOf = sqlite.prepare(
    'SELECT id, officer_id AS officerId, received_day AS receivedDay, status FROM complaints WHERE id = ?',
  );

  function records(day: string): ReviewRecord[] {
    const rules = settings.get().reviewRules;
    const calendar = reference.calendar();
    const rows = dayRows.all(day) as DayRow[];
    const duplicates = possibleDuplicates(
      rows,
      sharingPhone.all(day) as Sharing[],
      sharingNik.all(day) as Sharing[],
    );
    return rows.map((row) => {
      const afterClose = Boolean(row.afterClose);
      const flags = reviewFlags(
        {
          ...row,
          duplicateOf: duplicates.get(row.id) ?? null,
          supervisory: Boolean(row.supervisory),
          anonymous: Boolean(row.anonymous),
          reachable: Boolean(row.reachable),
          corrected: Boolean(row.corrected),
          afterClose,
        },
        rules,
        calendar,
      );
      return {
        id: row.id,
        receiptNumber: row.receiptNumber,
        receivedAt: row.receivedAt,
        type: row.type,
        channel: row.channel,
        title: row.confidential ? '' : row.title,
        confidential: Boolean(row.confidential),
        anonymous: Boolean(row.anonymous),
        supervisory: Boolean(row.supervisory),
        agencyCode: row.agencyCode,
        kecamatanCode: row.kecamatanCode,
        officerId: row.officerId,
        officerName: row.officerName,
        status: row.status,
        currentDue: row.currentDue,
        delivery: row.delivery ?? 'none',
        review: {
          state: row.reviewState ?? 'open',
          by: row.reviewBy,
          at: row.reviewAt,
          note: row.reviewNote,
        },
        flags,
        afterClose,
      };
    });
  }

  /** The review row of a record, written inside the caller's transaction. */
  function setState(
    complaintId: string,
    state: ReviewState,
    byId: string,
    at: string,
    note: string | null = null,
    returnedTo: string | null = null,
  ) {
    const row = { complaintId, state, byId, at, note, returnedTo };
    db.insert(complaintReviews)
      .values(row)
      .onConflictDoUpdate({ target: complaintReviews.complaintId, set: row })
      .run();
  }

  const stateOf = (complaintId: string) =>
    db.select().from(complaintReviews).where(eq(complaintReviews.complaintId, complaintId)).get();

  function mustExist(id: string) {
    const found = complaintOf.get(id) as
      { id: string; officerId: string; receivedDay: string; status: ComplaintStatus } | undefined;
    if (!found) throw new DeskFailure('NOT_FOUND', say('errors.NOT_FOUND'));
    return found;
  }

  const markView = (complaintId: string) => {
    const row = stateOf(complaintId);
    const by = row?.byId
      ? ((sqlite.prepare('SELECT display_name FROM accounts WHERE id = ?').pluck().get(row.byId) as string) ??
        null)
      : null;
    return { state: row?.state ?? 'open', by, at: row?.at ?? null, note: row?.note ?? null };
  };

  return {
    day(day?: string) {
      const today = wibDate(clock());
      const chosen = day ?? today;
      if (chosen > today)
        throw new DeskFailure('VALIDATION', say('errors.futureDay'), { day: say('errors.futureDay') });
      const list = records(chosen);
      const nextWorkingDay = reference.calendar().addWorkingDays(today, 1);
      return { day: chosen, today, list, summary: summarize(list, today, nextWorkingDay) };
    },

    /** Reviewed, or verified (the VERIFY action, when the status allows it) as the review of it. */
    mark(actorId: string, id: string, outcome: 'reviewed' | 'verified') {
      const found = mustExist(id);
      if (outcome === 'verified' && found.status === 'BARU') {
        // The VERIFY action writes its own event; the review state follows in its own transaction.
        actions.act(actorId, { action: 'VERIFY', id });
      } else if (outcome === 'verified' && found.status !== 'TERVERIFIKASI') {
        throw new DeskFailure(
          'CONFLICT',
          say('errors.actionNotAllowed', {
            action: say('actions.VERIFY'),
            status: say(`statuses.${found.status}`),
          }),
        );
      }
      const at = clock().toISOString();
      db.transaction(() => {
        if (outcome === 'reviewed') {
          history.append({
            id: uuidv7(),
            complaintId: id,
            kind: 'TINJAU',
            at,
            actorId,
            fromStatus: found.status,
            toStatus: found.status,
          });
        }
        setState(id, outcome, actorId, at);
      });
      history.committed();
      return markView(id);
    },

    /** Back to its officer with a note: on their Beranda until they correct it. */
    returnToOfficer(actorId: string, id: string, note: string) {
      const found = mustExist(id);
      const at = clock().toISOString();
      db.transaction(() => {
        history.append({
          id: uuidv7(),
          complaintId: id,
          kind: 'KEMBALIKAN',
          at,
          actorId,
          fromStatus: found.status,
          toStatus: found.status,
          reason: note,
        });
        setState(id, 'returned', actorId, at, note, found.officerId);
      });
      history.committed();
      return markView(id);
    },

    /** Records returned and not yet corrected: one officer's, or everyone's. */
    returned(officerId: string | null) {
      return sqlite
        .prepare(
          `SELECT c.id, c.receipt_number AS receiptNumber, CASE WHEN c.confidential THEN '' ELSE c.title END AS title,
             c.officer_id AS officerId, a.display_name AS officerName, r.at AS returnedAt,
             s.display_name AS returnedBy, r.note
           FROM complaint_reviews r
           JOIN complaints c ON c.id = r.complaint_id
           JOIN accounts a ON a.id = c.officer_id
           JOIN accounts s ON s.id = r.by_id
           WHERE r.state = 'returned' ${officerId ? 'AND r.returned_to = ?' : ''}
           ORDER BY r.at`,
        )
        .all(...(officerId ? [officerId] : [])) as Array<{
        id: string;
        receiptNumber: string;
        title: string;
        officerId: string;
        officerName: string;
        returnedAt: string;
        returnedBy: string;
        note: string;
      }>;
    },

    /** Beranda's figures: the officer's own records, or the whole desk's for a supervisor. */
    home(accountId: string, wholeDesk: boolean) {
      const today = wibDate(clock());
      const next = reference.calendar().addWorkingDays(today, 1);
      const mine = wholeDesk ? '' : 'AND c.officer_id = @me';
      const row = sqlite
        .prepare(
          `SELECT
             (SELECT count(*) FROM complaints c WHERE c.received_day = @today) AS today,
             (SELECT count(*) FROM complaints c WHERE c.received_day = @today AND c.officer_id = @me) AS todayMine,
             (SELECT count(*) FROM complaints c WHERE c.current_due IS NOT NULL AND c.current_due < @today ${mine}) AS late,
             (SELECT count(*) FROM complaints c WHERE c.current_due = @today ${mine}) AS dueToday,
             (SELECT count(*) FROM complaints c WHERE c.current_due > @today AND c.current_due <= @next ${mine}) AS dueNextWorkingDay,
             EXISTS (SELECT 1 FROM day_registers WHERE day = @today) AS dayClosed`,
        )
        .get({ today, next, me: accountId }) as Record<string, number>;
      return {
        scope: wholeDesk ? ('desk' as const) : ('mine' as const),
        today: row.today!,
        todayMine: row.todayMine!,
        late: row.late!,
        dueToday: row.dueToday!,
        dueNextWorkingDay: row.dueNextWorkingDay!,
        dayClosed: Boolean(row.dayClosed),
      };
    },

    /** The gate complaints' corrections ask: who a record waits on, and that it was corrected. */
    correctionGate: {
      returnedTo(complaintId: string): string | null {
        const row = stateOf(complaintId);
        return row?.state === 'returned' ? row.returnedTo : null;
      },
      corrected(complaintId: string, actorId: string, at: string) {
        const row = stateOf(complaintId);
        // A correction after a return asks the supervisor to look again; other corrections leave the review as it is.
        if (row?.state === 'returned') setState(complaintId, 'corrected', actorId, at, row.note, null);
      },
    },

    /** For closing a day: the records of the day and where they stand. */
    records,
  };
}
export type Review = ReturnType<typeof createReview>;
