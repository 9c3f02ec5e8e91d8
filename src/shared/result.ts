/** Results cross every boundary (IPC, HTTP) as values, never as thrown errors. */
import { render, type Message, type MessageText } from './i18n';

export const errorCodes = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ACCOUNT_LOCKED',
  'SETUP_REQUIRED',
  'ALREADY_SETUP',
  'UNKNOWN_METHOD',
  'PRINT_FAILED',
  'BACKUP_FAILED',
  'DISK_FULL',
  'CANCELLED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface DeskError {
  code: ErrorCode;
  /** A sentence a person can act on, in the caller's language (Bahasa Indonesia unless told). */
  message: string;
  /** Field path -> message, for forms. */
  fields?: Record<string, string>;
  /** The message as catalogue key and parameters, so a screen can show it in its language now. */
  text?: MessageText;
  /** The same for each field message. */
  fieldTexts?: Record<string, MessageText>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** A refusal; messages given as keys are written in the caller's language and travel as keys too. */
export function fail(
  code: ErrorCode,
  message: Message,
  fields?: Record<string, Message>,
): { ok: false; error: DeskError } {
  const error: DeskError = { code, message: render(message) };
  if (typeof message !== 'string') error.text = message;
  if (fields) {
    error.fields = {};
    const texts: Record<string, MessageText> = {};
    for (const [path, m] of Object.entries(fields)) {
      error.fields[path] = render(m);
      if (typeof m !== 'string') texts[path] = m;
    }
    if (Object.keys(texts).length) error.fieldTexts = texts;
  }
  return { ok: false, error };
}

/** HTTP status a browser-mode response carries for each error code. */
export const httpStatusFor: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  SESSION_LOCKED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ACCOUNT_LOCKED: 423,
  SETUP_REQUIRED: 409,
  ALREADY_SETUP: 409,
  UNKNOWN_METHOD: 404,
  PRINT_FAILED: 502,
  // The machine's disk or folder refused, not the caller's input: a conflict with its state.
  BACKUP_FAILED: 409,
  // Insufficient Storage: the machine's disk, never the caller's input.
  DISK_FULL: 507,
  // The caller itself asked for the work to stop (a report or an export cancelled).
  CANCELLED: 409,
  INTERNAL: 500,
};
