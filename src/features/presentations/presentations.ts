/**
 * The annual presentations as stored: an organisation asks for a month, staff plan the year in
 * one transaction, move a slot, and record after the call that it was given (with its length)
 * or missed. Every write takes the same lock, so that two staff members planning or moving at
 * once can never put a third presentation on a call.
 */
import { type SQL, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx, Tx } from '#src/db/client.ts'
import { type CallStatus, type PresentationStatus, presentations } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isAdmittedSql } from '#src/features/admission/index.ts'
import { formatCallDate } from '#src/features/calls/index.ts'
import type { OrganizationRef } from '#src/features/seats/index.ts'
import { ChangeRefused } from '#src/features/seats/index.ts'
import type { Settings } from '#src/features/settings/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { DEFAULT_CAPACITY, type ExistingSlot, type PlanOrganization, planPresentations } from './plan.ts'

/** The longest presentation title, in characters. */
export const TITLE_MAX = 200
/** The longest length staff can record, in minutes: a call lasts 30; this leaves room for a long one. */
export const MINUTES_MAX = 120

export const yearOf = (date: string): number => Number(date.slice(0, 4))

/** The years an organisation can ask for a month in, and staff can plan: this one and the next. */
export const plannableYears = (today: string): [number, number] => [yearOf(today), yearOf(today) + 1]

/** Whether a recorded length is outside what a presentation should last (10 to 15 minutes by default). */
export const isLengthWarning = (
  minutes: number | null,
  settings: Pick<Settings, 'presentationMinMinutes' | 'presentationMaxMinutes'>,
): boolean =>
  minutes !== null && (minutes < settings.presentationMinMinutes || minutes > settings.presentationMaxMinutes)

/** Where a presentation stands, as people read it (the stored status with its call). */
export type SlotState =
  /** No row, or asked for a month and not planned yet. */
  | 'none'
  | 'requested'
  /** On an upcoming call. */
  | 'planned'
  /** Its call is over and nobody has recorded the outcome yet. */
  | 'awaiting'
  /** Planned on a call that was cancelled or deleted: it needs a new slot. */
  | 'orphaned'
  | 'given'
  | 'missed'

export type SlotCall = { id: string; date: string; status: CallStatus }

export function slotState(
  presentation: { status: PresentationStatus; requestedMonth: number | null } | null,
  call: SlotCall | null,
  today: string,
): SlotState {
  if (!presentation) return 'none'
  switch (presentation.status) {
    case 'given':
    case 'missed':
      return presentation.status
    case 'planned':
      if (!call || call.status === 'cancelled') return 'orphaned'
      return call.date < today ? 'awaiting' : 'planned'
    default:
      return presentation.requestedMonth === null ? 'none' : 'requested'
  }
}

export type PresentationRow = {
  id: string
  organization: OrganizationRef
  year: number
  requestedMonth: number | null
  status: PresentationStatus
  title: string | null
  actualMinutes: number | null
  call: SlotCall | null
}

type FlatRow = {
  id: string
  organizationId: string
  slug: string
  name: string
  category: 'member' | 'bff'
  year: number
  requestedMonth: number | null
  status: PresentationStatus
  title: string | null
  actualMinutes: number | null
  callId: string | null
  callDate: string | null
  callStatus: CallStatus | null
}

const toRow = (r: FlatRow): PresentationRow => ({
  id: r.id,
  organization: { id: r.organizationId, slug: r.slug, name: r.name, category: r.category },
  year: r.year,
  requestedMonth: r.requestedMonth,
  status: r.status,
  title: r.title,
  actualMinutes: r.actualMinutes,
  call:
    r.callId && r.callDate && r.callStatus ? { id: r.callId, date: r.callDate, status: r.callStatus } : null,
})

const selectPresentations = (where: SQL) => sql`
  select p.id::text as "id", o.id::text as "organizationId", o.slug, o.name, o.category, p.year,
      p.requested_month as "requestedMonth", p.status, p.title, p.actual_minutes as "actualMinutes",
      c.id::text as "callId", c.local_date::text as "callDate", c.status as "callStatus"
    from presentations p
    join organizations o on o.id = p.organization_id
    left join calls c on c.id = p.call_id
   where ${where}`

/** One presentation with its organisation and call, or undefined. */
export async function findPresentation(db: DbOrTx, id: string): Promise<PresentationRow | undefined> {
  if (!isUuid(id)) return undefined
  const [row] = await queryRows<FlatRow>(db, selectPresentations(sql`p.id = ${id.toLowerCase()}::uuid`))
  return row ? toRow(row) : undefined
}

/** The organisation's presentations of these years, by year (years without one left out). */
export async function presentationsOf(
  db: DbOrTx,
  organizationId: string,
  years: readonly number[],
): Promise<Map<number, PresentationRow>> {
  const rows = await queryRows<FlatRow>(
    db,
    selectPresentations(
      sql`p.organization_id = ${organizationId}::uuid and p.year in (${sql.join(
        years.map((y) => sql`${y}::int`),
        sql`, `,
      )})`,
    ),
  )
  return new Map(rows.map((r) => [r.year, toRow(r)]))
}

/** A line of the staff's list: an organisation with its presentation of the year (if it has one). */
export type YearLine = {
  organization: OrganizationRef
  /** Admitted on the day the list is read for (this year: today; another: its first or last day). */
  isAdmitted: boolean
  presentation: PresentationRow | null
}

/** The day a year's list and plan are about: today within the year, else its first or last day. */
export const referenceDay = (year: number, today: string): string => {
  const first = `${String(year).padStart(4, '0')}-01-01`
  const last = `${String(year).padStart(4, '0')}-12-31`
  return today < first ? first : today > last ? last : today
}

/**
 * Every organisation admitted on the year's reference day, and every other one that has a
 * presentation that year: in call order, those without a call last, then by name.
 */
export async function presentationsOfYear(
  db: DbOrTx,
  options: { year: number; today: string },
): Promise<YearLine[]> {
  const onDate = referenceDay(options.year, options.today)
  const rows = await queryRows<
    Omit<FlatRow, 'id' | 'status'> & {
      id: string | null
      status: PresentationStatus | null
      isAdmitted: boolean
    }
  >(
    db,
    sql`select p.id::text as "id", o.id::text as "organizationId", o.slug, o.name, o.category,
        ${options.year}::int as "year", p.requested_month as "requestedMonth", p.status, p.title,
        p.actual_minutes as "actualMinutes",
        c.id::text as "callId", c.local_date::text as "callDate", c.status as "callStatus",
        ${isAdmittedSql(sql`o.id`, onDate)} as "isAdmitted"
      from organizations o
      left join presentations p on p.organization_id = o.id and p.year = ${options.year}
      left join calls c on c.id = p.call_id
      where p.id is not null or ${isAdmittedSql(sql`o.id`, onDate)}
      order by c.local_date nulls last, o.name, o.id`,
  )
  return rows.map(({ isAdmitted, id, status, ...rest }) => ({
    organization: { id: rest.organizationId, slug: rest.slug, name: rest.name, category: rest.category },
    isAdmitted,
    presentation: id && status ? toRow({ ...rest, id, status }) : null,
  }))
}

/** A call of the year, with how many presentations it holds. */
export type YearCall = SlotCall & { presentations: number }

/** The year's calls in date order, cancelled ones included, with their presentations counted. */
export async function callsOfYear(db: DbOrTx, year: number): Promise<YearCall[]> {
  return queryRows<YearCall>(
    db,
    sql`select c.id::text as "id", c.local_date::text as "date", c.status,
        (select count(*)::int from presentations p where p.call_id = c.id
          and p.status in ('planned', 'given', 'missed')) as "presentations"
      from calls c
      where c.local_date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
      order by c.local_date`,
  )
}

/** One writer at a time for a year's presentations (plans, moves and requests). */
const lockYear = (tx: Tx, year: number) => tx.execute(sql`select pg_advisory_xact_lock(7305, ${year}::int)`)

// ---------------------------------------------------------------------------------------------
// An organisation asks for a month

export type RequestResult = { state: 'requested' | 'planned'; callDate: string | null }

/**
 * Records the month (null: any month) and title an organisation asks for. A presentation
 * already planned on an upcoming call keeps its slot (staff may move it to the month asked
 * for); one given, missed or whose call is over can no longer change.
 */
export async function requestPresentation(
  db: Db,
  actor: Actor,
  options: {
    organizationId: string
    year: number
    requestedMonth: number | null
    title: string | null
    today: string
  },
): Promise<RequestResult> {
  return writeAs(db, actor, async (tx) => {
    await lockYear(tx, options.year)
    const current = (await presentationsOf(tx, options.organizationId, [options.year])).get(options.year)
    if (current) {
      const state = slotState(current, current.call, options.today)
      if (state === 'given' || state === 'missed' || state === 'awaiting')
        throw new ChangeRefused(
          null,
          state === 'awaiting'
            ? `The presentation’s call, ${formatCallDate(current.call?.date ?? '')}, is over: staff record how it went, and the request can no longer change.`
            : `The ${options.year} presentation is recorded as ${state}: the request can no longer change.`,
        )
      await tx
        .update(presentations)
        .set({ requestedMonth: options.requestedMonth, title: options.title })
        .where(sql`${presentations.id} = ${current.id}`)
      return state === 'planned'
        ? { state: 'planned', callDate: current.call?.date ?? null }
        : { state: 'requested', callDate: null }
    }
    await tx.insert(presentations).values({
      organizationId: options.organizationId,
      year: options.year,
      requestedMonth: options.requestedMonth,
      title: options.title,
      status: 'requested',
    })
    return { state: 'requested', callDate: null }
  })
}

// ---------------------------------------------------------------------------------------------
// Staff plan the year

export type PlanSummary = {
  /** The first day calls could take a new slot. */
  from: string
  placed: { organizationId: string; callDate: string; isRequestHonoured: boolean }[]
  unplaced: { id: string; name: string; slug: string }[]
}

/**
 * Gives every organisation admitted on the plan's first day, max(today, 1 January), a slot
 * if it has none, on the calls from that day on (see plan.ts); all slots are written in one
 * transaction. Slots already planned, given or missed stay where they are.
 */
export async function planYear(
  db: Db,
  actor: Actor,
  options: { year: number; today: string },
): Promise<PlanSummary> {
  const { year } = options
  const firstDay = `${String(year).padStart(4, '0')}-01-01`
  const from = options.today > firstDay ? options.today : firstDay
  return writeAs(db, actor, async (tx) => {
    await lockYear(tx, year)
    const [calls, organizations, existing] = await Promise.all([
      callsOfYear(tx, year),
      queryRows<PlanOrganization & { slug: string }>(
        tx,
        sql`select o.id::text as "id", o.name, o.slug, p.requested_month as "requestedMonth"
          from organizations o
          left join presentations p on p.organization_id = o.id and p.year = ${year}
          where ${isAdmittedSql(sql`o.id`, from)}`,
      ),
      queryRows<ExistingSlot>(
        tx,
        sql`select organization_id::text as "organizationId", call_id::text as "callId", status
          from presentations where year = ${year}`,
      ),
    ])
    const plan = planPresentations({
      calls: calls.map((c) => ({ id: c.id, date: c.date, isCancelled: c.status === 'cancelled' })),
      organizations,
      existing,
      capacity: DEFAULT_CAPACITY,
      from,
    })
    if (plan.placements.length > 0)
      await tx
        .insert(presentations)
        .values(
          plan.placements.map((p) => ({
            organizationId: p.organizationId,
            year,
            callId: p.callId,
            status: 'planned' as const,
          })),
        )
        // An organisation that asked for a month keeps its request and title; only the slot changes.
        .onConflictDoUpdate({
          target: [presentations.organizationId, presentations.year],
          set: { callId: sql`excluded.call_id`, status: 'planned', actualMinutes: null },
        })
    const slugs = new Map(organizations.map((o) => [o.id, o.slug]))
    return {
      from,
      placed: plan.placements.map((p) => ({
        organizationId: p.organizationId,
        callDate: p.date,
        isRequestHonoured: p.isRequestHonoured,
      })),
      unplaced: plan.unplaced.map((o) => ({ id: o.id, name: o.name, slug: slugs.get(o.id) ?? '' })),
    }
  })
}

// ---------------------------------------------------------------------------------------------
// Staff move a slot and record the outcome

const notFound = () => new AppError('NOT_FOUND', { userMessage: 'No presentation has this address.' })

/**
 * Moves a presentation (planned, missed, or not yet planned) to the call on `callDate`: a
 * call of its year, from today on, not cancelled, with fewer than two presentations.
 */
export async function moveSlot(
  db: Db,
  actor: Actor,
  options: { presentationId: string; callDate: string; today: string },
): Promise<{ organization: OrganizationRef; callDate: string }> {
  const found = await findPresentation(db, options.presentationId)
  if (!found) throw notFound()
  return writeAs(db, actor, async (tx) => {
    await lockYear(tx, found.year)
    const presentation = await findPresentation(tx, options.presentationId)
    if (!presentation) throw notFound()
    const when = formatCallDate(options.callDate)
    if (presentation.status === 'given')
      throw new ChangeRefused(
        null,
        `This presentation was given on ${formatCallDate(presentation.call?.date ?? '')}: a given presentation stays on its call.`,
      )
    const [call] = (await callsOfYear(tx, yearOf(options.callDate))).filter(
      (c) => c.date === options.callDate,
    )
    if (!call) throw new ChangeRefused('callDate', `No call is on ${when}.`)
    if (yearOf(call.date) !== presentation.year)
      throw new ChangeRefused(
        'callDate',
        `The call of ${when} is in ${yearOf(call.date)}; this presentation is for ${presentation.year}.`,
      )
    if (call.status === 'cancelled')
      throw new ChangeRefused('callDate', `The call of ${when} is cancelled: choose another call.`)
    if (call.date < options.today)
      throw new ChangeRefused('callDate', `The call of ${when} is over: choose a call from today on.`)
    if (presentation.call?.id === call.id && presentation.status === 'planned')
      throw new ChangeRefused('callDate', `The presentation is already on the call of ${when}.`)
    if (call.presentations >= DEFAULT_CAPACITY)
      throw new ChangeRefused(
        'callDate',
        `The call of ${when} already has ${DEFAULT_CAPACITY} presentations, the most a call takes: choose another call.`,
      )
    await tx
      .update(presentations)
      .set({ callId: call.id, status: 'planned', actualMinutes: null })
      .where(sql`${presentations.id} = ${presentation.id}`)
    return { organization: presentation.organization, callDate: call.date }
  })
}

export type Outcome = { outcome: 'given'; actualMinutes: number } | { outcome: 'missed' }

/** Records, once its call is held, that the presentation was given (with its length) or missed; staff may correct it. */
export async function recordOutcome(
  db: Db,
  actor: Actor,
  options: { presentationId: string; today: string } & Outcome,
): Promise<PresentationRow> {
  return writeAs(db, actor, async (tx) => {
    const presentation = await findPresentation(tx, options.presentationId)
    if (!presentation) throw notFound()
    const call = presentation.call
    if (!call || presentation.status === 'requested')
      throw new ChangeRefused(null, 'This presentation has no call yet: plan or move it to a call first.')
    if (call.status === 'cancelled')
      throw new ChangeRefused(
        null,
        `Its call, ${formatCallDate(call.date)}, was cancelled: move the presentation to another call.`,
      )
    if (call.date >= options.today)
      throw new ChangeRefused(
        null,
        `Its call, ${formatCallDate(call.date)}, has not been held yet: record how it went after the call.`,
      )
    const actualMinutes = options.outcome === 'given' ? options.actualMinutes : null
    await tx
      .update(presentations)
      .set({ status: options.outcome, actualMinutes })
      .where(sql`${presentations.id} = ${presentation.id}`)
    return { ...presentation, status: options.outcome, actualMinutes }
  })
}
