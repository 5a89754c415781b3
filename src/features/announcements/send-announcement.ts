import { and, eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { announcementRecipients, announcements } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isUuid } from '#src/lib/ids.ts'
import { logger } from '#src/lib/logger.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { composeAnnouncementEmail } from './announcement-email.ts'
import { type Audience, hasAddress, isAudience, type Recipient } from './audiences.ts'

export type SendContext = { db: Db; mailer: Mailer; origin: string; network: string }

/** What a send did: how many it reached now, and whether the mail server stopped it. */
export type SendOutcome = { id: string; isNew: boolean; reached: number; failed: boolean }

/**
 * Sends an announcement (docs/decisions/018-announcements-and-digest.md). One transaction records
 * the announcement and one recipient row per person addressed, each with no address yet ('': not
 * reached). Then each person with an address is claimed (their row takes the address), sent to,
 * and given back ('' again) if the mail server refuses, which also stops the send: the rows say
 * who received it, and `resendToNotReached` finishes the job later. The id comes from the confirm
 * page, so a second submission of the same page sends nothing.
 */
export async function sendAnnouncement(
  ctx: SendContext,
  options: {
    id: string
    subject: string
    body: string
    audience: Audience
    recipients: readonly Recipient[]
    sentBy: string
  },
): Promise<SendOutcome> {
  const isNew = await writeAs(ctx.db, `person:${options.sentBy}`, async (tx) => {
    const [row] = await tx
      .insert(announcements)
      .values({
        id: options.id,
        subject: options.subject,
        bodyMarkdown: options.body,
        audience: options.audience,
        sentBy: options.sentBy,
      })
      .onConflictDoNothing()
      .returning({ id: announcements.id })
    if (!row) return false
    if (options.recipients.length > 0)
      await tx
        .insert(announcementRecipients)
        .values(options.recipients.map((r) => ({ announcementId: row.id, personId: r.personId, email: '' })))
    return true
  })
  if (!isNew) return { id: options.id, isNew, reached: 0, failed: false }
  return { ...(await deliver(ctx, options.id, options, options.recipients)), isNew }
}

/** Sends the announcement to those it has not reached who have an address now (after a failure). */
export async function resendToNotReached(ctx: SendContext, id: string): Promise<SendOutcome | undefined> {
  if (!isUuid(id)) return undefined
  const [announcement] = await queryRows<{ subject: string; body: string; audience: string }>(
    ctx.db,
    sql`select subject, body_markdown as body, audience from announcements where id = ${id}::uuid`,
  )
  if (!announcement || !isAudience(announcement.audience)) return undefined
  const waiting = await queryRows<Recipient>(
    ctx.db,
    sql`select p.id as "personId", p.full_name as "fullName", trim(p.email) as email, '' as why
      from announcement_recipients r join people p on p.id = r.person_id
      where r.announcement_id = ${id}::uuid and r.email = '' order by lower(p.full_name), p.id`,
  )
  const audience = announcement.audience
  return { ...(await deliver(ctx, id, { ...announcement, audience }, waiting)), isNew: false }
}

async function deliver(
  ctx: SendContext,
  id: string,
  announcement: { subject: string; body: string; audience: Audience },
  recipients: readonly Recipient[],
): Promise<{ id: string; reached: number; failed: boolean }> {
  let reached = 0
  for (const person of recipients) {
    if (!hasAddress(person.email)) continue
    const row = and(
      eq(announcementRecipients.announcementId, id),
      eq(announcementRecipients.personId, person.personId),
    )
    // The claim: only the row still without an address takes one (two staff resending at once).
    const [claimed] = await ctx.db
      .update(announcementRecipients)
      .set({ email: person.email })
      .where(and(row, eq(announcementRecipients.email, '')))
      .returning({ personId: announcementRecipients.personId })
    if (!claimed) continue
    try {
      await ctx.mailer.send(composeAnnouncementEmail(announcement, { ...ctx, person }))
      reached++
    } catch (error) {
      await ctx.db.update(announcementRecipients).set({ email: '' }).where(row)
      logger.warn({ err: error, announcement: id }, 'an announcement could not be sent; the rest wait')
      return { id, reached, failed: true }
    }
  }
  return { id, reached, failed: false }
}
