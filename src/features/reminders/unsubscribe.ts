import { createHmac, timingSafeEqual } from 'node:crypto'
import { isUuid } from '#src/lib/ids.ts'
import { isReminderKind, type ReminderKind } from './preferences.ts'

/** Where the link of every reminder email leads. */
export const UNSUBSCRIBE_PATH = '/reminders/unsubscribe'

/** The longest token worth reading: a person id and the longest kind, signed. */
const TOKEN_MAX = 200

/**
 * The key that signs unsubscribe links, derived from the Hub's secret (AUTH_SECRET) so that a
 * signature made for this purpose can never be mistaken for one made for another.
 */
const keyOf = (secret: string): Buffer => createHmac('sha256', secret).update('reminder-unsubscribe').digest()

const sign = (payload: string, secret: string): Buffer =>
  createHmac('sha256', keyOf(secret)).update(payload).digest()

/**
 * The token of an unsubscribe link: base64url("personId.kind"), a dot, and the base64url
 * HMAC-SHA256 of that text. It never expires: a link in an old email keeps working, and all it
 * can do is turn one kind of reminder off for one person.
 * @example unsubscribeToken({ personId, kind: 'sharing_due' }, secret) // 'YjU…LmF0X3Jpc2s.k3…'
 */
export function unsubscribeToken(target: { personId: string; kind: ReminderKind }, secret: string): string {
  const payload = `${target.personId}.${target.kind}`
  return `${Buffer.from(payload).toString('base64url')}.${sign(payload, secret).toString('base64url')}`
}

/** The person and kind a token names, when its signature is ours; undefined for anything else. */
export function readUnsubscribeToken(
  token: string,
  secret: string,
): { personId: string; kind: ReminderKind } | undefined {
  if (token.length > TOKEN_MAX || !/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) return undefined
  const [encoded = '', signature = ''] = token.split('.')
  const payload = Buffer.from(encoded, 'base64url').toString('utf8')
  const expected = sign(payload, secret)
  const given = Buffer.from(signature, 'base64url')
  // Equal lengths first (timingSafeEqual demands it); the comparison itself takes constant time.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  // Re-encoding must give the same text: base64url decoding ignores stray bits, so without this
  // one token would have several spellings (a changed last character could still pass).
  if (given.toString('base64url') !== signature || Buffer.from(payload).toString('base64url') !== encoded)
    return undefined
  const dot = payload.indexOf('.')
  const personId = payload.slice(0, dot)
  const kind = payload.slice(dot + 1)
  if (dot < 0 || !isUuid(personId) || !isReminderKind(kind)) return undefined
  return { personId, kind }
}

/** The full link for an email. */
export const unsubscribeUrl = (origin: string, token: string): string =>
  `${new URL(UNSUBSCRIBE_PATH, origin).href}?token=${token}`
