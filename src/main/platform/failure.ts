import type { ErrorCode } from '../../shared/result';

/** A refusal a person can act on; the handler table turns it into { ok: false, error }. */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DeskFailure';
  }
}
