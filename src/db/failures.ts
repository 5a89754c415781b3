import path from 'node:path'
import { AppError } from '#src/lib/errors.ts'

/** What a 503 for an unreachable database tells clients (Retry-After, in seconds). */
export const RETRY_AFTER_SECONDS = 5

// Node's socket errors when the server is gone or cannot be reached.
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
])
// PostgreSQL SQLSTATEs meaning "this connection or this server is not usable now": admin, crash and
// start-up shutdowns, too many connections, the database itself gone (dropped).
const serverCodes = new Set(['57P01', '57P02', '57P03', '53300', '3D000'])
// node-postgres and pg-pool say these in words, with no code.
const clientMessages = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection error and is not queryable',
  'Client was closed and is not queryable',
  'Query read timeout',
  'Cannot use a pool after calling end on the pool',
]

/** Each error in `error`'s chain: drizzle wraps the driver's error as `cause`, Node may aggregate several. */
function* chain(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>()
  const stack = [error]
  while (stack.length > 0) {
    const current = stack.pop()
    if (current === undefined || current === null || seen.has(current)) continue
    seen.add(current)
    yield current
    if (typeof current !== 'object') continue
    const { cause, errors } = current as { cause?: unknown; errors?: unknown }
    stack.push(cause)
    if (Array.isArray(errors)) stack.push(...errors)
  }
}

/**
 * Whether `error` means the database could not be reached (rather than a query that is wrong):
 * the one place connection failures are recognised, so that routes never match error strings.
 */
export function isConnectionFailure(error: unknown): boolean {
  for (const item of chain(error)) {
    if (typeof item !== 'object') continue
    const { code, message } = item as { code?: unknown; message?: unknown }
    if (typeof code === 'string' && (socketCodes.has(code) || serverCodes.has(code) || code.startsWith('08')))
      return true
    if (typeof message === 'string' && clientMessages.some((m) => message.includes(m))) return true
  }
  return false
}

// Linux errno names, and the WASI numbers PGlite's file system throws as bare { name: 'ErrnoError', errno }.
const storageProblems: Record<string, string> = {
  EROFS: 'is read-only',
  ENOSPC: 'is full',
  EDQUOT: 'is over its disk quota',
  EACCES: 'is not writable',
  EPERM: 'is not writable',
  ENOTDIR: 'cannot be created: part of its path is a file, not a folder',
}
const wasiErrno: Record<number, string> = {
  2: 'EACCES',
  19: 'EDQUOT',
  51: 'ENOSPC',
  54: 'ENOTDIR',
  63: 'EPERM',
  69: 'EROFS',
}

// PostgreSQL itself (PGlite's, or a server's) reports a file it cannot write with the system's words
// at the end: "could not extend file ...: No space left on device" (SQLSTATE 53100, or 42501 for a
// read-only disk, which is also the code of an ordinary permission error: hence the words).
const postgresFileErrors: [RegExp, string][] = [
  [/^could not .*: Read-only file system$/, 'EROFS'],
  [/^could not .*: No space left on device$/, 'ENOSPC'],
  [/^could not .*: Disk quota exceeded$/, 'EDQUOT'],
  [/^could not .*file.*: Permission denied$/, 'EACCES'],
]

/** The errno name (EROFS, ENOSPC...) of a storage failure anywhere in `error`'s chain, if it is one. */
export function storageErrorCode(error: unknown): string | undefined {
  for (const item of chain(error)) {
    if (typeof item !== 'object') continue
    const { code, name, errno, message, syscall } = item as {
      code?: unknown
      name?: unknown
      errno?: unknown
      message?: unknown
      syscall?: unknown
    }
    // A port the process may not listen on is EACCES too, but no disk's fault.
    const isSocket = typeof syscall === 'string' && ['listen', 'bind', 'connect'].includes(syscall)
    if (typeof code === 'string' && code in storageProblems && !isSocket) return code
    if (name === 'ErrnoError' && typeof errno === 'number' && wasiErrno[errno]) return wasiErrno[errno]
    if (typeof message === 'string') {
      const found = postgresFileErrors.find(([pattern]) => pattern.test(message))
      if (found) return found[1]
    }
    if (code === '53100') return 'ENOSPC'
  }
  return undefined
}

/**
 * The AppError a failure stands for, when it is a known kind: the database unreachable
 * (DATABASE_UNAVAILABLE, 503) or the data folder not writable (STORAGE_UNAVAILABLE, one line
 * naming the cause and `folder`). Undefined for anything else, which stays an unexpected error.
 * @example classifyFailure(error, { folder: '/srv/hub/data' })?.userMessage
 *   // 'the data folder /srv/hub/data is read-only (EROFS: read-only file system, open ...)'
 */
export function classifyFailure(error: unknown, options: { folder?: string } = {}): AppError | undefined {
  if (error instanceof AppError) return error
  const storage = storageErrorCode(error)
  if (storage) {
    const file = pathOf(error)
    // The configured folder, unless the failing file lies elsewhere (the outbox beside the database).
    const isElsewhere = file && options.folder && path.relative(options.folder, file).startsWith('..')
    const where =
      (isElsewhere ? path.dirname(file) : options.folder) ??
      (file ? path.dirname(file) : 'of the database server')
    const detail = messageOf(error)
    return new AppError('STORAGE_UNAVAILABLE', {
      userMessage: `the data folder ${where} ${storageProblems[storage]} (${detail ?? storage})`,
      cause: error,
    })
  }
  if (isConnectionFailure(error))
    return new AppError('DATABASE_UNAVAILABLE', {
      // The cause (addresses, server words) goes to the log, not to every visitor.
      userMessage: 'The Hub cannot reach its database just now. Try again in a few seconds.',
      cause: error,
    })
  return undefined
}

function pathOf(error: unknown): string | undefined {
  for (const item of chain(error)) {
    const file = (item as { path?: unknown }).path
    if (typeof file === 'string') return file
  }
  return undefined
}

function messageOf(error: unknown): string | undefined {
  for (const item of chain(error)) {
    const message = (item as { message?: unknown }).message
    if (typeof message === 'string' && message) return message.split('\n')[0]
  }
  return undefined
}

/** A one-line description of any thrown value, including PGlite's non-Error objects ("[object Object]"). */
export function describe(error: unknown): string {
  const message = messageOf(error)
  if (message) return message
  if (error && typeof error === 'object') {
    const { name, errno, code } = error as { name?: unknown; errno?: unknown; code?: unknown }
    const parts = [name, code, errno === undefined ? undefined : `errno ${String(errno)}`].filter(
      (p) => p !== undefined,
    )
    if (parts.length > 0) return parts.map(String).join(' ')
    try {
      return JSON.stringify(error)
    } catch {
      return Object.prototype.toString.call(error)
    }
  }
  return String(error)
}
