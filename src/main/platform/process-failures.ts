/**
 * The last line of the failure path, in both shells: an exception nobody caught or a promise nobody
 * awaited is written to the log with where it came from, instead of vanishing (or, for a rejection,
 * ending the process: Node's default). Saved complaints are never at risk here, each save commits
 * before it answers; what is lost without this is the knowledge of what went wrong.
 */
import type { Log } from './log';

type ProcessLike = Pick<NodeJS.Process, 'on'>;

export function installProcessHandlers(
  proc: ProcessLike,
  log: Log,
  /** Told of an uncaught exception after it is logged (the Electron shell shows a dialog). */
  onUncaught?: (error: unknown) => void,
): void {
  proc.on('uncaughtException', (error: unknown) => {
    log.error('process.uncaughtException', error);
    log.flush();
    onUncaught?.(error);
  });
  proc.on('unhandledRejection', (reason: unknown) => {
    log.error('process.unhandledRejection', reason);
  });
  proc.on('warning', (warning: Error) => log.warn('process.warning', { warning: warning.message }));
}
