import { sql } from 'drizzle-orm'
import type { Db } from '#src/db/client.ts'
import type { ReminderKind } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { logger } from '#src/lib/logger.ts'
import type { Mailer, OutgoingEmail } from '#src/lib/mailer.ts'
import { unsubscribeToken, unsubscribeUrl } from './unsubscribe.ts'

/** One email to one person: what it is (a reminder, a digest) and what it is about (a day, a week's Monday). */
export type DeliveryKey = { kind: ReminderKind; subject: string; personId: string }

/** A claim older than this without sent_at belongs to a process that died: another may take it over. */
const STALE_CLAIM = sql.raw(`interval '1 hour'`)

/**
 * Claims one delivery: the id of the claim when this call won it, undefined when it is taken.
 * One statement, so it is atomic: a new row, or a stale unsent claim taken over. Two processes
 * racing for the same key: the second waits for the first's row, then finds it fresh and gets nothing.
 */
export async function claimReminder(db: Db, key: DeliveryKey): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into reminder_deliveries (kind, subject, person_id)
      values (${key.kind}, ${key.subject}, ${key.personId})
      on conflict (kind, subject, person_id) do update set claimed_at = hub_now()
        where reminder_deliveries.sent_at is null and reminder_deliveries.claimed_at < hub_now() - ${STALE_CLAIM}
      returning id`,
  )
  return row?.id
}

/** What became of one email: sent, taken (another process has it, or had it), or refused by the mail server. */
export type SendOutcome = 'sent' | 'taken' | 'failed'

/**
 * Sends one email exactly once across the Hub's processes (reminders, the weekly digest, the
 * funding email): claims its key, composes it only when the claim is won (with the person's own
 * unsubscribe link for that kind of email), marks the claim sent once the mail server accepted
 * it, and gives the claim back when the server refused, so that a later run sends it.
 */
export async function sendOnce(
  options: { db: Db; mailer: Mailer; origin: string; secret: string },
  key: DeliveryKey,
  compose: (unsubscribeLink: string) => OutgoingEmail,
): Promise<SendOutcome> {
  const { db } = options
  const claim = await claimReminder(db, key)
  if (!claim) return 'taken'
  const token = unsubscribeToken({ personId: key.personId, kind: key.kind }, options.secret)
  const email = compose(unsubscribeUrl(options.origin, token))
  try {
    await options.mailer.send(email)
  } catch (error) {
    await db.execute(sql`delete from reminder_deliveries where id = ${claim} and sent_at is null`)
    logger.warn({ err: error, kind: key.kind, subject: key.subject }, `a ${key.kind} email could not be sent`)
    return 'failed'
  }
  await db.execute(sql`update reminder_deliveries set sent_at = hub_now() where id = ${claim}`)
  return 'sent'
}
