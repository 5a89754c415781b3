/** The presentations as pages read them: one, an organisation's, a year's, and the year's calls. */
import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx, Tx } from '#src/db/client.ts'
import type { CallStatus, PresentationStatus } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isAdmittedSql } from '#src/features/admission/index.ts'
import type { OrganizationRef } from '#src/features/seats/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import type { SlotCall } from './slot-state.ts'

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

/** The 404 of an address that names no presentation. */
export const noPresentation = () =>
  new AppError('NOT_FOUND', { userMessage: 'No presentation has this address.' })

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
export const lockYear = (tx: Tx, year: number) =>
  tx.execute(sql`select pg_advisory_xact_lock(7305, ${year}::int)`)
