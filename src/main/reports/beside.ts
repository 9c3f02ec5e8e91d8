/**
 * The period before a report's, counted beside it on a worker thread (report-worker.ts): the counter
 * PCs have two cores, and a year's report is two years of records. Its connection is its own, so
 * its snapshot may be a moment later than the report's (which a comparison column does not notice;
 * an export, which must agree with itself, counts on the desk's thread). A cancel ends the thread.
 */
import { Worker } from 'node:worker_threads';
import type { Job } from '../platform/jobs';
import type { Figures } from './figures';
import type { Scope } from './period-figures';

/** The worker's script: the built report-worker.js beside the shell's entry, or its source with a loader. */
export interface WorkerScript {
  file: string;
  execArgv?: string[];
  /** Periods before with fewer records are counted on the desk's thread (a thread costs ~0.3 s to start). */
  minRecords?: number;
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
/** What it says: how many records it has counted, and at the end the figures. */
export interface WorkerMessage {
  counted: number;
  figures?: Figures;
}

/** Starts counting `task` on a thread; `figures` settles with them, `stop` ends the thread. */
export function countBeside(script: WorkerScript, task: PeriodTask, counted: (n: number) => void) {
  const worker = new Worker(script.file, { workerData: task, execArgv: script.execArgv ?? [] });
  const figures = new Promise<Figures>((resolve, reject) => {
    worker.on('message', (m: WorkerMessage) => {
      counted(m.counted);
      if (m.figures) resolve(m.figures);
    });
    worker.on('error', reject);
    // After the figures this changes nothing; before them, the thread died.
    worker.on('exit', (code) => reject(new Error(`report worker exited (${code}) before its figures`)));
  });
  // Ended by a cancel, or by a failure of the report's own count: not an unhandled rejection.
  figures.catch(() => undefined);
  return { figures, stop: () => void worker.terminate() };
}

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
