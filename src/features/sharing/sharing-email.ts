import type { DbOrTx } from '#src/db/client.ts'
import { seatHoldersOn } from '#src/features/seats/index.ts'
import type { Clock } from '#src/lib/clock.ts'
import { logger } from '#src/lib/logger.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { formatDate } from '#src/ui/format.ts'
import type { SharingEntry } from './list-sharing.ts'

/** What became of the email about a staff question: sent, nobody to send it to, or failed. */
export type QuestionMail = 'sent' | 'none' | 'failed'

/**
 * Tells the organisation's representative and alternate of today that staff asked about one of
 * its sharing records, with a link to answer. The question is already saved: a failed email is
 * logged and reported, never undoes it.
 */
export async function notifyQuestion(
  db: DbOrTx,
  deps: { mailer: Mailer; origin: string; clock: Clock },
  options: { record: SharingEntry; question: string; askedBy: string },
): Promise<QuestionMail> {
  const { record } = options
  const holders = await seatHoldersOn(db, record.organization.id, deps.clock.today())
  const people = [holders.representative, holders.alternate].filter((p) => p !== null)
  if (people.length === 0) return 'none'
  const shared = formatDate(record.sharedOn)
  const link = `${deps.origin}/organizations/${record.organization.slug}/sharing?year=${record.sharedOn.slice(0, 4)}#sharing-${record.id}`
  try {
    for (const person of people)
      await deps.mailer.send({
        to: person.email,
        subject: `A question about the sharing of ${shared}`,
        text: [
          `Hello ${person.fullName},`,
          '',
          `${options.askedBy} of the collaborative's staff asked about the sharing that ${record.organization.name} recorded for ${shared} (${record.audience}, ${record.channel}):`,
          '',
          options.question,
          '',
          `Answer it on the Hub: ${link}`,
        ].join('\n'),
      })
    return 'sent'
  } catch (error) {
    logger.error({ err: error, sharingId: record.id }, 'sharing question email not sent')
    return 'failed'
  }
}
