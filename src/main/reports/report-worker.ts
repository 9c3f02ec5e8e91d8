/**
 * A worker thread's script: counts one period's figures (the period before a report's, on the second
 * core while the desk's thread counts the report's own) through a read-only connection of its own,
 * with the same reading and counting as the desk's thread (period-figures.ts).
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { WorkingCalendar } from '../../shared/calendar/working-days';
import { tallyPeriod } from './period-figures';
import type { PeriodTask, WorkerMessage } from './beside';

const task = workerData as PeriodTask;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const reader = new Database(task.file, { readonly: true, fileMustExist: true });
try {
  reader.pragma('cache_size = -16000');
  let counted = 0;
  const figures = await tallyPeriod(
    reader,
    task.period,
    task.scope,
    new WorkingCalendar(task.holidays),
    new Map(task.officers),
    () => {
      if ((++counted & 4095) === 0) post({ counted });
    },
    { due: () => false, pause: () => Promise.resolve() },
    task.lateLimit,
  );
  post({ counted, figures });
} finally {
  reader.close();
}
