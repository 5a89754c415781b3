/**
 * The email telling an organisation's seat holders that its presentation slot was planned or
 * moved: to whoever holds a seat on the call's day, unless they turned this kind off.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { formatCallDate } from '#src/features/calls/index.ts'
import { seatHoldersOn } from '#src/features/seats/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps } from '#src/http/deps.ts'
import { type Mailer, type OutgoingEmail, sendSafely } from '#src/lib/mailer.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import { type LengthRange, rangeText } from './parts.tsx'

/** A slot as committed: the call it is on now, and the one it left (null when newly planned). */
export type SlotChange = {
  organization: { id: string; name: string; slug: string }
  callDate: string
  previousCallDate: string | null
}

/**
 * How a person opts out of these emails (the reminders feature's "presentation_slot" kind,
 * handed in by the app: this feature may not import that one).
 */
export type SlotOptOut = {
  wanting: (personIds: readonly string[]) => Promise<Set<string>>
  linkFor: (personId: string) => string
  label: string
  preferencesUrl: string
}

export type SlotEmailContext = {
  /** The network's name, as staff set it. */
  network: string
  /** Where people reach the Hub, such as https://hub.example.org. */
  origin: string
  optOut: SlotOptOut
  /** How long a presentation lasts, as staff set it. */
  range: LengthRange
}

/** The context of a request's slot emails. */
export async function slotEmailContext(deps: AppDeps, optOut: SlotOptOut): Promise<SlotEmailContext> {
  const settings = await getSettings(deps.database.db)
  return { network: currentChrome().name, origin: deps.origin, optOut, range: settings }
}

type Recipient = { id: string; fullName: string; email: string; role: 'representative' | 'alternate' }

/** One holder's email about a slot, plain text with its unsubscribe link. */
export function composeSlotEmail(change: SlotChange, to: Recipient, ctx: SlotEmailContext): OutgoingEmail {
  const { organization: org, callDate, previousCallDate } = change
  const when = formatCallDate(callDate)
  const stop = ctx.optOut.linkFor(to.id)
  const page = new URL(`/organizations/${org.slug}/presentation`, ctx.origin).href
  const subject = previousCallDate
    ? `${ctx.network}: the presentation of ${org.name} moved to ${when}`
    : `${ctx.network}: ${org.name} presents on the national call of ${when}`
  const body = [
    `Hello ${to.fullName},`,
    previousCallDate
      ? `Staff moved the annual presentation of ${org.name} from the national call of ${formatCallDate(previousCallDate)} to the call of ${when}.`
      : `Staff planned the annual presentation of ${org.name} on the national call of ${when}.`,
    `It lasts ${rangeText(ctx.range)}. The slot, and how to give it a title:\n${page}`,
    `You receive this email as the ${to.role} of ${org.name} in the ${ctx.network}.`,
    `--\nTo stop these emails (“${ctx.optOut.label}”), open:\n${stop}\nChoose which reminders you get: ${ctx.optOut.preferencesUrl}`,
  ]
  return { to: to.email, subject, text: `${body.join('\n\n')}\n`, unsubscribeUrl: stop }
}

/**
 * Sends the emails of committed slot changes, once each, after the transaction: a failure is
 * logged and undoes nothing. How many went out.
 */
export async function sendSlotEmails(
  db: DbOrTx,
  mailer: Mailer,
  changes: readonly SlotChange[],
  ctx: SlotEmailContext,
): Promise<number> {
  let sent = 0
  for (const change of changes) {
    const holders = await seatHoldersOn(db, change.organization.id, change.callDate)
    const recipients = (['representative', 'alternate'] as const).flatMap((role): Recipient[] => {
      const holder = holders[role]
      return holder?.email.trim() ? [{ ...holder, role }] : []
    })
    const wanting = await ctx.optOut.wanting(recipients.map((r) => r.id))
    for (const to of recipients)
      if (wanting.has(to.id) && (await sendSafely(mailer, composeSlotEmail(change, to, ctx)))) sent += 1
  }
  return sent
}
