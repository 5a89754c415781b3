/** The roll call of a call as the records hold it: the call, the organisations admitted, who held their seats, the records. */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { isAdmittedSql } from '#src/features/admission/index.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import {
  type AdmittedOrganization,
  type AttendanceRecord,
  assembleRollCall,
  type RollCall,
  type RollCallCall,
  type SeatHolder,
} from './roll-call.ts'

export const callColumns = sql`id::text as "id", local_date::text as "localDate", start_time as "startTime",
  time_zone as "timeZone", to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startsAt",
  duration_minutes as "durationMinutes", status, cancel_reason as "cancelReason"`

/** The call on a date (a date names at most one call), or undefined. */
export async function findRollCallCall(db: DbOrTx, localDate: string): Promise<RollCallCall | undefined> {
  if (!isIsoDate(localDate)) return undefined
  const [call] = await queryRows<RollCallCall>(
    db,
    sql`select ${callColumns} from calls where local_date = ${localDate}::date`,
  )
  return call
}

/** The organisations admitted on `onDate`. */
async function admittedOn(db: DbOrTx, onDate: string): Promise<AdmittedOrganization[]> {
  return queryRows<AdmittedOrganization>(
    db,
    sql`select o.id::text as id, o.slug, coalesce(o.short_name, o.name) as name from organizations o
      where ${isAdmittedSql(sql`o.id`, onDate)}`,
  )
}

/** Who held the representative and alternate seats of the organisations admitted on `onDate`. */
export async function holdersOn(db: DbOrTx, onDate: string): Promise<SeatHolder[]> {
  return queryRows<SeatHolder>(
    db,
    sql`select distinct on (s.organization_id, s.role) s.organization_id::text as "organizationId", s.role,
        p.id::text as "personId", p.full_name as "fullName"
      from seats s join people p on p.id = s.person_id
      where s.starts_on <= ${onDate}::date and (s.ends_on is null or s.ends_on > ${onDate}::date)
        and ${isAdmittedSql(sql`s.organization_id`, onDate)}
      order by s.organization_id, s.role, s.starts_on desc`,
  )
}

async function recordsOf(db: DbOrTx, callId: string): Promise<AttendanceRecord[]> {
  return queryRows<AttendanceRecord>(
    db,
    sql`select person_id::text as "personId", seconds, source, import_id::text as "importId",
        to_char(first_join at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "firstJoin",
        to_char(last_leave at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastLeave"
      from attendance where call_id = ${callId}`,
  )
}

/** The roll call of a call from the records. */
export async function loadRollCall(
  db: DbOrTx,
  call: RollCallCall,
  options: { minimumMinutes: number },
): Promise<RollCall> {
  const [organizations, holders, records] = await Promise.all([
    admittedOn(db, call.localDate),
    holdersOn(db, call.localDate),
    recordsOf(db, call.id),
  ])
  return assembleRollCall({ call, organizations, holders, records, minimumMinutes: options.minimumMinutes })
}
