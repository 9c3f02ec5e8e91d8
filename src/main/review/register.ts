/**
 * Tutup hari: closing a day produces its daily register (buku register pengaduan harian). The
 * register's content is canonical JSON (fixed key order, values as stored), kept with its SHA-256
 * digest in an append-only table; the digest is printed on the register, and a reprint renders the
 * kept content, so it carries the same digest. Records saved after a day closed go on the next
 * register, marked "setelah tutup hari".
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { wibDate } from '../../shared/calendar/working-days';
import type { RegisterInfo } from '../../shared/contract/review';
import { reviewDone } from '../../shared/domain/review';
import { say } from '../../shared/i18n';
import { canonicalJson, registerLane, type DayRegisterRecord, type Outbox } from '../forwarding';
import { createOneTime } from '../platform/one-time';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { DeskFailure } from '../platform/failure';
import type { Reference } from '../reference';
import type { SettingsService } from '../settings';
import { renderRegisterHtml } from './register-html';
import type { Review } from './review';
import { dayRegisters, registerEntries } from './schema';

/** One line of the register, in the order it is printed. */
export interface RegisterEntry {
  receiptNumber: string;
  receivedAt: string;
  type: string;
  channel: string;
  /** null when Rahasia: the register says so instead of the title. */
  title: string | null;
  agency: string;
  officer: string;
  status: string;
  verifyDue: string;
  followUpDue: string;
  answerDue: string;
  review: string;
  reviewNote: string | null;
  /** Saved after its own day ({day}) was closed. */
  lateFor: string | null;
}

/** The head of the audit and history hash chain when the day was closed (trail/trail.ts). */
export interface RegisterChainHead {
  audit: { id: number; hash: string } | null;
  events: { seq: number; hash: string } | null;
}

/**
 * @1 registers (closed before the hash chain) have no `chain`; @2 carry the chain's head, so the
 * central copy pins the trail as it stood at each close.
 */
export interface RegisterContent {
  format: 'meja-pengaduan/register-harian@2';
  chain: RegisterChainHead;
  deskCode: string;
  siteName: string;
  day: string;
  closedAt: string;
  closedBy: string;
  reason: string | null;
  entries: RegisterEntry[];
  totals: {
    entries: number;
    byType: Record<string, number>;
    byStatus: Record<string, number>;
    unreviewed: number;
  };
}

export const digestOf = (canonical: string) => createHash('sha256').update(canonical, 'utf8').digest('hex');

interface EntryRow {
  id: string;
  receiptNumber: string;
  receivedAt: string;
  receivedDay: string;
  type: string;
  channel: string;
  title: string;
  confidential: number;
  agencyCode: string;
  officerName: string;
  status: string;
  verifyDue: string;
  followUpDue: string;
  answerDue: string;
  reviewState: string | null;
  reviewNote: string | null;
}

/** The desktop shell's PDF writer (receipts' DesktopPrinting fits); null in browser mode. */
export interface RegisterPdf {
  savePdf(
    html: string,
    options: { paper: 'A4'; file: string; timeoutMs: number; cssPage: true },
  ): Promise<string>;
}

export function createRegisters(
  ctx: CoreContext,
  deps: {
    review: Review;
    reference: Reference;
    settings: SettingsService;
    audit: AuditTrail;
    /** Desktop shell: registers are saved as PDF in <folder>/, owner-only. */
    pdf: { writer: RegisterPdf; folder: string } | null;
    /** The close of a day goes to the central server as its own message, in the same transaction. */
    outbox: Outbox;
    /** The hash chain's head, recorded on the register. */
    chainHead: () => RegisterChainHead;
    /** After a day is closed (the desk takes its close-of-day backup). */
    onClosed?: (day: string) => void;
  },
) {
  const { db, sqlite, clock } = ctx;
  const { reference, settings, audit } = deps;
  const prepared = createOneTime<string>(() => clock().getTime());

  /** The day's records not on any register yet, and those of closed earlier days saved after the close. */
  const entryRows = sqlite.prepare(`
    SELECT c.id, c.receipt_number AS receiptNumber, c.received_at AS receivedAt, c.received_day AS receivedDay,
      c.type, c.channel, c.title, c.confidential, c.agency_code AS agencyCode, a.display_name AS officerName,
      c.status, c.verify_due AS verifyDue, c.follow_up_due AS followUpDue, c.answer_due AS answerDue,
      r.state AS reviewState, r.note AS reviewNote
    FROM complaints c
    JOIN accounts a ON a.id = c.officer_id
    LEFT JOIN complaint_reviews r ON r.complaint_id = c.id
    WHERE NOT EXISTS (SELECT 1 FROM register_entries e WHERE e.complaint_id = c.id)
      AND (c.received_day = ? OR (c.received_day < ? AND c.received_day IN (SELECT day FROM day_registers)))
    ORDER BY c.received_day, c.received_at, c.seq`);

  const info = (row: typeof dayRegisters.$inferSelect, closedByName: string): RegisterInfo => ({
    id: row.id,
    day: row.day,
    closedAt: row.closedAt,
    closedBy: closedByName,
    reason: row.reason,
    entries: row.entries,
    digest: row.digest,
  });
  const nameOf = (accountId: string) =>
    (sqlite.prepare('SELECT display_name FROM accounts WHERE id = ?').pluck().get(accountId) as string) ?? '';

  function kept(day: string) {
    return db.select().from(dayRegisters).where(eq(dayRegisters.day, day)).get();
  }

  return {
    /** The register of a day, if the day is closed. */
    of(day: string): RegisterInfo | null {
      const row = kept(day);
      return row ? info(row, nameOf(row.closedBy)) : null;
    },

    close(actorId: string, day: string, reason: string | undefined): RegisterInfo {
      const now = clock();
      const today = wibDate(now);
      if (day > today)
        throw new DeskFailure('VALIDATION', say('errors.futureDay'), { day: say('errors.futureDay') });
      const register = db.transaction(() => {
        if (kept(day)) throw new DeskFailure('CONFLICT', say('errors.dayClosed', { day }));
        const rows = entryRows.all(day, day) as EntryRow[];
        const unreviewed = rows.filter(
          (r) => r.receivedDay === day && !reviewDone.includes((r.reviewState ?? 'open') as never),
        ).length;
        if (unreviewed > 0 && !reason) {
          const message = say('errors.unreviewedNeedReason', { count: unreviewed });
          throw new DeskFailure('VALIDATION', message, { reason: message });
        }
        const s = settings.get();
        const byType: Record<string, number> = {};
        const byStatus: Record<string, number> = {};
        const entries: RegisterEntry[] = rows.map((r) => {
          byType[r.type] = (byType[r.type] ?? 0) + 1;
          byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
          return {
            receiptNumber: r.receiptNumber,
            receivedAt: r.receivedAt,
            type: r.type,
            channel: reference.channel(r.channel)?.name ?? r.channel,
            title: r.confidential ? null : r.title,
            agency: reference.agency(r.agencyCode)?.name ?? r.agencyCode,
            officer: r.officerName,
            status: r.status,
            verifyDue: r.verifyDue,
            followUpDue: r.followUpDue,
            answerDue: r.answerDue,
            review: r.reviewState ?? 'open',
            reviewNote: r.reviewNote,
            lateFor: r.receivedDay === day ? null : r.receivedDay,
          };
        });
        const content: RegisterContent = {
          format: 'meja-pengaduan/register-harian@2',
          // Taken inside the close's transaction, before its own audit row: the head as the day ends.
          chain: deps.chainHead(),
          deskCode: settings.deskCode(),
          siteName: s.siteName,
          day,
          closedAt: now.toISOString(),
          closedBy: nameOf(actorId),
          reason: reason ?? null,
          entries,
          totals: { entries: entries.length, byType, byStatus, unreviewed },
        };
        const canonical = canonicalJson(content);
        const row = {
          id: uuidv7(),
          day,
          closedAt: content.closedAt,
          closedBy: actorId,
          reason: reason ?? null,
          entries: entries.length,
          content: canonical,
          digest: digestOf(canonical),
        };
        db.insert(dayRegisters).values(row).run();
        const message: DayRegisterRecord = {
          id: row.id,
          deskCode: content.deskCode,
          day,
          closedAt: row.closedAt,
          entries: row.entries,
          digest: row.digest,
          content: canonical,
        };
        deps.outbox.enqueue(`${registerLane}${day}`, 'register', row.id, JSON.stringify(message), false);
        for (const r of rows)
          db.insert(registerEntries).values({ complaintId: r.id, registerId: row.id }).run();
        audit.record(actorId, 'review.closeDay', day, {
          entries: entries.length,
          digest: row.digest,
          unreviewed,
        });
        return row;
      });
      deps.outbox.notify();
      deps.onClosed?.(day);
      return info(register, nameOf(actorId));
    },

    /**
     * The kept register as an A4 page: in browser mode behind a one-time link the browser prints or
     * saves as PDF; in the desktop shell written as a PDF file in the registers folder.
     */
    async page(actorId: string, day: string) {
      const row = kept(day);
      if (!row) throw new DeskFailure('NOT_FOUND', say('errors.dayNotClosed', { day }));
      // The kept text must still be what was digested: a register altered in the file is refused.
      if (digestOf(row.content) !== row.digest)
        throw new DeskFailure('CONFLICT', say('errors.registerAltered'));
      const html = renderRegisterHtml(JSON.parse(row.content) as RegisterContent, row.digest);
      audit.record(actorId, 'review.registerPrinted', day, { digest: row.digest });
      if (deps.pdf) {
        await mkdir(deps.pdf.folder, { recursive: true, mode: 0o700 });
        const file = join(
          deps.pdf.folder,
          `register-${settings.deskCode()}-${day}-${row.digest.slice(0, 8)}.pdf`,
        );
        await deps.pdf.writer.savePdf(html, { paper: 'A4', file, timeoutMs: 30_000, cssPage: true });
        await chmod(file, 0o600);
        return { url: null, file, digest: row.digest };
      }
      const key = prepared.offer(html);
      return { url: `/register/${key}`, file: null, digest: row.digest };
    },

    /** The prepared page, once. */
    takePrepared: (key: string): string | undefined => prepared.take(key),

    /** For tests and support: the kept content of a day's register. */
    content(day: string): { content: string; digest: string } | null {
      const row = kept(day);
      return row ? { content: row.content, digest: row.digest } : null;
    },
  };
}
export type Registers = ReturnType<typeof createRegisters>;
