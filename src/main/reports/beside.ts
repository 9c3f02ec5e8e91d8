/**
 * The period before a report's, counted beside it on a worker thread (report-worker.ts): the counter
 * PCs have two cores, and a report is two periods of records. Its connection is its own, so its
 * snapshot may be a moment later than the report's (which a comparison column does not notice; an
 * export, which must agree with itself, counts on the desk's thread). A cancel ends the thread.
 *
 * The thread stays for a few minutes after a report (`idleMs`): starting one costs ~0.3 s, more than a
 * month's period before takes to count, so a supervisor going from one report to the next (another
 * month, another scope) finds it ready. A thread that is not ready is used only for a period before
 * large enough to be worth its start (`minRecords`); the report is then counted on the desk's thread
 * and the thread started for the next one.
 */
import { Worker } from 'node:worker_threads';
import type { Job } from '../platform/jobs';
import type { Figures } from './figures';
import type { Scope } from './period-figures';

/** The worker's script: the built report-worker.js beside the shell's entry, or its source with a loader. */
export interface WorkerScript {
  file: string;
  execArgv?: string[];
  /** A thread not yet started is started for periods before of at least this many records (default 100,000). */
  minRecords?: number;
  /** A ready thread is given periods before of at least this many records (default 2,000). */
  readyMinRecords?: number;
  /** How long a thread waits for the next report before it ends (default 5 minutes). */
  idleMs?: number;
}

/** What the thread is given (plain data only). */
export interface PeriodTask {
  file: string;
  period: { from: string; to: string };
  scope: Scope;
  holidays: string[];
  officers: Array<[string, string]>;
  lateLimit: number | null;
}
/** What it says: that it is ready, how many records it has counted, and at the end the figures. */
export interface WorkerMessage {
  ready?: true;
  counted?: number;
  figures?: Figures;
  error?: string;
}

/** The report thread: started when first needed, kept while reports come, ended when idle or closed. */
export function createReportThread(script: WorkerScript) {
  let worker: Worker | null = null;
  let ready = false;
  let busy = false;
  let idle: NodeJS.Timeout | null = null;
  /** What the current task answers to. */
  let listener: ((m: WorkerMessage) => void) | null = null;
  let failed: ((error: Error) => void) | null = null;
  /** Periods counted by the running thread. */
  let tasks = 0;

  const end = () => {
    if (idle) clearTimeout(idle);
    idle = null;
    const w = worker;
    worker = null;
    ready = false;
    busy = false;
    if (w) void w.terminate();
  };
  const restartIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(end, script.idleMs ?? 5 * 60_000);
    idle.unref();
  };
  const start = () => {
    const w = new Worker(script.file, { execArgv: script.execArgv ?? [] });
    worker = w;
    tasks = 0;
    // The thread never keeps the desk's process alive by itself.
    w.unref();
    w.on('message', (m: WorkerMessage) => {
      if (m.ready) ready = true;
      else listener?.(m);
    });
    const gone = (error: Error) => {
      if (worker !== w) return;
      worker = null;
      ready = false;
      busy = false;
      failed?.(error);
    };
    w.on('error', gone);
    w.on('exit', (code) => gone(new Error(`report worker exited (${code}) before its figures`)));
    restartIdle();
  };

  /** Starts the thread when it is not running, for the report to come; false when it cannot start. */
  const warm = (): boolean => {
    if (worker) {
      if (!busy) restartIdle();
      return true;
    }
    try {
      start();
      return true;
    } catch {
      return false;
    }
  };

  return {
    /**
     * Whether to count a period before of `records` on the thread: when it is ready and the period is
     * worth a message, or not started yet and the period is worth a start. Otherwise the thread is
     * started (when it is not) for the next report.
     */
    takes(records: number): boolean {
      if (busy) return false;
      if (worker && ready) return records >= (script.readyMinRecords ?? 2_000);
      if (!worker && records >= (script.minRecords ?? 100_000)) return true;
      // Started for the next report (a thread that cannot start leaves each on the desk's thread).
      warm();
      return false;
    },

    warm,

    /** Counts `task` on the thread; `figures` settles with them, `stop` ends the thread (a cancel). */
    count(task: PeriodTask, counted: (n: number) => void) {
      try {
        if (!worker) start();
      } catch (error) {
        const figures = Promise.reject(error instanceof Error ? error : new Error(String(error)));
        figures.catch(() => undefined);
        return { figures, stop: () => undefined };
      }
      busy = true;
      const figures = new Promise<Figures>((resolve, reject) => {
        listener = (m) => {
          if (m.counted !== undefined) counted(m.counted);
          if (m.error !== undefined) {
            end();
            reject(new Error(m.error));
          } else if (m.figures) {
            busy = false;
            tasks++;
            restartIdle();
            resolve(m.figures);
          }
        };
        failed = reject;
      });
      worker!.postMessage(task);
      // Ended by a cancel, or by a failure of the report's own count: not an unhandled rejection.
      figures.catch(() => undefined);
      return {
        figures: figures.finally(() => {
          listener = null;
          failed = null;
        }),
        // Ends the thread only while it still counts (a cancel, or the report's own count failed).
        stop: () => {
          if (busy) end();
        },
      };
    },

    /** What the thread is doing, and how many periods it has counted since it started. */
    status: () => ({
      state: !worker ? ('none' as const) : busy ? ('busy' as const) : ready ? ('ready' as const) : ('starting' as const),
      tasks,
    }),

    close: end,
  };
}
export type ReportThread = ReturnType<typeof createReportThread>;

/** The thread's figures, looking every 50 ms whether the job was cancelled meanwhile (pause throws). */
export async function awaitBeside(job: Job, figures: Promise<Figures>): Promise<Figures> {
  let settled = false;
  const done = figures.finally(() => {
    settled = true;
  });
  while (!settled) {
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 50))]).catch(() => undefined);
    if (!settled) await job.pause();
  }
  return done;
}
