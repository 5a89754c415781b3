/** Staff suspend, reinstate or withdraw an organisation: what each state allows, and the change itself. */
import { sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import type { AdmissionEventKind } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isAdmittedState } from '#src/features/admission/index.ts'
import { AppError, refused } from '#src/lib/errors.ts'
import { formatDate, formatNumber } from '#src/ui/format.ts'

export const statusActions = ['suspend', 'reinstate', 'withdraw'] as const
export type StatusAction = (typeof statusActions)[number]

export const statusEventOf: Record<StatusAction, AdmissionEventKind> = {
  suspend: 'suspended',
  reinstate: 'reinstated',
  withdraw: 'withdrawn',
}

/**
 * What staff may do from an admission state. Reinstatement only follows a suspension; a
 * withdrawal is final here (the organisation can come back only through a new application,
 * whose admission records `admitted` again); an organisation never admitted has nothing to change.
 */
export function allowedStatusActions(state: AdmissionEventKind | null): StatusAction[] {
  if (isAdmittedState(state)) return ['suspend', 'withdraw']
  if (state === 'suspended') return ['reinstate', 'withdraw']
  return []
}

/** Why an action is not open from a state, in words for the form. */
export function refusedActionMessage(state: AdmissionEventKind | null, action: StatusAction): string {
  if (state === 'withdrawn')
    return 'The organisation has withdrawn, which is final: it can come back only through a new application.'
  if (state === null || state === 'applied')
    return 'The organisation has not been admitted, so it cannot be suspended, reinstated or withdrawn.'
  if (action === 'reinstate')
    return 'Only a suspended organisation can be reinstated; this one is not suspended.'
  return 'The organisation is already suspended: reinstate it or withdraw it.'
}

/** Limits of the status form. */
export const REASON_MAX = 2000

/** The message for a reason that is empty or too long, or undefined when it is fine. */
export function reasonProblem(reason: string): string | undefined {
  if (reason.length === 0) return 'Write the reason for this change: it is kept in the history.'
  if (reason.length > REASON_MAX)
    return `Write the reason in at most ${formatNumber(REASON_MAX)} characters (this one has ${formatNumber(reason.length)}).`
  if (reason.includes('\u0000')) return 'Remove the invisible NUL characters from the reason.'
  return undefined
}

/**
 * Suspends, reinstates or withdraws an organisation from `effectiveOn` (today or earlier: a
 * change is recorded when it happens, and never before the latest entry of the history), with
 * the reason, in one transaction recorded against `actor`. A withdrawal also ends the seats held
 * on that date: nobody speaks for an organisation that left. Returns the new event's id.
 */
export async function changeOrganizationStatus(
  db: Db,
  actor: Actor,
  options: {
    organizationId: string
    action: StatusAction
    reason: string
    effectiveOn: string
    today: string
  },
): Promise<{ eventId: string }> {
  const { organizationId, action, effectiveOn } = options
  const reason = options.reason.trim()
  const problem = reasonProblem(reason)
  if (problem) throw refused('reason', problem)
  if (effectiveOn > options.today)
    throw refused(
      'effectiveOn',
      `A change of status is recorded when it happens: use today (${formatDate(options.today)}) or an earlier date.`,
    )
  return writeAs(db, actor, async (tx) => {
    // One change at a time per organisation: a second request waits, then sees this one.
    const [org] = await queryRows<{ id: string }>(
      tx,
      sql`select id from organizations where id = ${organizationId} for update`,
    )
    if (!org) throw new AppError('NOT_FOUND', { userMessage: 'No organisation has this id.' })
    const [latest] = await queryRows<{ kind: AdmissionEventKind; effective_on: string }>(
      tx,
      sql`select kind, effective_on::text as effective_on from admission_events where organization_id = ${organizationId}
        order by effective_on desc, recorded_at desc, id desc limit 1`,
    )
    if (latest && latest.effective_on > effectiveOn)
      throw refused(
        'effectiveOn',
        `The history already has an entry dated ${formatDate(latest.effective_on)}: date this change on or after it.`,
      )
    const state = latest?.kind ?? null
    if (!allowedStatusActions(state).includes(action))
      throw refused('action', refusedActionMessage(state, action))
    if (action === 'withdraw') {
      const [later] = await queryRows<{ starts_on: string }>(
        tx,
        sql`select starts_on::text as starts_on from seats where organization_id = ${organizationId}
          and starts_on >= ${effectiveOn}::date order by starts_on limit 1`,
      )
      if (later)
        throw refused(
          'effectiveOn',
          `A seat holder starts on ${formatDate(later.starts_on)}: date the withdrawal after that day.`,
        )
      await tx.execute(
        sql`update seats set ends_on = ${effectiveOn}::date where organization_id = ${organizationId}
          and starts_on < ${effectiveOn}::date and (ends_on is null or ends_on > ${effectiveOn}::date)`,
      )
    }
    const [event] = await queryRows<{ id: string }>(
      tx,
      sql`insert into admission_events (organization_id, kind, effective_on, reason)
        values (${organizationId}, ${statusEventOf[action]}, ${effectiveOn}::date, ${reason}) returning id`,
    )
    return { eventId: event?.id ?? '' }
  })
}
