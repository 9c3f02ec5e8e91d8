/**
 * The outbox as the sender sees it (SQL only): which complaints have a message due, each complaint's
 * messages in order, outcomes written in batches, the counts on screen, and resending.
 */
import type { CoreContext } from '../platform/context';
import type { Outcome } from './client';
import { heldAt } from './outbox';

export interface OutboxRow {
  id: number;
  complaintId: string;
  kind: 'complaint' | 'event' | 'register' | 'attachment';
  refId: string;
  payloadEnc: string | null;
  attempts: number;
  invalidAnswers: number;
}

/**
 * Bodies built again from what the desk holds now, as JSON text (null when the record is gone): for a
 * parked complaint a supervisor sends again, and for rows older than frozen bodies. The complaints
 * feature provides it; forwarding knows nothing of complaint tables.
 */
export interface Rebuild {
  complaint(id: string): string | null;
  event(id: string): string | null;
}

export interface StoreOptions {
  /** First retry delay; doubles each attempt up to maxBackoffMs, with jitter. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Answers that do not fit the contract, in a row, before the record is parked. */
  maxInvalidAnswers: number;
}

export function createStore(ctx: CoreContext, rebuild: Rebuild, options: StoreOptions) {
  const { sqlite, cipher, clock } = ctx;

  // Complaints whose head (oldest unsent message) is due now, oldest due first, with all their unsent
  // messages in order: one query for a whole batch of work.
  const dueWork = sqlite.prepare(`
    WITH heads AS (
      SELECT o.complaint_id AS c, row_number() OVER (ORDER BY o.next_attempt_at, o.id) AS n FROM outbox o
      WHERE o.state = 'pending' AND o.next_attempt_at <= ?
        AND o.id = (SELECT min(o2.id) FROM outbox o2 WHERE o2.complaint_id = o.complaint_id AND o2.state <> 'sent')
      ORDER BY o.next_attempt_at, o.id LIMIT ?)
    SELECT o.id, o.complaint_id AS complaintId, o.kind, o.ref_id AS refId, o.payload_enc AS payloadEnc,
           o.attempts, o.invalid_answers AS invalidAnswers, o.state FROM heads h
    JOIN outbox o ON o.complaint_id = h.c AND o.state <> 'sent'
    ORDER BY h.n, o.id`);
  // Only heads count: a message held behind a parked one is not due, however old its time.
  const nextDue = sqlite
    .prepare(
      `SELECT o.next_attempt_at FROM outbox o WHERE o.state = 'pending' AND o.next_attempt_at < '${heldAt}'
         AND o.id = (SELECT min(o2.id) FROM outbox o2 WHERE o2.complaint_id = o.complaint_id AND o2.state <> 'sent')
       ORDER BY o.next_attempt_at, o.id LIMIT 1`,
    )
    .pluck();
  const markSent = sqlite.prepare(
    "UPDATE outbox SET state = 'sent', sent_at = ?, last_status = ?, last_error = NULL, invalid_answers = 0 WHERE id = ? AND state = 'pending'",
  );
  const markRetry = sqlite.prepare(
    'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_status = ?, last_error = ?, invalid_answers = ? WHERE id = ?',
  );
  const markParked = sqlite.prepare(
    "UPDATE outbox SET state = 'parked', attempts = attempts + 1, last_status = ?, last_error = ? WHERE id = ?",
  );
  const retryNow = sqlite.prepare(
    `UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ? AND next_attempt_at <> '${heldAt}'`,
  );
  // Only a complaint's first unsent message is due (see heldAt): the ones after it wait, and the
  // first, when it waited, is due now.
  const holdFollowers = sqlite.prepare(
    `UPDATE outbox SET next_attempt_at = '${heldAt}' WHERE complaint_id = @lane AND state = 'pending'
       AND next_attempt_at <> '${heldAt}'
       AND id > (SELECT min(id) FROM outbox WHERE complaint_id = @lane AND state <> 'sent')`,
  );
  const releaseHead = sqlite.prepare(
    `UPDATE outbox SET next_attempt_at = @now WHERE state = 'pending' AND next_attempt_at = '${heldAt}'
       AND id = (SELECT min(id) FROM outbox WHERE complaint_id = @lane AND state <> 'sent')`,
  );
  const settleLane = (complaintId: string, now: string) => {
    holdFollowers.run({ lane: complaintId });
    releaseHead.run({ lane: complaintId, now });
  };
  // Cheap at any backlog: held rows are found from the (few) parked ones, not by a check per waiting row.
  const counts = sqlite.prepare(`
    SELECT
      (SELECT count(*) FROM outbox WHERE state = 'pending') AS pending,
      (SELECT count(DISTINCT o.id) FROM outbox p JOIN outbox o
         ON o.complaint_id = p.complaint_id AND o.id > p.id AND o.state = 'pending'
       WHERE p.state = 'parked') AS held,
      (SELECT count(*) FROM outbox WHERE state = 'parked') AS parked,
      (SELECT min(created_at) FROM outbox WHERE state = 'pending'
         AND complaint_id NOT IN (SELECT complaint_id FROM outbox WHERE state = 'parked')) AS oldest`);
  const resendRow = sqlite.prepare(
    "UPDATE outbox SET state = 'pending', next_attempt_at = ?, attempts = 0, invalid_answers = 0 WHERE id = ?",
  );
  const resendComplaintRows = sqlite.prepare(
    "UPDATE outbox SET state = 'pending', next_attempt_at = ?, attempts = 0, invalid_answers = 0 WHERE complaint_id = ?",
  );
  const messageState = sqlite.prepare(
    'SELECT kind, state, complaint_id AS complaintId FROM outbox WHERE id = ?',
  );
  const complaintHead = sqlite.prepare(
    "SELECT id, state FROM outbox WHERE complaint_id = ? AND kind = 'complaint'",
  );
  const setBody = sqlite.prepare('UPDATE outbox SET payload_enc = ? WHERE id = ?');
  const setError = sqlite.prepare('UPDATE outbox SET last_error = ? WHERE id = ?');
  /** Re-freezes a complaint's body from what the desk holds now. */
  function refreshComplaintBody(outboxId: number, complaintId: string): void {
    const fresh = rebuild.complaint(complaintId);
    if (fresh) setBody.run(cipher.encrypt('outbox', fresh), outboxId);
  }

  function backoff(attempts: number, retryAfter: number | null): number {
    const exp = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** Math.min(attempts, 20));
    const jittered = exp / 2 + Math.random() * (exp / 2);
    return Math.max(jittered, retryAfter ?? 0);
  }

  function writeOutcome(row: OutboxRow, outcome: Outcome, now: Date): void {
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    switch (outcome.kind) {
      case 'delivered':
        markSent.run(now.toISOString(), outcome.status, row.id);
        releaseHead.run({ lane: row.complaintId, now: now.toISOString() });
        return;
      case 'skipped':
        markSent.run(now.toISOString(), null, row.id);
        setError.run(outcome.message, row.id);
        releaseHead.run({ lane: row.complaintId, now: now.toISOString() });
        return;
      case 'retry':
        markRetry.run(
          at(backoff(row.attempts, outcome.retryAfterMs)),
          outcome.status,
          outcome.message,
          0,
          row.id,
        );
        return;
      case 'invalid':
        if (row.invalidAnswers + 1 >= options.maxInvalidAnswers)
          markParked.run(
            outcome.status,
            `${outcome.message} (${row.invalidAnswers + 1} kali berturut-turut)`,
            row.id,
          );
        else
          markRetry.run(
            at(backoff(row.attempts, null)),
            outcome.status,
            outcome.message,
            row.invalidAnswers + 1,
            row.id,
          );
        return;
      case 'park':
        markParked.run(outcome.status, outcome.message, row.id);
        return;
      case 'pause':
        // Sent again as soon as the pause is lifted.
        markRetry.run(now.toISOString(), outcome.status, outcome.message, 0, row.id);
    }
  }

  return {
    /** Complaints whose next message is due now, oldest due first, each with its messages to send. */
    dueComplaints(limit: number): Array<{ complaintId: string; rows: OutboxRow[] }> {
      const work: Array<{ complaintId: string; rows: OutboxRow[] }> = [];
      type Work = { complaintId: string; rows: OutboxRow[]; open: boolean };
      let current = null as Work | null;
      for (const row of dueWork.all(clock().toISOString(), limit) as Array<OutboxRow & { state: string }>) {
        if (!current || current.complaintId !== row.complaintId) {
          current = { complaintId: row.complaintId, rows: [], open: true };
          work.push(current);
        }
        // Up to the first message that is not pending (parked): nothing after it may go.
        if (row.state !== 'pending') current.open = false;
        else if (current.open) current.rows.push(row);
      }
      return work;
    },
    /**
     * The frozen body of a message as JSON text, sent as it was recorded (older rows without one, or
     * frozen before the contract had category codes, are built from the stored record).
     */
    body(row: OutboxRow): string | null {
      if (row.payloadEnc) {
        // Events without personal data are kept as plain JSON (like complaint_events); the rest sealed.
        const json = row.payloadEnc.startsWith('{')
          ? row.payloadEnc
          : cipher.decrypt('outbox', row.payloadEnc);
        // A register is always frozen; a complaint frozen before category codes is built again.
        if (row.kind !== 'complaint' || json.includes('"categoryCode"')) return json;
      }
      if (row.kind === 'register' || row.kind === 'attachment') return null; // never rebuilt
      return row.kind === 'complaint' ? rebuild.complaint(row.refId) : rebuild.event(row.refId);
    },
    /**
     * One transaction for a batch of outcomes. Committed without waiting for the disk (synchronous
     * NORMAL for this commit only): a delivery mark lost to a power cut only means the record is sent
     * again, which the server's idempotency absorbs; the next FULL commit of a save syncs it anyway.
     */
    record(outcomes: Array<[OutboxRow, Outcome]>): void {
      if (outcomes.length === 0) return;
      const now = clock();
      sqlite.pragma('synchronous = NORMAL');
      try {
        sqlite.transaction(() => outcomes.forEach(([row, outcome]) => writeOutcome(row, outcome, now)))();
      } finally {
        sqlite.pragma('synchronous = FULL');
      }
    },
    nextDueAt(): number | null {
      const at = nextDue.get() as string | null;
      return at ? Date.parse(at) : null;
    },
    /** The connection is back: everything backed off goes now. */
    retryAllNow(): void {
      const now = clock().toISOString();
      retryNow.run(now, now);
    },
    counts() {
      const c = counts.get() as { pending: number; held: number; parked: number; oldest: string | null };
      return { waiting: c.pending - c.held, held: c.held, parked: c.parked, oldest: c.oldest };
    },
    parked() {
      return sqlite
        .prepare(
          `SELECT o.id, o.complaint_id AS complaintId, o.kind, o.last_status AS lastStatus, o.last_error AS lastError,
                  c.receipt_number AS receiptNumber, o.created_at AS createdAt
           FROM outbox o LEFT JOIN complaints c ON c.id = o.complaint_id
           WHERE o.state = 'parked' ORDER BY o.id LIMIT 500`,
        )
        .all() as Array<{
        id: number;
        complaintId: string;
        kind: 'complaint' | 'event' | 'register' | 'attachment';
        lastStatus: number | null;
        lastError: string | null;
        receiptNumber: string | null;
        createdAt: string;
      }>;
    },
    /**
     * One message again, whatever its state: the server is idempotent, so a delivered one changes
     * nothing. A parked complaint goes with what the desk holds now (a supervisor fixed it).
     */
    resend(id: number): boolean {
      const row = messageState.get(id) as { kind: string; state: string; complaintId: string } | undefined;
      if (!row) return false;
      return sqlite.transaction(() => {
        if (row.kind === 'complaint' && row.state === 'parked') refreshComplaintBody(id, row.complaintId);
        const now = clock().toISOString();
        const changed = resendRow.run(now, id).changes > 0;
        settleLane(row.complaintId, now);
        return changed;
      })();
    },
    /** A complaint and all its events again, in their order. */
    resendComplaint(complaintId: string): number {
      const head = complaintHead.get(complaintId) as { id: number; state: string } | undefined;
      return sqlite.transaction(() => {
        if (head?.state === 'parked') refreshComplaintBody(head.id, complaintId);
        const now = clock().toISOString();
        const changed = resendComplaintRows.run(now, complaintId).changes;
        settleLane(complaintId, now);
        return changed;
      })();
    },
  };
}
export type Store = ReturnType<typeof createStore>;
