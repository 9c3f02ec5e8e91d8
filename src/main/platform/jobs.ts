/**
 * Long work (a year's report, an export of 100,000 rows) as a job the desk stays responsive beside:
 * - it reads through a connection of its own (WAL: its long read never holds up the desk's writes,
 *   and it sees one snapshot from start to end);
 * - it gives the event loop back every few milliseconds, so a save or a page that arrives meanwhile
 *   is answered at once instead of after the job;
 * - it says how far it is, and stops when cancelled, leaving nothing behind (its callers remove what
 *   they started writing).
 * The renderer names a job with a UUID it makes, and asks after it (or cancels it) by that name;
 * only the account that started a job sees or cancels it.
 */
import Database from 'better-sqlite3';
import { say } from '../../shared/i18n';
import { DeskFailure } from './failure';

/** How long a job works before it gives the event loop back. */
const sliceMs = 8;
/** How long a finished job's last state can still be asked for. */
const keepMs = 60_000;

export interface JobProgress {
  /** What the job is doing now: 'read' (counting) or 'write' (writing the file). */
  phase: string;
  done: number;
  /** null while not known. */
  total: number | null;
  state: 'running' | 'done' | 'cancelled' | 'failed';
}

export interface Job {
  /** A read-only connection of the job's own, one snapshot throughout, closed when the job ends. */
  reader(): Database.Database;
  /** True when the job has worked a slice: then `await job.pause()`. Cheap enough to call per row. */
  due(): boolean;
  /** Gives the event loop back; throws CANCELLED when the job was cancelled meanwhile. */
  pause(): Promise<void>;
  progress(phase: string, done: number, total: number | null): void;
}

export function createJobs(options: { file: string; now: () => number }) {
  const jobs = new Map<string, { owner: string; progress: JobProgress; cancelled: boolean; until: number }>();

  const sweep = () => {
    const now = options.now();
    for (const [id, j] of jobs) if (j.progress.state !== 'running' && j.until < now) jobs.delete(id);
  };

  function cancelledFailure() {
    return new DeskFailure('CANCELLED', say('errors.cancelled'));
  }

  return {
    /** Runs `work` as the job `id` (or an unnamed one) of `owner`. */
    async run<T>(owner: string, id: string | undefined, work: (job: Job) => Promise<T>): Promise<T> {
      sweep();
      if (id !== undefined && jobs.has(id)) {
        const message = say('errors.jobTaken');
        throw new DeskFailure('VALIDATION', message, { jobId: message });
      }
      const entry = {
        owner,
        progress: { phase: 'read', done: 0, total: null, state: 'running' } as JobProgress,
        cancelled: false,
        until: Number.POSITIVE_INFINITY,
      };
      if (id !== undefined) jobs.set(id, entry);
      let reader: Database.Database | null = null;
      let sliceStart = performance.now();
      let calls = 0;
      const job: Job = {
        reader() {
          if (!reader) {
            reader = new Database(options.file, { fileMustExist: true });
            reader.pragma('query_only = 1');
            reader.pragma('cache_size = -16000');
            // One read transaction for the whole job: every statement it runs sees the same snapshot
            // (a report's count and its rows agree). The WAL grows meanwhile; the checkpoint catches
            // up once the job ends.
            reader.exec('BEGIN');
          }
          return reader;
        },
        due() {
          if ((++calls & 127) !== 0) return false;
          return performance.now() - sliceStart > sliceMs;
        },
        async pause() {
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
          if (entry.cancelled) throw cancelledFailure();
        },
        progress(phase, done, total) {
          entry.progress = { ...entry.progress, phase, done, total };
        },
      };
      try {
        const value = await work(job);
        if (entry.cancelled) throw cancelledFailure();
        entry.progress = { ...entry.progress, state: 'done' };
        return value;
      } catch (error) {
        entry.progress = { ...entry.progress, state: entry.cancelled ? 'cancelled' : 'failed' };
        throw error;
      } finally {
        const opened = reader as Database.Database | null;
        if (opened?.inTransaction) opened.exec('ROLLBACK');
        opened?.close();
        entry.until = options.now() + keepMs;
      }
    },

    /** How far the job is; null for an unknown job or one of another account. */
    progress(owner: string, id: string): JobProgress | null {
      const j = jobs.get(id);
      return j && j.owner === owner ? j.progress : null;
    },

    /** Asks the job to stop at its next pause; false when there is no such running job of this account. */
    cancel(owner: string, id: string): boolean {
      const j = jobs.get(id);
      if (!j || j.owner !== owner || j.progress.state !== 'running') return false;
      j.cancelled = true;
      return true;
    },
  };
}
export type Jobs = ReturnType<typeof createJobs>;

/**
 * The items of a synchronous iterator (rows read from the job's connection) as an asynchronous one
 * that counts them as the job's progress and gives the event loop back every slice; a cancel ends
 * the iteration (and closes the rows' statement) with CANCELLED.
 */
export async function* paced<T>(
  job: Job,
  items: Iterable<T>,
  phase: string,
  total: number | null,
): AsyncGenerator<T> {
  let done = 0;
  job.progress(phase, 0, total);
  for (const item of items) {
    yield item;
    if ((++done & 255) === 0) job.progress(phase, done, total);
    if (job.due()) await job.pause();
  }
  job.progress(phase, done, total);
}
