import { type SQL, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { type AdmissionEventKind, type SeatRole, seatRoles } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { admissionStateSql, isAdmittedState } from '#src/features/admission/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { formatDate, formatNumber } from '#src/ui/format.ts'

/**
 * A change the records refuse (a date before the history, an action the state does not allow…),
 * with the form field it is about so that the page can show the message next to it.
 */
export class ChangeRefused extends AppError {
  readonly field: string | null
  constructor(field: string | null, userMessage: string) {
    super('CONFLICT', { userMessage })
    this.name = 'ChangeRefused'
    this.field = field
  }
}

export const isChangeRefused = (error: unknown): error is ChangeRefused => error instanceof ChangeRefused

/**
 * SQL for the seats of an organisation that nobody holds on `onDate`, as a text array
 * (representative first). `organizationId` is a column or a value, e.g. sql`o.id`.
 * @example sql`select o.id, ${vacantSeatsSql(sql`o.id`, onDate)} as vacant_seats from organizations o`
 */
export function vacantSeatsSql(organizationId: SQL, onDate: string): SQL {
  return sql`array(select r.role from unnest(array['representative', 'alternate']::text[]) with ordinality as r(role, n)
    where not exists (select 1 from seats s where s.organization_id = ${organizationId} and s.role = r.role
      and s.starts_on <= ${onDate}::date and (s.ends_on is null or s.ends_on > ${onDate}::date))
    order by r.n)`
}

/** Seats nobody holds on `onDate` (representative first); empty when both are held. */
export async function vacantSeats(db: DbOrTx, organizationId: string, onDate: string): Promise<SeatRole[]> {
  return (await organizationSeatStatus(db, [organizationId], onDate)).get(organizationId)?.vacantSeats ?? []
}

export type OrganizationSeatStatus = {
  /** The latest admission event on or before the date; null before the first one. */
  admission: AdmissionEventKind | null
  vacantSeats: SeatRole[]
  /** Admitted (or reinstated) on the date with a seat nobody holds. */
  isIncomplete: boolean
}

/** The admission state and the vacant seats of several organisations on `onDate`, by id (unknown ids left out). */
export async function organizationSeatStatus(
  db: DbOrTx,
  organizationIds: readonly string[],
  onDate: string,
): Promise<Map<string, OrganizationSeatStatus>> {
  const ids = [...new Set(organizationIds.filter(isUuid).map((id) => id.toLowerCase()))]
  const result = new Map<string, OrganizationSeatStatus>()
  if (ids.length === 0) return result
  const rows = await queryRows<{
    id: string
    admission: AdmissionEventKind | null
    vacant_seats: SeatRole[]
  }>(
    db,
    sql`select o.id, ${admissionStateSql(sql`o.id`, onDate)} as admission,
        ${vacantSeatsSql(sql`o.id`, onDate)} as vacant_seats
      from organizations o where o.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
  )
  for (const row of rows) {
    const vacant = seatRoles.filter((role) => row.vacant_seats.includes(role))
    result.set(row.id, {
      admission: row.admission,
      vacantSeats: vacant,
      isIncomplete: isAdmittedState(row.admission) && vacant.length > 0,
    })
  }
  return result
}

/** Whether the organisation is admitted on `onDate` but its representative or alternate seat is vacant. */
export async function isIncomplete(db: DbOrTx, organizationId: string, onDate: string): Promise<boolean> {
  return (
    (await organizationSeatStatus(db, [organizationId], onDate)).get(organizationId)?.isIncomplete ?? false
  )
}

/** The batch version of isIncomplete: the incomplete ones among `organizationIds`, with their vacant seats. */
export async function incompleteOrganizations(
  db: DbOrTx,
  organizationIds: readonly string[],
  onDate: string,
): Promise<Map<string, SeatRole[]>> {
  const incomplete = new Map<string, SeatRole[]>()
  for (const [id, status] of await organizationSeatStatus(db, organizationIds, onDate))
    if (status.isIncomplete) incomplete.set(id, status.vacantSeats)
  return incomplete
}

/** 'Incomplete: no representative', 'Incomplete: no alternate', or both. */
export function incompleteLabel(vacant: readonly SeatRole[]): string {
  const hasRepresentative = vacant.includes('representative')
  const hasAlternate = vacant.includes('alternate')
  if (hasRepresentative && hasAlternate) return 'Incomplete: no representative or alternate'
  return hasRepresentative ? 'Incomplete: no representative' : 'Incomplete: no alternate'
}

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

export type AdmissionHistoryEntry = {
  id: string
  kind: AdmissionEventKind
  effectiveOn: string
  reason: string | null
  /** When it was recorded, ISO 8601 in UTC. */
  recordedAt: string
  /** Who recorded it, from the audit log (null for the demo or an import). */
  recordedBy: string | null
}

/** The organisation's admission history, newest first, with who recorded each entry. */
export async function admissionHistory(db: DbOrTx, organizationId: string): Promise<AdmissionHistoryEntry[]> {
  const rows = await queryRows<{
    id: string
    kind: AdmissionEventKind
    effective_on: string
    reason: string | null
    recorded_at: string
    recorded_by: string | null
  }>(
    db,
    sql`select e.id, e.kind, e.effective_on::text as effective_on, e.reason,
        to_char(e.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as recorded_at,
        coalesce(p.full_name, case when a.actor like 'token:%' then 'an API token' end) as recorded_by
      from admission_events e
      left join lateral (select l.actor from audit_log l where l.table_name = 'admission_events'
        and l.record_id = e.id::text and l.action = 'insert' order by l.at limit 1) a on true
      left join people p on a.actor like 'person:%' and p.id::text = substring(a.actor from 8)
      where e.organization_id = ${organizationId}
      order by e.effective_on desc, e.recorded_at desc, e.id desc`,
  )
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    effectiveOn: r.effective_on,
    reason: r.reason,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }))
}

/** The organisation's admission state on `onDate` and the date of the event that set it. */
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
  if (problem) throw new ChangeRefused('reason', problem)
  if (effectiveOn > options.today)
    throw new ChangeRefused(
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
      throw new ChangeRefused(
        'effectiveOn',
        `The history already has an entry dated ${formatDate(latest.effective_on)}: date this change on or after it.`,
      )
    const state = latest?.kind ?? null
    if (!allowedStatusActions(state).includes(action))
      throw new ChangeRefused('action', refusedActionMessage(state, action))
    if (action === 'withdraw') {
      const [later] = await queryRows<{ starts_on: string }>(
        tx,
        sql`select starts_on::text as starts_on from seats where organization_id = ${organizationId}
          and starts_on >= ${effectiveOn}::date order by starts_on limit 1`,
      )
      if (later)
        throw new ChangeRefused(
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
