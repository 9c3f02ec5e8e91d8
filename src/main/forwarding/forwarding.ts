/**
 * Forwarding, the facade: schedules the sender and the puller, tracks the connection, and answers the
 * status bar and the admin. Nothing runs while sending is off, unconfigured or paused: the desk then
 * waits for a settings change, Lanjutkan or a save, not a timer.
 */
import type { AuditTrail } from '../platform/audit-trail';
import type { CoreContext } from '../platform/context';
import type { DeskIdentity } from '../settings';
import type { Outcome } from './client';
import { createConnection } from './connection';
import type { ForwardingOptions } from './options';
import { createPuller, type ApplyChange } from './puller';
import { createSender } from './sender';
import { createClientCache, createDoubt, createLastSuccess, createWorkerFailures, once } from './worker';
import { createServerSettings, urlProblem, type ServerSettingsInput } from './server-settings';
import { createSyncState } from './state';
import { createStore, type OutboxRow, type Rebuild } from './store';

export type { ForwardingOptions } from './options';

type Paused = { status: number; message: string; at: string };
const maxPullBackoffMs = 15 * 60_000;

/** What forwarding needs from the rest of the desk, handed in by the composition root. */
export interface ForwardingPorts {
  identity: DeskIdentity;
  rebuild: Rebuild;
  applyChange: ApplyChange;
  /** A kept file's bytes by SHA-256, in the clear; null when erased (the attachments feature). */
  file: (sha256: string) => Buffer | null;
}

export function createForwarding(
  ctx: CoreContext,
  audit: AuditTrail,
  { identity, rebuild, applyChange, file }: ForwardingPorts,
  options: ForwardingOptions = {},
) {
  const { sqlite, clock } = ctx;
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const alarmAfterMs = options.alarmAfterMs ?? 60 * 60_000;
  const healthProbeMs = options.healthProbeMs ?? 5000;
  const maxInvalidAnswers = options.maxInvalidAnswers ?? 5;
  const state = createSyncState(ctx);
  const settings = createServerSettings(ctx, state, audit);
  const connection = createConnection(state, clock);
  const store = createStore(ctx, rebuild, {
    baseBackoffMs: options.baseBackoffMs ?? 1000,
    maxBackoffMs: options.maxBackoffMs ?? 5 * 60_000,
    maxInvalidAnswers,
  });
  const puller = createPuller(ctx, state, applyChange);

  let stopped = true;
  // Failures of the worker itself, shown on the forwarding screen until that work succeeds.
  const failures = createWorkerFailures(ctx.log, clock);
  const background = failures.background;
  let paused: Paused | null = state.get<Paused>('paused');
  let sendTimer: NodeJS.Timeout | null = null;
  let probeTimer: NodeJS.Timeout | null = null;
  let pullTimer: NodeJS.Timeout | null = null;
  let kickPending = false;
  let pullFailures = 0;
  const lastSuccess = createLastSuccess(state, clock);
  /** Times the worker woke to do something: an idle desk must not spin (tests count these). */
  let wakeups = 0;
  const alive = () => !stopped && sqlite.open;

  const clients = createClientCache(
    () => {
      const usable = settings.usable();
      const deskCode = usable && identity.desk()?.code;
      return usable && deskCode
        ? { url: usable.url, token: settings.token()!, deskCode, caCertificate: usable.caCertificate ?? null }
        : null;
    },
    { timeoutMs, proxyFor: options.proxyFor },
    (old) => background('close', async () => old.close()),
  );
  const canSend = () => alive() && !paused && clients.get() !== null;

  function setPaused(next: Paused | null) {
    paused = next;
    if (next) state.set('paused', next);
    else state.delete('paused');
  }

  function noteAnswer(outcome: Outcome) {
    if (!alive() || outcome.kind === 'skipped') return;
    if (outcome.kind === 'retry' && outcome.status === null) {
      // One dropped connection is not an outage: the health check decides, and meanwhile no lane
      // takes more work (worker.ts, createDoubt).
      doubt.raise();
      return;
    }
    connection.set('online');
    if (outcome.kind === 'delivered') lastSuccess.note();
    if (outcome.kind === 'pause' && !paused) {
      setPaused({ status: outcome.status, message: outcome.message, at: clock().toISOString() });
      audit.record(null, 'forwarding.paused', null, { status: outcome.status, message: outcome.message });
    }
  }

  function onOutcome(row: OutboxRow, outcome: Outcome) {
    noteAnswer(outcome);
    // Sending works again: a failure of the desk's own sending code is no longer current.
    if (outcome.kind === 'delivered') failures.cleared('send');
    const parks =
      outcome.kind === 'park' || (outcome.kind === 'invalid' && row.invalidAnswers + 1 >= maxInvalidAnswers);
    if (parks && alive())
      audit.record(null, 'forwarding.parked', String(row.id), {
        status: outcome.status,
        message: outcome.message,
      });
  }

  const sender = createSender(
    store,
    {
      client: () => (canSend() && !doubt.active() && connection.get() !== 'offline' ? clients.get() : null),
      onOutcome,
      file,
      onError: (error) => failures.report('send', error),
      paused: () => paused !== null,
      stopped: () => !alive(),
    },
    options.concurrency ?? 8,
  );

  /** True when the server answers its health check; sets the connection either way. */
  const checkReachable = once(async () => {
    const c = clients.get();
    const ok = c ? await c.health() : false;
    if (alive()) connection.set(ok ? 'online' : 'offline');
    if (!ok) scheduleProbe();
    return ok;
  });

  const doubt = createDoubt(background, async () => {
    if (await checkReachable()) kick();
  });

  function scheduleProbe() {
    if (probeTimer || !canSend()) return;
    probeTimer = setTimeout(() => {
      probeTimer = null;
      if (!canSend()) return;
      wakeups++;
      background('probe', () =>
        checkReachable().then((ok) => {
          if (!ok || !alive()) return;
          // Connection back: everything backed off goes now, and central changes come in.
          store.retryAllNow();
          kick();
          background('pull', () => pull());
        }),
      );
    }, healthProbeMs);
    probeTimer.unref();
  }

  function scheduleSend() {
    if (sendTimer) clearTimeout(sendTimer);
    sendTimer = null;
    if (!canSend() || connection.get() === 'offline') return;
    const due = store.nextDueAt();
    if (due === null) return;
    sendTimer = setTimeout(
      () => {
        sendTimer = null;
        kick();
      },
      Math.max(20, due - clock().getTime()),
    );
    sendTimer.unref();
  }

  function schedulePull() {
    if (pullTimer) clearTimeout(pullTimer);
    pullTimer = null;
    if (!canSend()) return;
    const every = options.pullEveryMs ?? settings.pullEveryMs();
    const wait = pullFailures ? Math.min(maxPullBackoffMs, every * 2 ** Math.min(pullFailures, 10)) : every;
    pullTimer = setTimeout(() => {
      pullTimer = null;
      if (connection.get() === 'offline') return schedulePull();
      wakeups++;
      background('pull', () => pull());
    }, wait);
    pullTimer.unref();
  }

  /** Drain now: on save, on a due retry, on Kirim sekarang, on connection back. */
  async function drain(): Promise<void> {
    // Offline, only the health probe (or Kirim sekarang) brings the connection back; in doubt, the
    // health check's answer does.
    if (!canSend() || connection.get() === 'offline' || doubt.active()) return;
    wakeups++;
    await sender.wake();
    if (alive()) scheduleSend();
  }

  const drainThenPull = () => background('drain', () => drain().then(() => pull()));

  /** Coalesces many wake requests (a burst of saves) into one drain on the next turn. */
  function kick() {
    if (kickPending || !alive()) return;
    kickPending = true;
    setImmediate(() => {
      kickPending = false;
      background('drain', () => drain());
    });
  }

  const pull = once(async (): Promise<number> => {
    try {
      const c = canSend() ? clients.get() : null;
      if (!c) return 0;
      const result = await puller.pull(c, () => !alive());
      if (!alive()) return 0;
      if (result.ok) {
        pullFailures = 0;
        connection.set('online');
        return result.applied;
      }
      // A failed pull backs off (doubling up to 15 minutes); a 401/403 pauses like a send would.
      pullFailures++;
      noteAnswer(result.outcome);
      return 0;
    } finally {
      if (alive()) schedulePull();
    }
  });

  function clearTimers() {
    for (const t of [sendTimer, probeTimer, pullTimer]) if (t) clearTimeout(t);
    sendTimer = probeTimer = pullTimer = null;
  }

  function status() {
    const s = settings.row();
    const counts = store.counts();
    const problem = s?.url ? urlProblem(s.url, s.plainHttpHost) : null;
    const plainHost = s?.plainHttpHost && s.url.startsWith('http:') ? s.plainHttpHost : null;
    return {
      configured: Boolean(s?.url && s.tokenEnc),
      enabled: Boolean(s?.enabled),
      connection: !s?.enabled ? ('disabled' as const) : paused ? ('paused' as const) : connection.get(),
      pausedReason: paused ? `${paused.status}: ${paused.message}` : null,
      waiting: counts.waiting,
      held: counts.held,
      parked: counts.parked,
      oldestWaitingAt: counts.oldest,
      lastSuccessAt: lastSuccess.at(),
      lastPullAt: state.get<string>('lastPullAt'),
      // Waiting alone is normal offline; waiting through an hour of reachable time is not; a pause always is.
      alarm: Boolean(
        s?.enabled && (paused || (counts.oldest && connection.reachableSince(counts.oldest) > alarmAfterMs)),
      ),
      warning: problem ? ('urlRefused' as const) : plainHost ? ('plainHttp' as const) : null,
      plainHttpHost: plainHost,
      workerError: failures.current(),
    };
  }

  return {
    status,
    pull,
    /**
     * Kirim sekarang: sends what is waiting and settles when the pool is idle again. Offline, it asks
     * the health check first, and on an answer retries everything backed off.
     */
    async wake() {
      if (connection.get() === 'offline') {
        if (!(await checkReachable())) return;
        store.retryAllNow();
      }
      await drain();
    },
    /** Wake from a save: coalesced, never on the caller's stack. */
    notify: kick,
    /** Starts the worker; the first drain and pull happen at once. */
    start() {
      stopped = false;
      paused = state.get<Paused>('paused');
      drainThenPull();
    },
    stop() {
      stopped = true;
      clearTimers();
      sender.flush();
      if (sqlite.open) lastSuccess.save();
      clients.invalidate();
    },
    /** After the PC slept: timers and pooled connections are stale; start over. */
    restart() {
      if (stopped) return;
      clearTimers();
      clients.invalidate();
      connection.forget();
      pullFailures = 0;
      // Backoff times computed before the sleep mean nothing now.
      store.retryAllNow();
      drainThenPull();
    },
    /** For tests: how often the worker woke to work. */
    wakeups: () => wakeups,
    settings: () => settings.view(),
    saveSettings(actorId: string, input: ServerSettingsInput) {
      const { tokenChanged } = settings.save(actorId, input);
      clients.invalidate();
      // A new token is the fix for a 401/403 pause.
      if (tokenChanged) setPaused(null);
      clearTimers();
      pullFailures = 0;
      connection.forget();
      drainThenPull();
      return settings.view();
    },
    resume(actorId: string) {
      setPaused(null);
      audit.record(actorId, 'forwarding.resume');
      drainThenPull();
    },
    parkedList: () => store.parked(),
    /** Sends one message again, whatever its state (a parked complaint goes with its current content). */
    resend(actorId: string, id: number) {
      if (!store.resend(id)) return false;
      audit.record(actorId, 'forwarding.resend', String(id));
      kick();
      return true;
    },
    /** Sends a complaint and every event of it again (the server's idempotency makes it safe). */
    resendComplaint(actorId: string, complaintId: string) {
      const n = store.resendComplaint(complaintId);
      if (n) audit.record(actorId, 'forwarding.resendComplaint', complaintId, { messages: n });
      kick();
      return n;
    },
  };
}
export type Forwarding = ReturnType<typeof createForwarding>;
