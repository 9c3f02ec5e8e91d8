/**
 * The queue: pages of complaints for any combination of filters, newest or most urgent first,
 * with keyset pagination (no OFFSET, so page 2,000 costs what page 1 costs), and Cari.
 * Raw SQL on prepared statements cached by the query's shape: this is the desk's hottest path.
 */
import type { Statement } from 'better-sqlite3';
import { addCalendarDays, wibDate } from '../../shared/calendar/working-days';
import {
  queueViews,
  type QueueFilters,
  type QueueRow,
  type QueueView,
} from '../../shared/contract/complaints';
import { classifySearch, ftsQuery } from '../../shared/domain/search';
import { openStatuses } from '../../shared/domain/status-flow';
import { say } from '../../shared/i18n';
import type { CoreContext } from '../platform/context';
import { deliverySql } from '../forwarding';
import { DeskFailure } from '../platform/failure';

/** The UTC instant at which a WIB (UTC+7, no daylight saving) calendar day begins. */
export const wibDayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+07:00`)).toISOString();

/** Who asks: "mine" and "returned to me" are theirs; a supervisor's "returned" is everyone's. */
export interface QueueCaller {
  id: string;
  seesAllReturned: boolean;
}

/** The open statuses (the status flow's own list) as SQL: records SP4N-LAPOR! should know about. */
const openStatusesSql = `(${openStatuses.map((s) => `'${s}'`).join(', ')})`;

export interface QueueRequest extends QueueFilters {
  sort: 'newest' | 'urgent';
  cursor?: string | undefined;
  limit: number;
}

const columns = `c.id, c.receipt_number AS receiptNumber, c.received_at AS receivedAt, c.title,
  c.agency_code AS agencyCode, c.channel, c.status, c.current_due AS currentDue,
  c.complainant_name AS complainantName, c.seq, ${deliverySql} AS delivery`;

type Row = QueueRow & { seq: number };

interface Cursor {
  /** sort key values of the last row */
  k: Array<string | number | null>;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
const badCursor = () =>
  new DeskFailure('VALIDATION', say('errors.VALIDATION'), {
    cursor: say('validation.invalid', { field: say('fields.cursor') }),
  });

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (
      Array.isArray(parsed.k) &&
      parsed.k.every(
        (v) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
      )
    )
      return parsed;
  } catch {
    // fall through
  }
  throw badCursor();
}

/** The cursor's keys for this ordering: a cursor made for another ordering (or forged) is refused. */
function keysOf(cursor: Cursor, shape: ReadonlyArray<'string' | 'number'>): Cursor['k'] {
  const k = cursor.k;
  const fits = k.length === shape.length && shape.every((t, i) => typeof k[i] === t);
  if (!fits) throw badCursor();
  return k;
}

/**
 * What the queue asks of other features: the "returned" view's condition on `complaints c` (the
 * review owns that state; given at wiring time so the complaints feature does not import it).
 */
export interface QueueViewsFrom {
  returnedSql: (everyone: boolean) => string;
}

export function createQueue({ sqlite, cipher, clock }: CoreContext, { returnedSql }: QueueViewsFrom) {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string) => {
    let st = statements.get(sql);
    if (!st) {
      st = sqlite.prepare(sql);
      statements.set(sql, st);
    }
    return st;
  };

  /** Cari by receipt number, phone, NIK or LAPOR! ID: one exact, indexed condition. */
  function exactMatch(intent: ReturnType<typeof classifySearch>, where: string[], params: unknown[]) {
    if (intent.kind === 'lapor') {
      where.push('c.lapor_tracking_id = ?');
      params.push(intent.id);
    } else if (intent.kind === 'receipt') {
      where.push('c.receipt_number = ?');
      params.push(intent.number);
    } else if (intent.kind === 'phone') {
      where.push('c.phone_bidx = ?');
      params.push(cipher.blindIndex('phone', intent.phone));
    } else if (intent.kind === 'nik') {
      where.push('c.nik_bidx = ?');
      params.push(cipher.blindIndex('nik', intent.nik));
    }
  }

  /** WHERE clauses for the filters (not the search), with their parameters. */
  function filterClauses(f: QueueFilters, today: string, caller: QueueCaller) {
    const where: string[] = [];
    const params: unknown[] = [];
    switch (f.view) {
      case 'mine':
        where.push('c.officer_id = ?');
        params.push(caller.id);
        break;
      case 'dueToday':
        where.push('c.current_due = ?');
        params.push(today);
        break;
      case 'late':
        break; // the lateOnly filter's condition, below
      case 'toVerify':
        where.push(`c.status = 'BARU'`);
        break;
      case 'returned':
        where.push(returnedSql(caller.seesAllReturned));
        if (!caller.seesAllReturned) params.push(caller.id);
        break;
      case 'notInLapor':
        where.push(`c.lapor_tracking_id IS NULL AND c.status IN ${openStatusesSql}`);
        break;
      case undefined:
        break;
    }
    if (f.statuses?.length) {
      where.push(`c.status IN (${f.statuses.map(() => '?').join(', ')})`);
      params.push(...f.statuses);
    }
    const eq = (column: string, v: unknown) => {
      if (v !== undefined) {
        where.push(`${column} = ?`);
        params.push(v);
      }
    };
    eq('c.agency_code', f.agencyCode);
    eq('c.category_id', f.categoryId);
    eq('c.channel', f.channel);
    eq('c.kecamatan_code', f.kecamatanCode);
    eq('c.officer_id', f.officerId);
    // WIB days as instants on received_at, so one index serves both the range and the order.
    if (f.from) {
      where.push('c.received_at >= ?');
      params.push(wibDayStart(f.from));
    }
    if (f.to) {
      where.push('c.received_at < ?');
      params.push(wibDayStart(addCalendarDays(f.to, 1)));
    }
    if (f.lateOnly || f.view === 'late') {
      // current_due is set only while a deadline runs; late = its day has passed (WIB).
      where.push('c.current_due IS NOT NULL AND c.current_due < ?');
      params.push(today);
    }
    return { where, params };
  }

  function page(
    req: QueueRequest,
    caller: QueueCaller,
  ): {
    rows: QueueRow[];
    nextCursor: string | null;
    searchKind: 'receipt' | 'phone' | 'nik' | 'lapor' | 'words' | null;
  } {
    const today = wibDate(clock());
    const { where, params } = filterClauses(req, today, caller);
    const cursor = decodeCursor(req.cursor);
    const intent = classifySearch(req.search ?? '');
    const limit = req.limit;

    if (intent.kind === 'receipt-invalid') {
      throw new DeskFailure('VALIDATION', say('errors.receiptInvalid'), {
        search: say('errors.receiptInvalid'),
      });
    }

    let sql: string;
    let all: unknown[];
    let keyOf: (r: Row) => Cursor['k'];
    if (intent.kind === 'words') {
      // FTS rows are keyed by seq, so rowid order is arrival order: newest first, no sort step.
      const keyset = cursor ? ['f.rowid < ?'] : [];
      sql = `SELECT ${columns} FROM complaint_fts f JOIN complaints c ON c.seq = f.rowid
        WHERE complaint_fts MATCH ? ${[...where, ...keyset].map((w) => `AND ${w}`).join(' ')}
        ORDER BY f.rowid DESC LIMIT ?`;
      all = [ftsQuery(intent.tokens), ...params, ...(cursor ? keysOf(cursor, ['number']) : []), limit + 1];
      keyOf = (r) => [r.seq];
    } else {
      exactMatch(intent, where, params);
      if (req.sort === 'urgent') {
        where.push('c.current_due IS NOT NULL');
        if (cursor) {
          where.push('(c.current_due, c.received_at, c.seq) > (?, ?, ?)');
          params.push(...keysOf(cursor, ['string', 'string', 'number']));
        }
        sql = `SELECT ${columns} FROM complaints c WHERE ${where.join(' AND ')}
          ORDER BY c.current_due ASC, c.received_at ASC, c.seq ASC LIMIT ?`;
        keyOf = (r) => [r.currentDue, r.receivedAt, r.seq];
      } else {
        if (cursor) {
          where.push('(c.received_at, c.seq) < (?, ?)');
          params.push(...keysOf(cursor, ['string', 'number']));
        }
        sql = `SELECT ${columns} FROM complaints c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY c.received_at DESC, c.seq DESC LIMIT ?`;
        keyOf = (r) => [r.receivedAt, r.seq];
      }
      all = [...params, limit + 1];
    }

    const found = prepare(sql).all(...all) as Row[];
    const more = found.length > limit;
    const rows = more ? found.slice(0, limit) : found;
    const last = rows.at(-1);
    return {
      rows: rows.map(({ seq: _seq, ...row }) => row),
      nextCursor: more && last ? encodeCursor({ k: keyOf(last) }) : null,
      searchKind: intent.kind === 'empty' ? null : intent.kind,
    };
  }

  const countCap = 10_000;

  function count(f: QueueFilters, caller: QueueCaller): { total: number; capped: boolean } {
    const today = wibDate(clock());
    const { where, params } = filterClauses(f, today, caller);
    const intent = classifySearch(f.search ?? '');
    if (intent.kind === 'receipt-invalid') return { total: 0, capped: false };
    let inner: string;
    let all: unknown[];
    if (intent.kind === 'words') {
      // Every search row has its complaint (complaints are never deleted): with no filter to check,
      // the count reads the search index alone, not 10,000 complaint rows besides.
      inner = where.length
        ? `SELECT 1 FROM complaint_fts f JOIN complaints c ON c.seq = f.rowid WHERE complaint_fts MATCH ?
        ${where.map((w) => `AND ${w}`).join(' ')} LIMIT ${countCap + 1}`
        : `SELECT 1 FROM complaint_fts WHERE complaint_fts MATCH ? LIMIT ${countCap + 1}`;
      all = [ftsQuery(intent.tokens), ...params];
    } else {
      exactMatch(intent, where, params);
      inner = `SELECT 1 FROM complaints c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} LIMIT ${countCap + 1}`;
      all = params;
    }
    const { n } = prepare(`SELECT count(*) AS n FROM (${inner})`).get(...all) as { n: number };
    return { total: Math.min(n, countCap), capped: n > countCap };
  }

  /** Each saved view's count for this caller, for the tabs above the queue. */
  function viewCounts(caller: QueueCaller) {
    return Object.fromEntries(queueViews.map((view) => [view, count({ view }, caller)])) as Record<
      QueueView,
      { total: number; capped: boolean }
    >;
  }

  return { page, count, viewCounts };
}
export type Queue = ReturnType<typeof createQueue>;
