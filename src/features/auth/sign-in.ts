import { setTimeout as sleep } from 'node:timers/promises'
import type { Auth } from '#src/http/auth.ts'
import type { FloorTimer } from '#src/http/deps.ts'

/** Where a sign-in goes when no (acceptable) `next` was given. */
export const DEFAULT_NEXT = '/account'

/**
 * The least time a sign-in, sign-in link or forgotten-password request takes, so that the
 * answer for an address with an account cannot be told from the answer for one without
 * by its timing (hashing a password or sending an email takes far less).
 */
export const RESPONSE_FLOOR_MS = 500

/**
 * The page to go to after signing in: only a path on this site. Anything else (another
 * site, `//host`, `/\host`, control characters a browser would strip) becomes /account.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return DEFAULT_NEXT
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_NEXT
  // Browsers drop tabs and newlines inside URLs, which would turn "/\t/evil" into "//evil".
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) return DEFAULT_NEXT
  try {
    const base = 'http://hub.invalid'
    if (new URL(value, base).origin !== base) return DEFAULT_NEXT
  } catch {
    return DEFAULT_NEXT
  }
  return value
}

const realTimer: FloorTimer = { now: () => performance.now(), sleep }

/** Runs `work` and answers no sooner than `floorMs` after it began, whatever happened. */
export async function withResponseFloor<T>(
  work: () => Promise<T>,
  floorMs = RESPONSE_FLOOR_MS,
  timer: FloorTimer = realTimer,
): Promise<T> {
  const started = timer.now()
  try {
    return await work()
  } finally {
    const left = floorMs - (timer.now() - started)
    if (left > 0) await timer.sleep(left)
  }
}

/** Whether a sign-in account uses this address (any case). */
export async function hasSignInAccount(auth: Auth, email: string): Promise<boolean> {
  const ctx = await auth.$context
  return Boolean(await ctx.internalAdapter.findUserByEmail(email.trim().toLowerCase()))
}
