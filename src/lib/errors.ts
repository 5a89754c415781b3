/** Error codes the Hub raises on purpose, each with the HTTP status it maps to (src/http/errors.ts). */
export const errorStatus = {
  BAD_INPUT: 400,
  /** No valid session or API token where one is needed. */
  UNAUTHENTICATED: 401,
  /** Signed in, but not allowed. */
  FORBIDDEN: 403,
  /** A state-changing request that did not come from one of our pages. */
  CROSS_SITE: 403,
  NOT_FOUND: 404,
  /** The records refuse the change (a date before the history, a state that does not allow it…). */
  CONFLICT: 409,
  NOT_EMPTY: 409,
  SCHEMA_MISMATCH: 409,
  /** A body or a file over its limit. */
  TOO_LARGE: 413,
  CONFIG: 500,
  INTERNAL: 500,
  /** The database cannot be reached now (down, restarting, connections lost): retry later. */
  DATABASE_UNAVAILABLE: 503,
  /** The data folder cannot be written (read-only, full, no permission): an operator must act. */
  STORAGE_UNAVAILABLE: 507,
} as const

export type ErrorCode = keyof typeof errorStatus

/**
 * The one error type for expected failures: a code, a message fit for the user and, when the
 * failure is about one form field, that field (the page shows the message next to it).
 * @example throw new AppError('NOT_FOUND', { userMessage: 'No organisation is called "x".' })
 * @example throw new AppError('CONFLICT', { userMessage: 'Pick a date on or after 2020-01-01.', field: 'startsOn' })
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly userMessage: string
  readonly field: string | null
  constructor(code: ErrorCode, options: { userMessage: string; field?: string | null; cause?: unknown }) {
    super(options.userMessage, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.userMessage = options.userMessage
    this.field = options.field ?? null
  }
  get status(): number {
    return errorStatus[this.code]
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError

/** A change the records refuse, about `field` when one form field is to blame (409). */
export const refused = (field: string | null, userMessage: string): AppError =>
  new AppError('CONFLICT', { userMessage, field })

/** Whether an error is a refusal the page shows next to the form (any AppError but an outage). */
export const isRefusal = (error: unknown): error is AppError =>
  isAppError(error) && errorStatus[error.code] < 500
