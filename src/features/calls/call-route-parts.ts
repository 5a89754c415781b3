/** What the calls' routes share: the call the address names, the staff member acting, a refusal as a form's answer. */
import type { Context } from 'hono'
import type { Actor } from '#src/db/actor.ts'
import type { DbOrTx } from '#src/db/client.ts'
import type { AppEnv } from '#src/http/deps.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { AppError, isAppError } from '#src/lib/errors.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { formatCallDate } from './call-format.ts'
import { type CallView, findCall } from './call-view.ts'

/** The call named by the address's date: 400 for something that is not a date, 404 for a day with no call. */
export async function callOf(db: DbOrTx, c: Context<AppEnv>): Promise<CallView> {
  const date = c.req.param('date') ?? ''
  if (!isIsoDate(date))
    throw new AppError('BAD_INPUT', {
      userMessage: 'A call’s address ends in its date, written year-month-day, such as /calls/2026-11-30.',
    })
  const call = await findCall(db, date)
  if (!call) throw new AppError('NOT_FOUND', { userMessage: `There is no call on ${formatCallDate(date)}.` })
  return call
}

/** The signed-in staff member's person as the actor of a change; 403 when the account has none. */
export function staffActor(c: Context<AppEnv>): Actor {
  const viewer = c.get('viewer')
  if (viewer.kind === 'user' && viewer.personId) return `person:${viewer.personId}`
  throw new AppError('FORBIDDEN', {
    userMessage: 'Your account is not linked to a person record, so it cannot change calls.',
  })
}

/** What the call page says after a staff change (the redirect carries `done`). */
export type DoneWhat = 'added' | 'cancelled' | 'reinstated' | 'moved' | 'edited'

/** After a change: the call's page says what happened. */
export const done = (c: Context<AppEnv>, call: CallView, what: DoneWhat) =>
  c.redirect(`/calls/${call.localDate}?done=${what}`, 303)

/** A refusal from the service as the form's answer: next to its field, or at the top. */
export function formRefusal<K extends string>(error: unknown, fields: readonly K[]) {
  if (!isAppError(error) || error.code !== 'BAD_INPUT') throw error
  const field = fields.find((f) => f === error.field)
  return field
    ? { errors: { [field]: error.userMessage } as Partial<Record<K, string>>, flash: undefined }
    : { errors: {}, flash: { isError: true, text: error.userMessage } as FlashMessage }
}
