/**
 * Errors that cross the API boundary. Every failure a user can cause is an AppError with a
 * stable machine code and a sentence a person can read; transports map the code to a status.
 * The page's API client rebuilds the same AppError from what a transport carried
 * (`appErrorFrom`), so both sides test `err instanceof AppError && err.code === '…'`.
 */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  unprocessable: 422,
  storage: 500,
  internal: 500,
  /** the page's own: the local server did not answer at all (never sent by the server) */
  offline: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { error: { code: this.code, message: this.message } };
    if (this.details !== undefined) body.error.details = this.details;
    return body;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_STATUS, value);
}

/** Turn anything thrown into an AppError without leaking stack traces or paths to the page. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('internal', 'Something went wrong inside Hashiya. Your saved work is unchanged.');
}

/**
 * The AppError a transport delivered as `{code, message, details}` (the HTTP error body, the IPC
 * envelope). A code this version does not know becomes `internal`; a missing message, `fallback`.
 */
export function appErrorFrom(
  wire: { code?: unknown; message?: unknown; details?: unknown } | undefined,
  fallback: string,
): AppError {
  const code = isErrorCode(wire?.code) ? wire.code : 'internal';
  const message = typeof wire?.message === 'string' && wire.message !== '' ? wire.message : fallback;
  return new AppError(code, message, wire?.details);
}
