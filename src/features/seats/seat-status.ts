/** Vacant seats, and the organisations admitted with a seat nobody holds ("incomplete"). */
import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { type AdmissionEventKind, type SeatRole, seatRoles } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { admissionStateSql, isAdmittedState } from '#src/features/admission/index.ts'
import { isUuid } from '#src/lib/ids.ts'

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
