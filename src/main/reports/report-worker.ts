/**
 * A worker thread's script: counts periods' figures (the period before a report's, on the second
 * core while the desk's thread counts the report's own), one task at a time as they are posted,
 * each through a read-only connection of its own opened for that task, with the same reading and
 * counting as the desk's thread (period-figures.ts). It stays until the desk ends it (beside.ts).
 */
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { WorkingCalendar } from '../../shared/calendar/working-days';
import { tallyPeriod } from './period-figures';
import type { PeriodTask, WorkerMessage } from './beside';

const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const pace = { due: () => false, pause: () => Promise.resolve() };

async function count(task: PeriodTask) {
  // Opened per task, not kept: an idle thread holds no file open (a restore replaces the file).
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
      pace,
      task.lateLimit,
    );
    post({ counted, figures });
  } finally {
    reader.close();
  }
}

parentPort!.on('message', (task: PeriodTask) => {
  count(task).catch((error: unknown) => post({ error: error instanceof Error ? error.message : String(error) }));
});
post({ ready: true });
