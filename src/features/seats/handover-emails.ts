/**
 * The emails of a seat handover: one to the incoming holder, one to the outgoing holder (when the
 * seat was held). They are about the person's own seat, so they are always sent: no kind of
 * reminder covers them and they carry no unsubscribe link.
 */
import type { SeatRole } from '#src/db/schema/index.ts'
import { addDays } from '#src/lib/dates.ts'
import { type Mailer, type OutgoingEmail, sendSafely } from '#src/lib/mailer.ts'
import { formatDate } from '#src/ui/format.ts'
import { type SeatPerson, seatWord } from './seat-holders.ts'

/** A handover as committed: the seat, its first day with the new holder, and both holders. */
export type SeatHandover = {
  organization: { name: string }
  role: SeatRole
  /** The first day the incoming holder holds the seat (the outgoing holder's last is the day before). */
  effectiveOn: string
  incoming: SeatPerson
  outgoing: SeatPerson | null
}

export type HandoverEmailContext = {
  /** The network's name, as staff set it. */
  network: string
  /** Where people reach the Hub, such as https://hub.example.org. */
  origin: string
}

const alwaysSent =
  'You receive this email because it is about your own seat: emails about the seats you hold are always sent.'

/** The two emails (the outgoing holder's only when the seat was held), plain text. */
export function composeHandoverEmails(handover: SeatHandover, ctx: HandoverEmailContext): OutgoingEmail[] {
  const { organization, role, effectiveOn, incoming, outgoing } = handover
  const seat = `${seatWord[role]} seat of ${organization.name}`
  const from = formatDate(effectiveOn)
  const account = new URL('/account', ctx.origin).href
  const email = (to: SeatPerson, subject: string, body: string[]): OutgoingEmail => ({
    to: to.email,
    subject,
    text: `${[`Hello ${to.fullName},`, ...body, `--\n${alwaysSent}`].join('\n\n')}\n`,
  })
  const emails = [
    email(incoming, `${ctx.network}: from ${from} you hold the ${seat}`, [
      `From ${from}, you are the ${seatWord[role]} of ${organization.name} in the ${ctx.network}${outgoing ? `, taking the seat over from ${outgoing.fullName}` : ''}.`,
      `Your account shows your seats, including this one before it starts:\n${account}`,
    ]),
  ]
  if (outgoing)
    emails.push(
      email(outgoing, `${ctx.network}: from ${from} ${incoming.fullName} holds the ${seat}`, [
        `From ${from}, ${incoming.fullName} is the ${seatWord[role]} of ${organization.name} in the ${ctx.network}. You hold the seat until ${formatDate(addDays(effectiveOn, -1))}, its last day with you.`,
        `Your account:\n${account}`,
      ]),
    )
  return emails.filter((e) => e.to.trim() !== '')
}

/**
 * Sends the emails of a committed handover, each once; a failure is logged and does not undo
 * the handover. How many went out.
 */
export async function sendHandoverEmails(
  mailer: Mailer,
  handover: SeatHandover,
  ctx: HandoverEmailContext,
): Promise<number> {
  let sent = 0
  for (const email of composeHandoverEmails(handover, ctx)) if (await sendSafely(mailer, email)) sent += 1
  return sent
}
