import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { createDraft } from './start-application.ts'
import type { Category } from './types.ts'

/**
 * A draft asked for, anonymously, with the address of someone on record waits for its owner:
 * they get a link that works once, for this many hours, and only opening it creates the draft.
 * The pending request is kept in the verification table that sign-in links use (better-auth's
 * identifier, value, expiry), under its own prefix and with only the secret's SHA-256.
 */
export const APPLY_CONFIRMATION_HOURS = 24

const PREFIX = 'apply-draft:'
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/
const identifierOf = (token: string) => `${PREFIX}${createHash('sha256').update(token).digest('hex')}`

const pendingValue = z.object({
  personId: z.uuid(),
  category: z.enum(['member', 'bff']),
  organizationName: z.string(),
})
export type PendingDraft = z.infer<typeof pendingValue>

/** Where the owner opens the link. */
export const confirmationPath = (token: string) => `/apply/confirm/${token}`

/** Records the pending draft and returns its secret: the only time it exists outside the email. */
export async function requestDraftConfirmation(
  db: Db,
  pending: { personId: string; category: Category; organizationName: string },
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db.execute(
    sql`insert into auth_verifications (id, identifier, value, expires_at)
      values (${randomUUID()}, ${identifierOf(token)}, ${JSON.stringify(pendingValue.parse(pending))},
        hub_now() + make_interval(hours => ${APPLY_CONFIRMATION_HOURS}))`,
  )
  return token
}

const parseValue = (value: string | undefined): PendingDraft | undefined => {
  if (value === undefined) return undefined
  try {
    const parsed = pendingValue.safeParse(JSON.parse(value))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** The pending draft of a link that is still good, or undefined (unknown, used or expired). */
export async function findDraftConfirmation(db: DbOrTx, token: string): Promise<PendingDraft | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined
  const [row] = await queryRows<{ value: string }>(
    db,
    sql`select value from auth_verifications where identifier = ${identifierOf(token)} and expires_at > hub_now()`,
  )
  return parseValue(row?.value)
}

/**
 * Uses the link once: removes it and creates the owner's draft in the same transaction (two
 * clicks at once: one removes it, the other finds nothing). Undefined when it is no longer good.
 */
export async function confirmDraft(
  db: Db,
  token: string,
): Promise<{ applicationId: string; personId: string } | undefined> {
  const pending = await findDraftConfirmation(db, token)
  if (!pending) return undefined
  return writeAs(db, `person:${pending.personId}`, async (tx) => {
    const used = await queryRows<{ value: string }>(
      tx,
      sql`delete from auth_verifications where identifier = ${identifierOf(token)} and expires_at > hub_now()
        returning value`,
    )
    const confirmed = parseValue(used[0]?.value)
    if (!confirmed) return undefined
    const applicationId = await createDraft(tx, confirmed)
    return { applicationId, personId: confirmed.personId }
  })
}
