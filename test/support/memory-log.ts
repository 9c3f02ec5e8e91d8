/** A Log that keeps its lines in memory, for tests that check what was logged. */
import type { Log, LogFields } from '../../src/main/platform/log';

export interface Line {
  level: 'info' | 'warn' | 'error';
  event: string;
  error?: unknown;
  fields?: LogFields | undefined;
}

export function memoryLog(): Log & { lines: Line[] } {
  const lines: Line[] = [];
  return {
    lines,
    info: (event, fields) => lines.push({ level: 'info', event, fields }),
    warn: (event, fields) => lines.push({ level: 'warn', event, fields }),
    error: (event, error, fields) => lines.push({ level: 'error', event, error, fields }),
    flush: () => undefined,
    close: async () => undefined,
  };
}
