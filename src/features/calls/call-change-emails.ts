/**
 * The email telling seat holders that a call is cancelled, moved, added or back on: to those who
 * turned the reminders' "call_changes" kind on (it is off by default), with its unsubscribe link.
 * It goes to seat holders only, so it may carry the members-only join link and dial-in.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { getSettings, type JoinDetails, joinDetailsOf } from '#src/features/settings/index.ts'
import type { AppDeps } from '#src/http/deps.ts'
import { type Mailer, type OutgoingEmail, sendSafely } from '#src/lib/mailer.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import { type CallChangeRecipient, seatHoldersOnAny } from './call-change-recipients.ts'
import { formatCallDate, formatCallWhen } from './call-format.ts'
import type { CallView } from './call-view.ts'

/** A change as committed: the call as it is now (and, when moved, where it was). */
export type CallChangeNews =
  | { kind: 'cancelled' | 'added' | 'reinstated'; call: CallView }
  | { kind: 'moved'; call: CallView; from: Pick<CallView, 'localDate' | 'startsAt' | 'timeZone'> }

/**
 * How a person opts out of these emails (the reminders feature's "call_changes" kind, handed in
 * by the app: this feature may not import that one).
 */
export type CallChangeOptOut = {
  wanting: (personIds: readonly string[]) => Promise<Set<string>>
  linkFor: (personId: string) => string
  label: string
  preferencesUrl: string
}

export type CallChangeContext = {
  /** The network's name, as staff set it. */
  network: string
  /** Where people reach the Hub, such as https://hub.example.org. */
  origin: string
  optOut: CallChangeOptOut
  /** The series' join link and dial-in, for a call without its own. */
  joinDefaults: { callJoinUrl: string; callDialIn: string }
}

/** The context of a request's call-change emails. */
export async function callChangeContext(deps: AppDeps, optOut: CallChangeOptOut): Promise<CallChangeContext> {
  const settings = await getSettings(deps.database.db)
  return { network: currentChrome().name, origin: deps.origin, optOut, joinDefaults: settings }
}

const seatsOf = (to: CallChangeRecipient) =>
  to.seats.map((s) => `the ${s.role} of ${s.organization}`).join(' and ')

const joinLines = (join: JoinDetails): string[] => [
  ...(join.joinUrl ? [`Join the call:\n${join.joinUrl}`] : []),
  ...(join.dialIn ? [`Dial-in:\n${join.dialIn}`] : []),
]

/** One holder's email about a change, plain text with its unsubscribe link. */
export function composeCallChangeEmail(
  news: CallChangeNews,
  to: CallChangeRecipient,
  ctx: CallChangeContext,
): OutgoingEmail {
  const { call } = news
  const name = call.title?.trim() ? `the call “${call.title.trim()}”` : 'the national call'
  const when = formatCallWhen(call.startsAt, call.timeZone)
  const day = formatCallDate(call.localDate)
  const page = new URL(`/calls/${call.localDate}`, ctx.origin).href
  const join = joinLines(joinDetailsOf(call, ctx.joinDefaults))
  const length = `It lasts ${call.durationMinutes} minutes.`
  const [subject = '', ...said] = ((): string[] => {
    switch (news.kind) {
      case 'cancelled':
        return [
          `${ctx.network}: the national call of ${day} is cancelled`,
          `Staff cancelled ${name} of the ${ctx.network} on ${when}.${call.cancelReason ? ` The reason: ${call.cancelReason}` : ''}`,
          `The calls to come:\n${new URL('/calls', ctx.origin).href}`,
        ]
      case 'moved':
        return [
          `${ctx.network}: the national call of ${formatCallDate(news.from.localDate)} moved to ${when}`,
          `Staff moved ${name} of the ${ctx.network} from ${formatCallWhen(news.from.startsAt, news.from.timeZone)} to ${when}. ${length}`,
          ...join,
          `The call's page:\n${page}`,
        ]
      case 'added':
        return [
          `${ctx.network}: an extra call on ${when}`,
          `Staff added ${name} to the calendar of the ${ctx.network}: ${when}. ${length}`,
          ...join,
          `The call's page:\n${page}`,
        ]
      case 'reinstated':
        return [
          `${ctx.network}: the national call of ${day} takes place after all`,
          `Staff put ${name} of the ${ctx.network} back on the calendar: it takes place on ${when}. ${length}`,
          ...join,
          `The call's page:\n${page}`,
        ]
    }
  })()
  const stop = ctx.optOut.linkFor(to.id)
  const body = [
    `Hello ${to.fullName},`,
    ...said,
    `You receive this email as ${seatsOf(to)} in the ${ctx.network}.`,
    `--\nTo stop these emails (“${ctx.optOut.label}”), open:\n${stop}\nChoose which reminders you get: ${ctx.optOut.preferencesUrl}`,
  ]
  return { to: to.email, subject, text: `${body.join('\n\n')}\n`, unsubscribeUrl: stop }
}

/**
 * Sends the emails of a committed change, once each, after the transaction, to the seat holders of
 * the call's day (and, for a move, of the day it left) who asked for them. Nothing for a call
 * before `today` (staff bringing in past calls tell nobody). A failure is logged and undoes nothing.
 * How many went out.
 */
export async function sendCallChangeEmails(
  db: DbOrTx,
  mailer: Mailer,
  news: CallChangeNews,
  ctx: CallChangeContext & { today: string },
): Promise<number> {
  if (news.call.localDate < ctx.today) return 0
  const dates = news.kind === 'moved' ? [news.from.localDate, news.call.localDate] : [news.call.localDate]
  const holders = await seatHoldersOnAny(db, dates)
  const wanting = await ctx.optOut.wanting(holders.map((h) => h.id))
  let sent = 0
  for (const to of holders)
    if (wanting.has(to.id) && (await sendSafely(mailer, composeCallChangeEmail(news, to, ctx)))) sent += 1
  return sent
}

/** For a router: sends one committed change's emails with the request's context. */
export const callChangeEmailsOf =
  (deps: AppDeps, optOut: CallChangeOptOut) =>
  async (news: CallChangeNews): Promise<number> =>
    sendCallChangeEmails(deps.database.db, deps.mailer, news, {
      ...(await callChangeContext(deps, optOut)),
      today: deps.clock.today(),
    })
