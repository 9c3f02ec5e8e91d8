/** Results cross every boundary (IPC, HTTP) as values, never as thrown errors. */
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
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface DeskError {
  code: ErrorCode;
  /** A sentence in Bahasa Indonesia a person can act on. */
  message: string;
  /** Field path -> message, for forms. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DeskError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): Result<never> => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

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
  INTERNAL: 500,
};
