/**
 * The tamper-evident trail: verifying the hash chain over the audit trail and the complaint history
 * (platform/chain.ts), row by row, naming the first row that does not fit; sealing the rows a desk
 * wrote before the chain existed; and the chain's head, which the close of a day records on the
 * daily register and sends to the central server, so that even someone who controls the PC cannot
 * rewrite an earlier day without the central copy showing it.
 *
 * Verifying reads in pages of a few thousand rows and yields between them: the desk keeps answering
 * while a million complaints' history is checked.
 */
import type { CoreContext } from '../platform/context';
import {
  auditRowText,
  eventRowText,
  genesis,
  linkHash,
  type AuditRowValues,
  type EventRowValues,
} from '../platform/chain';

const page = 5000;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export type TrailTable = 'audit_log' | 'complaint_events';
export interface TrailProblem {
  table: TrailTable;
  /** The row: audit id, or the event's id (and its place in the chain). */
  id: string;
  chainSeq: number | null;
  /** changed: its content or link does not fit; gap: rows before it are missing; unchained: a row
   * outside the chain; seal: the rows sealed at the chain's start no longer match their seal. */
  reason: 'changed' | 'gap' | 'unchained' | 'seal';
}
export interface ChainHead {
  audit: { id: number; hash: string } | null;
  events: { seq: number; hash: string } | null;
}
export interface TrailReport {
  ok: boolean;
  checked: { audit: number; events: number };
  head: ChainHead;
  problem: TrailProblem | null;
  /** Registers whose recorded chain head the chain no longer holds (the first one). */
  registerMismatch: string | null;
  ms: number;
}

type AuditRow = AuditRowValues & { hash: string | null };
type EventRow = EventRowValues & { hash: string | null };

const auditColumns = 'id, at, actor_id AS actorId, action, target, detail, hash';
const eventColumns = `chain_seq AS chainSeq, id, complaint_id AS complaintId, kind, at, actor_id AS actorId,
  from_status AS fromStatus, to_status AS toStatus, reason, data, hash`;

export function createTrail(ctx: CoreContext) {
  const { sqlite, clock, log } = ctx;
  const sealOf = sqlite.prepare('SELECT rows, last_ref AS lastRef, hash FROM chain_seals WHERE kind = ?');

  /**
   * Running hash over rows with no link, in id order (what a seal holds); a generator that pauses
   * after each page, so the seal at start runs it straight through and the verify yields between.
   */
  function* unchainedPages(kind: 'audit' | 'event') {
    let prev = genesis;
    let rows = 0;
    let lastRef = '';
    let after: string | number = kind === 'audit' ? 0 : '';
    const next =
      kind === 'audit'
        ? sqlite.prepare(
            `SELECT ${auditColumns} FROM audit_log WHERE hash IS NULL AND id > ? ORDER BY id LIMIT ${page}`,
          )
        : sqlite.prepare(
            `SELECT ${eventColumns} FROM complaint_events WHERE chain_seq IS NULL AND id > ? ORDER BY id LIMIT ${page}`,
          );
    for (;;) {
      const batch = next.all(after) as Array<AuditRow | EventRow>;
      for (const row of batch) {
        prev = linkHash(
          prev,
          kind,
          kind === 'audit' ? auditRowText(row as AuditRow) : eventRowText(row as EventRow),
        );
        rows++;
        lastRef = String(row.id);
      }
      if (batch.length < page) break;
      after = batch[batch.length - 1]!.id;
      yield;
    }
    return { prev, rows, lastRef };
  }
  async function unchainedHash(kind: 'audit' | 'event') {
    const pages = unchainedPages(kind);
    for (;;) {
      const step = pages.next();
      if (step.done) return step.value;
      await pause();
    }
  }
  function unchainedHashNow(kind: 'audit' | 'event') {
    const pages = unchainedPages(kind);
    for (;;) {
      const step = pages.next();
      if (step.done) return step.value;
    }
  }

  function head(): ChainHead {
    const audit = sqlite
      .prepare('SELECT id, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1')
      .get() as { id: number; hash: string } | undefined;
    const events = sqlite
      .prepare(
        'SELECT chain_seq AS seq, hash FROM complaint_events WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1',
      )
      .get() as { seq: number; hash: string } | undefined;
    return { audit: audit ?? null, events: events ?? null };
  }

  async function verifyAudit(): Promise<{ rows: number; problem: TrailProblem | null }> {
    const problem = (id: number | string, reason: TrailProblem['reason']): TrailProblem => ({
      table: 'audit_log',
      id: String(id),
      chainSeq: null,
      reason,
    });
    const seal = sealOf.get('audit') as { rows: number; lastRef: string; hash: string } | undefined;
    let prev = genesis;
    let rows = 0;
    let lastId = 0;
    if (seal) {
      const sealed = await unchainedHash('audit');
      if (sealed.rows !== seal.rows || sealed.prev !== seal.hash || sealed.lastRef !== seal.lastRef) {
        const stray = sqlite
          .prepare('SELECT id FROM audit_log WHERE hash IS NULL AND id > ? ORDER BY id LIMIT 1')
          .pluck()
          .get(Number(seal.lastRef)) as number | undefined;
        return {
          rows,
          problem: stray !== undefined ? problem(stray, 'unchained') : problem(seal.lastRef, 'seal'),
        };
      }
      prev = seal.hash;
      rows = seal.rows;
      lastId = Number(seal.lastRef);
    } else {
      const stray = sqlite
        .prepare('SELECT id FROM audit_log WHERE hash IS NULL ORDER BY id LIMIT 1')
        .pluck()
        .get();
      if (stray !== undefined) return { rows, problem: problem(stray as number, 'unchained') };
    }
    const next = sqlite.prepare(
      `SELECT ${auditColumns} FROM audit_log WHERE hash IS NOT NULL AND id > ? ORDER BY id LIMIT ${page}`,
    );
    // A row without a link after the seal: written around the desk.
    const strayAfter = sqlite
      .prepare('SELECT id FROM audit_log WHERE hash IS NULL AND id > ? ORDER BY id LIMIT 1')
      .pluck()
      .get(lastId) as number | undefined;
    for (;;) {
      const batch = next.all(lastId) as AuditRow[];
      for (const row of batch) {
        if (strayAfter !== undefined && strayAfter < row.id)
          return { rows, problem: problem(strayAfter, 'unchained') };
        if (row.id !== lastId + 1) return { rows, problem: problem(row.id, 'gap') };
        const expected = linkHash(prev, 'audit', auditRowText(row));
        if (row.hash !== expected) return { rows, problem: problem(row.id, 'changed') };
        prev = row.hash;
        lastId = row.id;
        rows++;
      }
      if (batch.length < page) break;
      await pause();
    }
    if (strayAfter !== undefined) return { rows, problem: problem(strayAfter, 'unchained') };
    return { rows, problem: null };
  }

  async function verifyEvents(): Promise<{ rows: number; problem: TrailProblem | null }> {
    const problem = (id: string, chainSeq: number | null, reason: TrailProblem['reason']): TrailProblem => ({
      table: 'complaint_events',
      id,
      chainSeq,
      reason,
    });
    const seal = sealOf.get('event') as { rows: number; lastRef: string; hash: string } | undefined;
    let prev = genesis;
    let rows = 0;
    if (seal) {
      const sealed = await unchainedHash('event');
      // New unlinked rows would also change the sealed hash: both are named at the seal's last row.
      if (sealed.rows !== seal.rows || sealed.prev !== seal.hash || sealed.lastRef !== seal.lastRef) {
        const stray = sqlite
          .prepare('SELECT id FROM complaint_events WHERE chain_seq IS NULL AND id > ? ORDER BY id LIMIT 1')
          .pluck()
          .get(seal.lastRef) as string | undefined;
        return {
          rows,
          problem: stray ? problem(stray, null, 'unchained') : problem(seal.lastRef, null, 'seal'),
        };
      }
      prev = seal.hash;
      rows = seal.rows;
    } else {
      const stray = sqlite
        .prepare('SELECT id FROM complaint_events WHERE chain_seq IS NULL ORDER BY id LIMIT 1')
        .pluck()
        .get() as string | undefined;
      if (stray !== undefined) return { rows, problem: problem(stray, null, 'unchained') };
    }
    const next = sqlite.prepare(
      `SELECT ${eventColumns} FROM complaint_events WHERE chain_seq > ? ORDER BY chain_seq LIMIT ${page}`,
    );
    let lastSeq = 0;
    for (;;) {
      const batch = next.all(lastSeq) as EventRow[];
      for (const row of batch) {
        if (row.chainSeq !== lastSeq + 1) return { rows, problem: problem(row.id, row.chainSeq, 'gap') };
        const expected = linkHash(prev, 'event', eventRowText(row));
        if (row.hash !== expected) return { rows, problem: problem(row.id, row.chainSeq, 'changed') };
        prev = row.hash;
        lastSeq = row.chainSeq;
        rows++;
      }
      if (batch.length < page) break;
      await pause();
    }
    return { rows, problem: null };
  }

  /** The first closed day whose register recorded a chain head the chain does not hold any more. */
  function registersAgree(): string | null {
    const registers = sqlite.prepare('SELECT day, content FROM day_registers ORDER BY day').all() as Array<{
      day: string;
      content: string;
    }>;
    const auditHash = sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck();
    const eventHash = sqlite.prepare('SELECT hash FROM complaint_events WHERE chain_seq = ?').pluck();
    for (const r of registers) {
      let chain: ChainHead | undefined;
      try {
        chain = (JSON.parse(r.content) as { chain?: ChainHead }).chain;
      } catch {
        return r.day;
      }
      if (!chain) continue; // closed before registers carried the head
      if (chain.audit && auditHash.get(chain.audit.id) !== chain.audit.hash) return r.day;
      if (chain.events && eventHash.get(chain.events.seq) !== chain.events.hash) return r.day;
    }
    return null;
  }

  return {
    head,

    /**
     * Seals the rows of a desk from before the chain, once, at the first start after the upgrade and
     * before the desk answers anyone (so no row is linked while the seal is computed); only when no
     * row is linked yet, so rows slipped in later are never sealed as if they were old.
     */
    sealLegacy(): void {
      for (const kind of ['audit', 'event'] as const) {
        if (sealOf.get(kind)) continue;
        const table = kind === 'audit' ? 'audit_log' : 'complaint_events';
        const linkedColumn = kind === 'audit' ? 'hash' : 'chain_seq';
        const anyLinked = sqlite
          .prepare(`SELECT 1 FROM ${table} WHERE ${linkedColumn} IS NOT NULL LIMIT 1`)
          .get();
        const anyUnlinked = sqlite
          .prepare(`SELECT 1 FROM ${table} WHERE ${linkedColumn} IS NULL LIMIT 1`)
          .get();
        if (anyLinked || !anyUnlinked) continue;
        const started = performance.now();
        const { prev, rows, lastRef } = unchainedHashNow(kind);
        sqlite
          .prepare('INSERT INTO chain_seals (kind, rows, last_ref, hash, sealed_at) VALUES (?, ?, ?, ?, ?)')
          .run(kind, rows, lastRef, prev, clock().toISOString());
        log.info('trail.sealed', { kind, rows, ms: Math.round(performance.now() - started) });
      }
    },

    /** Checks the whole chain; names the first row that does not fit. */
    async verify(): Promise<TrailReport> {
      const started = performance.now();
      const audit = await verifyAudit();
      const events = await verifyEvents();
      const problem = audit.problem ?? events.problem;
      const registerMismatch = problem ? null : registersAgree();
      return {
        ok: !problem && !registerMismatch,
        checked: { audit: audit.rows, events: events.rows },
        head: head(),
        problem,
        registerMismatch,
        ms: Math.round(performance.now() - started),
      };
    },
  };
}
export type Trail = ReturnType<typeof createTrail>;
