/**
 * Personal data kept only as long as allowed, and the person's rights (UU 27/2022):
 * - retention: the personal fields of complaints closed longer ago than the retention period, and
 *   drafts left untouched, are purged in small transactions (the desk keeps answering), skipping
 *   records under a legal hold and records whose messages have not reached the central server;
 * - a supervisor finds every record of one person by NIK or phone, gives them a copy of what the
 *   desk holds, and erases their personal data on request unless a record is under a legal hold.
 * Each step is audited: what was done and to how many records, never the data.
 */
import type { Attachments } from '../attachments';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComplaintStatus } from '../../shared/domain/complaint';
import { say } from '../../shared/i18n';
import type { Drafts, PersonalData } from '../complaints';
import type { Outbox } from '../forwarding';
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import { DeskFailure } from '../platform/failure';
import { createOneTime } from '../platform/one-time';
import type { SettingsService } from '../settings';
import { renderCopyHtml } from './copy-html';

export interface Person {
  nik?: string | undefined;
  phone?: string | undefined;
}
export interface CopyPdf {
  savePdf(
    html: string,
    options: { paper: 'A4'; file: string; timeoutMs: number; cssPage: true },
  ): Promise<string>;
}

// Each purged row costs the search index some milliseconds (personal.ts): small transactions,
// a pause between them, so an officer's save never waits long.
const batch = 25;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createPrivacy(
  ctx: CoreContext,
  deps: {
    personal: PersonalData;
    drafts: Drafts;
    attachments: Pick<Attachments, 'purge'>;
    outbox: Outbox;
    settings: SettingsService;
    audit: AuditTrail;
    pdf: { writer: CopyPdf; folder: string } | null;
  },
) {
  const { sqlite, clock, log } = ctx;
  const pages = createOneTime<string>(() => clock().getTime());
  const holdOf = sqlite.prepare('SELECT reason, set_at AS setAt FROM legal_holds WHERE complaint_id = ?');
  const waiting = sqlite
    .prepare("SELECT 1 FROM outbox WHERE complaint_id = ? AND state != 'sent' LIMIT 1")
    .pluck();
  const summary = sqlite.prepare(
    `SELECT id, receipt_number AS receiptNumber, received_at AS receivedAt, status, title, confidential,
       personal_purged_at AS purgedAt FROM complaints WHERE id = ?`,
  );
  // Closed complaints, in seq order from a point on, with the instant they closed.
  const closedAfter = sqlite.prepare(
    `SELECT c.id, c.seq,
       (SELECT max(e.at) FROM complaint_events e WHERE e.complaint_id = c.id AND e.to_status = c.status) AS closedAt
     FROM complaints c
     WHERE c.seq > ? AND c.status IN ('SELESAI', 'DIARSIPKAN') AND c.personal_purged_at IS NULL
     ORDER BY c.seq LIMIT ${batch}`,
  );

  function requirePerson(person: Person): void {
    if (!person.nik && !person.phone) {
      const message = say('errors.personKey');
      throw new DeskFailure('VALIDATION', message, { nik: message });
    }
  }

  /** Purges these complaints' personal data in one transaction, with their sealed outbox bodies. */
  function purgeNow(ids: string[]): number {
    return sqlite.transaction(() => {
      const n = deps.personal.purge(ids);
      deps.attachments.purge(ids);
      for (const id of ids) deps.outbox.forgetSealed(id);
      return n;
    })();
  }

  /** What was overwritten leaves the WAL too (its old pages would otherwise stay until reused). */
  function flushWal(): void {
    try {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      log.warn('privacy.checkpoint_failed', { message: (error as Error).message });
    }
  }

  return {
    /** The person's records, with whether each is held or already purged. */
    find(actorId: string, person: Person) {
      requirePerson(person);
      const ids = deps.personal.idsOf(person);
      deps.audit.record(actorId, 'privacy.find', null, {
        by: person.nik ? 'nik' : 'phone',
        found: ids.length,
      });
      return ids.map((id) => {
        const r = summary.get(id) as {
          id: string;
          receiptNumber: string;
          receivedAt: string;
          status: ComplaintStatus;
          title: string;
          confidential: number;
          purgedAt: string | null;
        };
        const hold = holdOf.get(id) as { reason: string; setAt: string } | undefined;
        return {
          id: r.id,
          receiptNumber: r.receiptNumber,
          receivedAt: r.receivedAt,
          status: r.status,
          title: r.title,
          purgedAt: r.purgedAt,
          hold: hold ?? null,
          waiting: waiting.get(id) !== undefined,
        };
      });
    },

    /** The person's copy: a one-time page in browser mode, a PDF file in the desktop shell. */
    async copy(actorId: string, person: Person, reason: string) {
      requirePerson(person);
      const records = deps.personal.held(deps.personal.idsOf(person));
      const madeAt = clock().toISOString();
      const html = renderCopyHtml({
        siteName: deps.settings.get().siteName,
        deskCode: deps.settings.deskCode(),
        madeAt,
        records,
      });
      deps.audit.record(actorId, 'privacy.copy', null, {
        by: person.nik ? 'nik' : 'phone',
        records: records.length,
        reason,
      });
      if (deps.pdf) {
        await mkdir(deps.pdf.folder, { recursive: true, mode: 0o700 });
        const file = join(deps.pdf.folder, `salinan-data-pribadi-${madeAt.replace(/[:.]/g, '-')}.pdf`);
        await deps.pdf.writer.savePdf(html, { paper: 'A4', file, timeoutMs: 30_000, cssPage: true });
        await chmod(file, 0o600);
        return { url: null, file, records: records.length };
      }
      return { url: `/salinan/${pages.offer(html)}`, file: null, records: records.length };
    },

    /** The prepared copy page, once. */
    takePrepared: (key: string): string | undefined => pages.take(key),

    /** Erases the person's personal data, except records under a legal hold or still to be delivered. */
    erase(actorId: string, person: Person, reason: string) {
      requirePerson(person);
      const ids = deps.personal.idsOf(person);
      const held: string[] = [];
      const notSent: string[] = [];
      const go: string[] = [];
      for (const id of ids) {
        const number = (summary.get(id) as { receiptNumber: string }).receiptNumber;
        if (holdOf.get(id)) held.push(number);
        else if (waiting.get(id) !== undefined) notSent.push(number);
        else go.push(id);
      }
      const erased = purgeNow(go);
      const drafts = deps.drafts.eraseHolding(person);
      flushWal();
      deps.audit.record(actorId, 'privacy.erase', null, {
        by: person.nik ? 'nik' : 'phone',
        erased,
        held: held.length,
        waiting: notSent.length,
        drafts,
        reason,
      });
      return { erased, held, waiting: notSent, drafts };
    },

    /** Puts a record under a legal hold (reason) or lifts it (null). */
    hold(actorId: string, complaintId: string, reason: string | null) {
      if (!summary.get(complaintId)) throw new DeskFailure('NOT_FOUND', say('errors.NOT_FOUND'));
      if (reason)
        sqlite
          .prepare(
            `INSERT INTO legal_holds (complaint_id, reason, set_by, set_at) VALUES (?, ?, ?, ?)
             ON CONFLICT(complaint_id) DO UPDATE SET reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at`,
          )
          .run(complaintId, reason, actorId, clock().toISOString());
      else sqlite.prepare('DELETE FROM legal_holds WHERE complaint_id = ?').run(complaintId);
      deps.audit.record(
        actorId,
        reason ? 'privacy.hold' : 'privacy.release',
        complaintId,
        reason ? { reason } : undefined,
      );
      return { held: reason !== null };
    },

    /**
     * The retention run: purges the personal data of complaints closed before the retention period,
     * in transactions of a few hundred with a pause between them, and drafts left untouched.
     */
    async purgeExpired(actorId: string | null) {
      const started = performance.now();
      const now = clock();
      const { retentionMonths, draftRetentionDays } = deps.settings.get();
      const cutoff = new Date(now);
      cutoff.setUTCMonth(cutoff.getUTCMonth() - retentionMonths);
      const cutoffIso = cutoff.toISOString();
      let purged = 0;
      let held = 0;
      let notSent = 0;
      let after = -1;
      for (;;) {
        const rows = closedAfter.all(after) as Array<{ id: string; seq: number; closedAt: string | null }>;
        if (rows.length === 0) break;
        after = rows[rows.length - 1]!.seq;
        const due = rows.filter((r) => r.closedAt !== null && r.closedAt < cutoffIso);
        const go: string[] = [];
        for (const r of due) {
          if (holdOf.get(r.id)) held++;
          else if (waiting.get(r.id) !== undefined) notSent++;
          else go.push(r.id);
        }
        if (go.length) purged += purgeNow(go);
        await pause();
      }
      const draftCutoff = new Date(now.getTime() - draftRetentionDays * 86_400_000).toISOString();
      const drafts = deps.drafts.purgeOlderThan(draftCutoff);
      if (purged || drafts) flushWal();
      const ms = Math.round(performance.now() - started);
      deps.audit.record(actorId, 'privacy.retention', null, {
        closedBefore: cutoffIso,
        purged,
        held,
        waiting: notSent,
        drafts,
      });
      log.info('privacy.retention', { purged, held, waiting: notSent, drafts, ms });
      return { closedBefore: cutoffIso, purged, held, waiting: notSent, drafts, ms };
    },
  };
}
export type Privacy = ReturnType<typeof createPrivacy>;
