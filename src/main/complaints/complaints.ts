/**
 * Complaints: the durable save (row, first history event and search row in one FULL-sync
 * transaction) and the lookups a returning citizen needs. Personal data leaves here masked;
 * unmasked reads go through reveal(), which is audited.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ComplaintView } from '../../shared/contract/complaints';
import { addCalendarDays, wibDate } from '../../shared/calendar/working-days';
import { maskNik, normalizeNik } from '../../shared/domain/nik';
import { maskPhone, normalizePhone } from '../../shared/domain/phone';
import { formatReceiptNumber, parseReceiptNumber } from '../../shared/domain/receipt-number';
import { say } from '../../shared/i18n';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { DeskFailure } from '../platform/failure';
import { preparedInsert } from '../platform/prepared-insert';
import { accounts } from '../accounts';
import { complaintEvents, complaints, noMilestones } from './schema';
import type { Reference } from '../reference';
import type { SettingsService } from '../settings';
import { nextSequenceSql } from './numbering';
import { contentColumns, openPersonal, searchLocation, storedFields } from './stored-fields';
import { checkComplaint, type ParsedComplaint } from './validate';
import type { CentralRecords } from './central-record';
import type { History } from './history';
import type { ComplaintRecord } from '../forwarding';

type ComplaintRow = typeof complaints.$inferSelect;

const maskEmail = (e: string) => e.replace(/^(.)[^@]*(@.*)$/, '$1***$2');
const maskAddress = (a: string) => (a.length <= 6 ? '***' : a.slice(0, 6) + '***');

/** Files taken in with a new complaint (the attachments feature keeps them; complaints never reads their tables). */
export interface IntakeFiles {
  /** Inside the saving transaction, before the record is queued: keeps them; what its record names. */
  keep(complaintId: string, at: string): ComplaintRecord['attachments'];
  /** Inside the transaction, after the record's first event: their history events. */
  noted(complaintId: string, at: string): void;
}

export function createComplaints(
  ctx: CoreContext,
  reference: Reference,
  settings: SettingsService,
  audit: AuditTrail,
  history: History,
  records: CentralRecords,
) {
  const { db, sqlite, cipher, clock } = ctx;

  // The day's next number, never below the floor a restore set for the day.
  const nextSequence = sqlite.prepare(nextSequenceSql);
  const insertFts = sqlite.prepare(
    'INSERT INTO complaint_fts (rowid, complaint_id, title, body, name, location) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const nextSeq = sqlite.prepare('SELECT coalesce(max(seq), 0) + 1 AS seq FROM complaints');
  const insertComplaint = preparedInsert(sqlite, complaints);

  function view(row: ComplaintRow, officerName: string): ComplaintView {
    const { nik, phone, email, address } = openPersonal(cipher, row);
    return {
      id: row.id,
      receiptNumber: row.receiptNumber,
      ...contentColumns(row),
      agencyCode: row.agencyCode,
      nik: nik && maskNik(nik),
      phone: phone && maskPhone(phone),
      email: email && maskEmail(email),
      address: address && maskAddress(address),
      officerName,
      status: row.status as ComplaintView['status'],
      receivedAt: row.receivedAt,
      deadlines: { verifyBy: row.verifyDue, followUpBy: row.followUpDue, answerBy: row.answerDue },
      currentDue: row.currentDue,
      laporTrackingId: row.laporTrackingId,
    };
  }

  const selectWithOfficer = () =>
    db
      .select({ row: complaints, officerName: accounts.displayName })
      .from(complaints)
      .innerJoin(accounts, eq(accounts.id, complaints.officerId));

  // The lookups a returning citizen waits for: prepared once.
  const byIdStatement = selectWithOfficer()
    .where(eq(complaints.id, sql.placeholder('id')))
    .prepare();
  const byReceiptStatement = selectWithOfficer()
    .where(eq(complaints.receiptNumber, sql.placeholder('n')))
    .prepare();
  const byPhoneStatement = selectWithOfficer()
    .where(eq(complaints.phoneBidx, sql.placeholder('b')))
    .orderBy(desc(complaints.receivedAt))
    .limit(200)
    .prepare();

  const printedStatement = db
    .select({ id: complaintEvents.id })
    .from(complaintEvents)
    .where(and(eq(complaintEvents.complaintId, sql.placeholder('id')), eq(complaintEvents.kind, 'CETAK')))
    .prepare();

  function get(id: string) {
    const found = byIdStatement.get({ id });
    if (!found) throw new DeskFailure('NOT_FOUND', say('errors.NOT_FOUND'));
    return found;
  }

  return {
    /** `files`: those taken in with it (the attachments feature), kept in the same transaction. */
    create(officerId: string, input: ParsedComplaint, files?: IntakeFiles) {
      const now = clock();
      const receivedAt = now.toISOString();
      const receivedDay = wibDate(now);
      const identity = checkComplaint(input, reference, receivedDay);
      // The limits in force for this type on the day of receipt; later changes never move them.
      const rules = settings.deadlinesFor(input.type, receivedDay);
      const calendar = reference.calendar();
      const verifyBy = calendar.addWorkingDays(receivedDay, rules.verifyWorkingDays);
      const deadlines = {
        verifyBy,
        followUpBy: calendar.addWorkingDays(verifyBy, rules.followUpWorkingDays),
        answerBy: addCalendarDays(receivedDay, rules.answerCalendarDays),
      };
      const id = uuidv7();
      const location = searchLocation(reference, input);

      const receiptNumber = db.transaction(() => {
        const deskRow = settings.desk();
        if (!deskRow) throw new DeskFailure('SETUP_REQUIRED', say('errors.SETUP_REQUIRED'));
        const day = receivedDay.replace(/-/g, '');
        const { last } = nextSequence.get({ day, isoDay: receivedDay }) as { last: number };
        const number = formatReceiptNumber({ deskCode: deskRow.code, day, sequence: last });
        const { seq } = nextSeq.get() as { seq: number };
        const row = {
          id,
          receiptNumber: number,
          ...storedFields(input, identity, cipher),
          agencyCode: input.agencyCode,
          officerId,
          status: 'BARU',
          receivedAt,
          receivedDay,
          verifyDue: deadlines.verifyBy,
          followUpDue: deadlines.followUpBy,
          answerDue: deadlines.answerBy,
          laporTrackingId: null,
          seq,
          currentDue: deadlines.verifyBy,
          pausedSince: null,
          personalPurgedAt: null,
          ...noMilestones,
          createdAt: receivedAt,
          updatedAt: receivedAt,
        };
        insertComplaint(row);
        const received = {
          id: uuidv7(),
          complaintId: id,
          kind: 'DITERIMA' as const,
          at: receivedAt,
          actorId: officerId,
          toStatus: 'BARU' as const,
        };
        insertFts.run(seq, id, input.title, input.body, identity.name ?? '', location);
        // Its files first: their uploads go before the record that names them.
        const attachments = files?.keep(id, receivedAt) ?? [];
        // The record goes to the central server as it was saved, built from the values in hand and
        // committed in this same transaction.
        history.received(
          { ...records.complaintRecordOf(row, identity, records.officerName(officerId)), attachments },
          received,
        );
        files?.noted(id, receivedAt);
        return number;
      });
      history.committed();
      return { id, receiptNumber, receivedAt, deadlines };
    },

    get(id: string) {
      const { row, officerName } = get(id);
      const events = db
        .select({
          id: complaintEvents.id,
          kind: complaintEvents.kind,
          at: complaintEvents.at,
          actorName: accounts.displayName,
          fromStatus: complaintEvents.fromStatus,
          toStatus: complaintEvents.toStatus,
          reason: complaintEvents.reason,
          data: complaintEvents.data,
        })
        .from(complaintEvents)
        .leftJoin(accounts, eq(accounts.id, complaintEvents.actorId))
        .where(eq(complaintEvents.complaintId, id))
        .orderBy(complaintEvents.at, complaintEvents.id)
        .all();
      return { complaint: view(row, officerName), events: events as never };
    },

    findByReceipt(raw: string): ComplaintView {
      const parsed = parseReceiptNumber(raw);
      if (!parsed.valid) {
        throw new DeskFailure('VALIDATION', say('errors.receiptInvalid'), {
          receiptNumber: say('errors.receiptInvalid'),
        });
      }
      const found = byReceiptStatement.get({ n: parsed.number });
      if (!found) throw new DeskFailure('NOT_FOUND', say('errors.NOT_FOUND'));
      return view(found.row, found.officerName);
    },

    findByContact(query: { phone?: string; nik?: string }): ComplaintView[] {
      if (query.phone && !query.nik) {
        const phone = normalizePhone(query.phone);
        if (!phone)
          throw new DeskFailure('VALIDATION', say('validation.phone'), { phone: say('validation.phone') });
        return byPhoneStatement
          .all({ b: cipher.blindIndex('phone', phone) })
          .map((r) => view(r.row, r.officerName));
      }
      const conditions = [];
      if (query.phone) {
        const phone = normalizePhone(query.phone);
        if (!phone)
          throw new DeskFailure('VALIDATION', say('validation.phone'), { phone: say('validation.phone') });
        conditions.push(eq(complaints.phoneBidx, cipher.blindIndex('phone', phone)));
      }
      if (query.nik) {
        const nik = normalizeNik(query.nik);
        conditions.push(eq(complaints.nikBidx, cipher.blindIndex('nik', nik)));
      }
      if (conditions.length === 0) return [];
      return selectWithOfficer()
        .where(and(...conditions))
        .orderBy(desc(complaints.receivedAt))
        .limit(200)
        .all()
        .map((r) => view(r.row, r.officerName));
    },

    reveal(actorId: string, id: string, reason: string) {
      const { row } = get(id);
      // Who looked at personal data stays in the desk's own history (not forwarded).
      db.transaction(() =>
        history.append({
          id: uuidv7(),
          complaintId: id,
          kind: 'PEMBUKAAN_DATA_PRIBADI',
          at: clock().toISOString(),
          actorId,
          reason,
        }),
      );
      audit.record(actorId, 'complaints.revealPersonalData', id, { reason });
      return openPersonal(cipher, row);
    },

    /**
     * What a receipt prints of a complaint: its content and deadlines, who recorded it, and the NIK
     * in the clear (the receipt masks it). Null when the desk has no such complaint.
     */
    forReceipt(id: string) {
      const found = byIdStatement.get({ id });
      if (!found) return null;
      const { row, officerName } = found;
      return {
        ...row,
        officerName,
        nik: row.nikEnc ? cipher.decrypt('nik', row.nikEnc) : null,
      };
    },
    /** Whether a receipt of the complaint was printed before (a reprint is marked as a copy). */
    printedBefore: (id: string): boolean => printedStatement.get({ id }) !== undefined,

    stats() {
      const today = wibDate(clock());
      const total =
        db
          .select({ n: sql<number>`count(*)` })
          .from(complaints)
          .get()?.n ?? 0;
      const todayCount =
        db
          .select({ n: sql<number>`count(*)` })
          .from(complaints)
          .where(eq(complaints.receivedDay, today))
          .get()?.n ?? 0;
      return { total, today: todayCount };
    },
  };
}
export type Complaints = ReturnType<typeof createComplaints>;
