/** What every staff change to a call shares: the refusals, the lock on the call, the one-call-a-day rule. */
import { sql } from 'drizzle-orm'
import type { Tx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { AppError } from '#src/lib/errors.ts'
import { formatCallDate } from './call-format.ts'
import type { FormCheck } from './call-forms.ts'
import { type CallView, findCall } from './call-view.ts'

/** The form fields a refusal can be about. */
export type CallField =
  | 'reason'
  | 'date'
  | 'startTime'
  | 'durationMinutes'
  | 'title'
  | 'agenda'
  | 'notes'
  | 'recordingUrl'
  | 'briefingIds'
  | 'joinUrl'
  | 'dialIn'
  | 'addedReason'

/**
 * A change refused because of the call or its date (400): the message says what to do instead,
 * next to `field` when one field is to blame.
 */
export const callRefused = (field: CallField | null, userMessage: string): AppError =>
  new AppError('BAD_INPUT', { userMessage, field })

/** The checked form, or the refusal of its first wrong field. */
export const refuseInvalid = <V, K extends CallField>(check: FormCheck<V, K>): V => {
  if (check.ok) return check.value
  const [field, message] = Object.entries(check.errors)[0] as [K, string]
  throw callRefused(field, message)
}

export const noCall = (date: string) =>
  new AppError('NOT_FOUND', { userMessage: `There is no call on ${formatCallDate(date)}.` })

/** The call on this date, locked until the transaction ends: one change to a call at a time. */
export async function lockCall(tx: Tx, localDate: string): Promise<CallView> {
  const [locked] = await queryRows<{ id: string }>(
    tx,
    sql`select id from calls where local_date = ${localDate}::date for update`,
  )
  const call = locked ? await findCall(tx, localDate) : undefined
  if (!call) throw noCall(localDate)
  return call
}

export const takenMessage = (date: string) =>
  `There is already a call on ${formatCallDate(date)}: there is one call a day. Choose another date, or move or cancel that call first.`

export const notBeforeToday = (date: string, today: string) => {
  if (date < today) throw callRefused('date', `Choose today (${formatCallDate(today)}) or a later date.`)
}

/** A call added on a day before today needs the reason staff bring it in afterwards. */
export const pastNeedsReason = (date: string, today: string, reason: string) => {
  if (date < today && reason === '')
    throw callRefused(
      'addedReason',
      `${formatCallDate(date)} is before today: say why the call is added afterwards, such as “Bringing in the calls of 2024”.`,
    )
}

export async function refuseTakenDate(tx: Tx, date: string, exceptId?: string) {
  const [other] = await queryRows<{ id: string }>(
    tx,
    sql`select id::text as id from calls where local_date = ${date}::date
      ${exceptId ? sql`and id <> ${exceptId}` : sql``}`,
  )
  if (other) throw callRefused('date', takenMessage(date))
}

/** True when a write failed on the one-call-a-day rule (another request took the date first). */
export const isDateTaken = (error: unknown): boolean => {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code
    if (code === '23505' && /calls_local_date_unique/.test(e.message)) return true
    if (code === '23505' && (e as { constraint?: unknown }).constraint === 'calls_local_date_unique')
      return true
  }
  return false
}
