/**
 * The forwarding worker: drains the outbox to the central server, in order per complaint (the
 * complaint before its events) and in parallel across complaints, with exponential backoff and
 * jitter, Retry-After, and a timeout per request. Delivery is at least once; the server is
 * idempotent by UUID, so the effect is exactly once. It also pulls central changes into history.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ComplaintStatus } from '../../shared/domain/complaint';
import type { Audit } from '../audit/audit';
import { dueFor } from '../complaints/actions';
import type { CoreContext } from '../core/context';
import { appliedChanges, complaintEvents, complaints, desk, outbox, syncState } from '../db/schema';
import type { ChangeRecord, ComplaintRecord } from './central-contract';
import { createCentralClient, type CentralClient, type Outcome } from './client';
import { createRecords } from './records';

export interface ForwardingOptions {
  concurrency?: number;
  /** First retry delay; doubles each attempt up to maxBackoffMs, with jitter. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
  /** How often to look for work and changes when nothing wakes the worker. */
  pollMs?: number;
  /** Alarm when a record has waited longer than this while the server was reachable. */
  alarmAfterMs?: number;
  /** While the server is unreachable, how often to ask /v1/health whether it is back. */
  healthProbeMs?: number;
}

interface ServerSettings {
  url: string;
  tokenEnc: string | null;
  caCertificate: string | null;
  enabled: boolean;
}

export function createForwarding(ctx: CoreContext, audit: Audit, options: ForwardingOptions = {}) {
  const { db, sqlite, cipher, clock } = ctx;
  const concurrency = options.concurrency ?? 4;
  const baseBackoff = options.baseBackoffMs ?? 1000;
  const maxBackoff = options.maxBackoffMs ?? 5 * 60_000;
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const pollMs = options.pollMs ?? 30_000;
  const alarmAfterMs = options.alarmAfterMs ?? 60 * 60_000;
  const healthProbeMs = options.healthProbeMs ?? 5000;
  const records = createRecords(ctx);

  const getState = <T>(key: string): T | null =>
    (db.select().from(syncState).where(eq(syncState.key, key)).get()?.value as T) ?? null;
  const setState = (key: string, value: unknown) =>
    db
      .insert(syncState)
      .values({ key, value })
      .onConflictDoUpdate({ target: syncState.key, set: { value } })
      .run();

  // The head of each complaint's queue: its oldest unsent row, if that row is due now.
  const ready = sqlite.prepare(`
    SELECT o.id, o.complaint_id AS complaintId, o.kind, o.ref_id AS refId, o.payload_enc AS payloadEnc, o.attempts
    FROM outbox o
    WHERE o.state = 'pending' AND o.next_attempt_at <= ?
      AND o.id = (SELECT min(o2.id) FROM outbox o2 WHERE o2.complaint_id = o.complaint_id AND o2.state <> 'sent')
    ORDER BY o.next_attempt_at, o.id LIMIT ?`);
  const nextDue = sqlite.prepare("SELECT min(next_attempt_at) AS at FROM outbox WHERE state = 'pending'");
  const markSent = sqlite.prepare(
    "UPDATE outbox SET state = 'sent', sent_at = ?, last_status = ?, last_error = NULL, payload_enc = NULL WHERE id = ?",
  );
  const markRetry = sqlite.prepare(
    'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_status = ?, last_error = ? WHERE id = ?',
  );
  const retryNow = sqlite.prepare(
    "UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?",
  );
  const markParked = sqlite.prepare(
    "UPDATE outbox SET state = 'parked', attempts = attempts + 1, last_status = ?, last_error = ? WHERE id = ?",
  );

  let client: CentralClient | null = null;
  let clientKey = '';
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let connection: 'online' | 'offline' | 'unknown' = 'unknown';

  /**
   * Periods the server was unreachable, kept so the alarm can count only reachable time: a record
   * waiting through a two-day outage is normal; one waiting an hour while the server answers is not.
   */
  type Outage = { from: string; to: string | null };
  function setConnection(next: 'online' | 'offline') {
    if (next === connection) return;
    const now = clock().toISOString();
    const outages = getState<Outage[]>('outages') ?? [];
    if (next === 'offline') outages.push({ from: now, to: null });
    else if (outages.length && outages.at(-1)!.to === null) outages.at(-1)!.to = now;
    setState('outages', outages.slice(-500));
    connection = next;
  }

  /** Milliseconds since `fromIso` during which the server was not known to be unreachable. */
  function reachableSince(fromIso: string): number {
    const from = Date.parse(fromIso);
    const now = clock().getTime();
    let offline = 0;
    for (const o of getState<Outage[]>('outages') ?? []) {
      const a = Math.max(from, Date.parse(o.from));
      const b = Math.min(now, o.to ? Date.parse(o.to) : now);
      if (b > a) offline += b - a;
    }
    return now - from - offline;
  }
  const inflight = new Set<number>();

  function settingsRow(): ServerSettings | null {
    return getState<ServerSettings>('server');
  }

  function currentClient(): CentralClient | null {
    const s = settingsRow();
    if (!s?.enabled || !s.url || !s.tokenEnc) return null;
    const deskCode = db.select().from(desk).get()?.code;
    if (!deskCode) return null;
    const key = JSON.stringify([s.url, s.tokenEnc, s.caCertificate, deskCode]);
    if (!client || key !== clientKey) {
      void client?.close();
      client = createCentralClient({
        url: s.url,
        token: cipher.decrypt('secret', s.tokenEnc),
        deskCode,
        caCertificate: s.caCertificate,
        timeoutMs,
      });
      clientKey = key;
    }
    return client;
  }

  function backoff(attempts: number, retryAfter: number | null): number {
    const exp = Math.min(maxBackoff, baseBackoff * 2 ** Math.min(attempts, 20));
    const jittered = exp / 2 + Math.random() * (exp / 2);
    return Math.max(jittered, retryAfter ?? 0);
  }

  async function sendOne(
    c: CentralClient,
    row: {
      id: number;
      complaintId: string;
      kind: string;
      refId: string;
      payloadEnc: string | null;
      attempts: number;
    },
  ): Promise<Outcome> {
    if (row.kind === 'complaint') {
      const record = row.payloadEnc
        ? (JSON.parse(cipher.decrypt('outbox', row.payloadEnc)) as ComplaintRecord)
        : records.complaint(row.refId);
      if (!record) return { kind: 'park', status: 0, message: 'complaint no longer on this desk' };
      return c.putComplaint(record);
    }
    const event = records.event(row.refId);
    if (!event) return { kind: 'park', status: 0, message: 'event no longer on this desk' };
    return c.postEvent(event);
  }

  type Row = {
    id: number;
    complaintId: string;
    kind: string;
    refId: string;
    payloadEnc: string | null;
    attempts: number;
  };

  function record(row: { id: number; attempts: number }, outcome: Outcome) {
    const now = clock();
    switch (outcome.kind) {
      case 'delivered':
        markSent.run(now.toISOString(), outcome.status, row.id);
        setState('lastSuccessAt', now.toISOString());
        setConnection('online');
        return;
      case 'retry':
        markRetry.run(
          new Date(now.getTime() + backoff(row.attempts, outcome.retryAfterMs)).toISOString(),
          outcome.status,
          outcome.message,
          row.id,
        );
        if (outcome.status === null) setConnection('offline');
        else setConnection('online');
        return;
      case 'park':
        markParked.run(outcome.status, outcome.message, row.id);
        audit.record(null, 'forwarding.parked', String(row.id), {
          status: outcome.status,
          message: outcome.message,
        });
        setConnection('online');
        return;
      case 'pause':
        // Nothing more goes out until an admin fixes the token: every further call would fail the same way.
        markRetry.run(now.toISOString(), outcome.status, outcome.message, row.id);
        setState('paused', { status: outcome.status, message: outcome.message, at: now.toISOString() });
        audit.record(null, 'forwarding.paused', null, { status: outcome.status, message: outcome.message });
        setConnection('online');
    }
  }

  async function drainOnce(): Promise<void> {
    if (stopped || !sqlite.open) return;
    const c = currentClient();
    if (!c || getState('paused')) return;
    for (;;) {
      const rows = (ready.all(clock().toISOString(), concurrency * 16) as Row[]).filter(
        (r) => !inflight.has(r.id),
      );
      if (rows.length === 0) return;
      // A small pool: up to `concurrency` complaints at once, each strictly in order (one head each).
      const results: Array<[Row, Outcome]> = [];
      let index = 0;
      let paused = false;
      const worker = async () => {
        while (index < rows.length && !stopped && !paused) {
          const row = rows[index++]!;
          inflight.add(row.id);
          try {
            const outcome = await sendOne(c, row);
            results.push([row, outcome]);
            if (outcome.kind === 'pause') paused = true;
          } finally {
            inflight.delete(row.id);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, rows.length) }, worker));
      // Closed while requests were out: those rows stay pending and go again next start (the server is idempotent).
      if (stopped || !sqlite.open) return;
      // One commit for the whole batch instead of one synchronous disk write per record.
      db.transaction(() => results.forEach(([row, outcome]) => record(row, outcome)));
      if (paused) return;
    }
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    if (stopped) return;
    if (connection === 'offline' && currentClient()) {
      // Offline: ask the server's health often; the moment it answers, everything backed off goes.
      timer = setTimeout(() => void probe(), healthProbeMs);
      timer.unref();
      return;
    }
    const due = (nextDue.get() as { at: string | null }).at;
    const wait = due ? Math.max(10, Math.min(pollMs, Date.parse(due) - clock().getTime())) : pollMs;
    timer = setTimeout(() => void wake(), wait);
    timer.unref();
  }

  /** "Connection back": a health probe while offline; on success, retry everything now. */
  async function probe(): Promise<void> {
    const c = currentClient();
    if (stopped || !c) return;
    if (await c.health()) {
      if (stopped || !sqlite.open) return;
      setConnection('online');
      const now = clock().toISOString();
      retryNow.run(now, now);
      await wake();
      await pull();
    } else schedule();
  }

  /** Drain now (on save, on timer, on "connection back", on Kirim sekarang). */
  async function wake(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await drainOnce();
        } while (again && !stopped);
      } finally {
        running = null;
        if (!stopped && sqlite.open) schedule();
      }
    })();
    return running;
  }

  // --- status changes made centrally ---------------------------------------------------------
  function applyChange(change: ChangeRecord, next: string) {
    db.transaction((tx) => {
      if (tx.select().from(appliedChanges).where(eq(appliedChanges.changeId, change.id)).get()) {
        tx.insert(syncState)
          .values({ key: 'pullCursor', value: next })
          .onConflictDoUpdate({ target: syncState.key, set: { value: next } })
          .run();
        return;
      }
      const row = tx.select().from(complaints).where(eq(complaints.id, change.complaintId)).get();
      if (row) {
        const to = (change.status ?? row.status) as ComplaintStatus;
        const patch = {
          status: to,
          ...(change.agencyCode ? { agencyCode: change.agencyCode } : {}),
          ...(change.laporTrackingId ? { laporTrackingId: change.laporTrackingId } : {}),
          updatedAt: clock().toISOString(),
        };
        tx.update(complaints)
          .set({ ...patch, currentDue: dueFor(to, row) })
          .where(eq(complaints.id, row.id))
          .run();
        tx.insert(complaintEvents)
          .values({
            id: uuidv7(),
            complaintId: row.id,
            kind: 'PUSAT',
            at: change.at,
            actorId: null,
            fromStatus: row.status,
            toStatus: to,
            reason: change.agencyAnswer ?? change.note ?? null,
            data: {
              changeId: change.id,
              ...(change.agencyCode ? { agencyCode: change.agencyCode } : {}),
              ...(change.laporTrackingId ? { laporTrackingId: change.laporTrackingId } : {}),
            },
          })
          .run();
      }
      tx.insert(appliedChanges).values({ changeId: change.id, appliedAt: clock().toISOString() }).run();
      tx.insert(syncState)
        .values({ key: 'pullCursor', value: next })
        .onConflictDoUpdate({ target: syncState.key, set: { value: next } })
        .run();
    });
  }

  async function pull(): Promise<number> {
    const c = currentClient();
    if (!c || getState('paused')) return 0;
    let applied = 0;
    for (let page = 0; page < 50; page++) {
      const cursor = getState<string>('pullCursor') ?? '';
      const result = await c.changes(cursor, 200);
      if ('kind' in result) {
        if (result.kind === 'pause')
          setState('paused', { status: result.status, message: result.message, at: clock().toISOString() });
        return applied;
      }
      if (stopped || !sqlite.open) return applied;
      for (const change of result.changes) {
        applyChange(change, result.next);
        applied++;
      }
      if (result.changes.length === 0 || result.next === cursor) {
        if (result.next !== cursor) setState('pullCursor', result.next);
        return applied;
      }
    }
    return applied;
  }

  function status() {
    const counts = sqlite
      .prepare(
        "SELECT state, count(*) AS n, min(created_at) AS oldest FROM outbox WHERE state <> 'sent' GROUP BY state",
      )
      .all() as Array<{ state: string; n: number; oldest: string }>;
    const waiting = counts.find((c) => c.state === 'pending');
    const parked = counts.find((c) => c.state === 'parked');
    const s = settingsRow();
    const paused = getState<{ status: number; message: string; at: string }>('paused');
    const oldest = waiting?.oldest ?? null;
    return {
      configured: Boolean(s?.url && s.tokenEnc),
      enabled: Boolean(s?.enabled),
      connection: !s?.enabled ? ('disabled' as const) : paused ? ('paused' as const) : connection,
      pausedReason: paused ? `${paused.status}: ${paused.message}` : null,
      waiting: waiting?.n ?? 0,
      parked: parked?.n ?? 0,
      oldestWaitingAt: oldest,
      lastSuccessAt: getState<string>('lastSuccessAt'),
      // Waiting alone is normal offline; waiting through an hour of reachable time is not.
      alarm: Boolean(s?.enabled && oldest && reachableSince(oldest) > alarmAfterMs),
    };
  }

  return {
    wake,
    pull,
    status,
    /** Starts the timer; the first drain and pull happen at once. */
    start() {
      stopped = false;
      void wake().then(() => pull());
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      void client?.close();
      client = null;
    },
    settings() {
      const s = settingsRow();
      return {
        url: s?.url ?? '',
        tokenSet: Boolean(s?.tokenEnc),
        caCertificate: s?.caCertificate ?? '',
        enabled: Boolean(s?.enabled),
      };
    },
    saveSettings(
      actorId: string,
      input: {
        url: string;
        token?: string | undefined;
        caCertificate?: string | undefined;
        enabled: boolean;
      },
    ) {
      const previous = settingsRow();
      setState('server', {
        url: input.url,
        tokenEnc: input.token ? cipher.encrypt('secret', input.token) : (previous?.tokenEnc ?? null),
        caCertificate:
          input.caCertificate === undefined ? (previous?.caCertificate ?? null) : input.caCertificate || null,
        enabled: input.enabled,
      } satisfies ServerSettings);
      // A new token is the fix for a 401/403 pause.
      if (input.token) db.delete(syncState).where(eq(syncState.key, 'paused')).run();
      audit.record(actorId, 'forwarding.settings', null, {
        url: input.url,
        enabled: input.enabled,
        tokenChanged: Boolean(input.token),
      });
      void wake();
      return this.settings();
    },
    resume(actorId: string) {
      db.delete(syncState).where(eq(syncState.key, 'paused')).run();
      audit.record(actorId, 'forwarding.resume');
      void wake();
    },
    parkedList() {
      return db
        .select({
          id: outbox.id,
          complaintId: outbox.complaintId,
          kind: outbox.kind,
          lastStatus: outbox.lastStatus,
          lastError: outbox.lastError,
          receiptNumber: complaints.receiptNumber,
          createdAt: outbox.createdAt,
        })
        .from(outbox)
        .leftJoin(complaints, eq(complaints.id, outbox.complaintId))
        .where(eq(outbox.state, 'parked'))
        .orderBy(asc(outbox.id))
        .limit(500)
        .all();
    },
    /** After a supervisor fixed the record: send it again, with the complaint's current content. */
    resend(actorId: string, id: number) {
      const row = db
        .select()
        .from(outbox)
        .where(and(eq(outbox.id, id), eq(outbox.state, 'parked')))
        .get();
      if (!row) return false;
      const fresh = row.kind === 'complaint' ? records.complaint(row.complaintId) : null;
      db.update(outbox)
        .set({
          state: 'pending',
          nextAttemptAt: clock().toISOString(),
          ...(fresh ? { payloadEnc: cipher.encrypt('outbox', JSON.stringify(fresh)) } : {}),
          attempts: sql`0`,
        })
        .where(eq(outbox.id, id))
        .run();
      audit.record(actorId, 'forwarding.resend', String(id));
      void wake();
      return true;
    },
  };
}
export type Forwarding = ReturnType<typeof createForwarding>;
