/** Failures in the window, sent to main for the desk's log (main caps and rate-limits them). */
import { api } from './client';

type Where = 'screen' | 'window' | 'promise' | 'reference';

export function reportError(where: Where, error: unknown): void {
  const e = error instanceof Error ? error : new Error(String(error));
  void api['app.reportError']({
    where,
    message: e.message.slice(0, 500),
    ...(e.stack ? { stack: e.stack.slice(0, 4000) } : {}),
  }).catch(() => undefined);
}

/** Reports errors React never sees. Call once, at start. */
export function reportUncaughtErrors(): void {
  window.addEventListener('error', (event) => reportError('window', event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => reportError('promise', event.reason));
}
