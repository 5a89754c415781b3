/** Error codes the Hub raises on purpose, each with the HTTP status it maps to. */
export const errorStatus = {
  BAD_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  NOT_EMPTY: 409,
  SCHEMA_MISMATCH: 409,
  CONFIG: 500,
  /** The database cannot be reached now (down, restarting, connections lost): retry later. */
  DATABASE_UNAVAILABLE: 503,
  /** The data folder cannot be written (read-only, full, no permission): an operator must act. */
  STORAGE_UNAVAILABLE: 507,
} as const

export type ErrorCode = keyof typeof errorStatus

/**
 * The one error type for expected failures: a code plus a message fit for the user.
 * @example throw new AppError('NOT_FOUND', { userMessage: 'No organisation is called "x".' })
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly userMessage: string
  constructor(code: ErrorCode, options: { userMessage: string; cause?: unknown }) {
    super(options.userMessage, { cause: options.cause })
    this.name = 'AppError'
    this.code = code
    this.userMessage = options.userMessage
  }
  get status(): number {
    return errorStatus[this.code]
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError
