import type { ErrorCode } from '../../shared/result';
import { render, type Message } from '../../shared/i18n';

/**
 * A refusal a person can act on; the handler table turns it into { ok: false, error }. Messages are
 * given as catalogue keys with parameters (say(...)), so the screen can show them in its language;
 * `message` is the rendering in the caller's language, for logs and plain HTTP callers.
 */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly text: Message,
    readonly fields?: Record<string, Message>,
  ) {
    super(render(text));
    this.name = 'DeskFailure';
  }
}
