import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type {
  AdmissionEventKind,
  CallStatus,
  OrganizationCategory,
  PresentationStatus,
  SeatRole,
} from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import type { AdmissionEventRecord } from '#src/features/admission/index.ts'
import { isAdmittingKindSql } from '#src/features/admission/index.ts'
import { isUuid } from '#src/lib/ids.ts'
import type {
  AttendanceRecord,
  CallRecord,
  PresentationRecord,
  SeatHoldingRecord,
  SharingRecord,
} from './engine.ts'

export type OrganizationYearRecords = {
  id: string
  name: string
  category: OrganizationCategory
  admissionEvents: AdmissionEventRecord[]
  seats: SeatHoldingRecord[]
  presentation: PresentationRecord | null
  sharing: SharingRecord[]
}

/** Everything the engine needs for one year, for every organisation ever admitted by its end. */
export type YearRecords = {
  year: number
  calls: CallRecord[]
  organizations: OrganizationYearRecords[]
  /** Attendance rows of the year's calls by people holding some organisation's seat on the call's date. */
  attendanceByPerson: Map<string, AttendanceRecord[]>
  /** The first call (not cancelled) with any attendance, of any year: where records begin by default. */
  firstAttendedCallOn: string | null
}

/**
 * Loads a year's records in seven queries, whatever the number of organisations: the organisations
 * admitted (or reinstated) on or before the year's end with their admission history, the year's
 * calls, the seat holdings overlapping it, the seat holders' attendance, the presentations and
 * the sharing records, and the first attended call. `organizationIds` narrows it to some organisations (e.g. one page's).
 * Whether each was admitted *during* the year is the engine's question, not this one's.
 */
export async function loadYearRecords(
  db: DbOrTx,
  options: { year: number; organizationIds?: readonly string[] },
): Promise<YearRecords> {
  const first = `${String(options.year).padStart(4, '0')}-01-01`
  const last = `${String(options.year).padStart(4, '0')}-12-31`
  const ids = options.organizationIds?.filter(isUuid)
  const only = (column: SQL) =>
    ids === undefined
      ? sql`true`
      : ids.length === 0
        ? sql`false`
        : sql`${column} in (${sql.join(
            ids.map((id) => sql`${id.toLowerCase()}::uuid`),
            sql`, `,
          )})`
  const everAdmitted = sql`(select organization_id from admission_events
    where ${isAdmittingKindSql(sql`kind`)} and effective_on <= ${last}::date)`

  const [events, calls, seats, attendance, presentations, sharing, firstAttended] = await Promise.all([
    queryRows<{
      id: string
      name: string
      category: OrganizationCategory
      kind: AdmissionEventKind
      effective_on: string
    }>(
      db,
      sql`select o.id, o.name, o.category, e.kind, e.effective_on::text as effective_on
        from organizations o join admission_events e on e.organization_id = o.id
        where o.id in ${everAdmitted} and ${only(sql`o.id`)} and e.effective_on <= ${last}::date
        order by o.id, e.effective_on, e.recorded_at, e.id`,
    ),
    queryRows<{ id: string; local_date: string; status: CallStatus }>(
      db,
      sql`select id, local_date::text as local_date, status from calls
        where local_date between ${first}::date and ${last}::date order by local_date`,
    ),
    queryRows<{
      organization_id: string
      person_id: string
      role: SeatRole
      starts_on: string
      ends_on: string | null
    }>(
      db,
      sql`select organization_id, person_id, role, starts_on::text as starts_on, ends_on::text as ends_on
        from seats where starts_on <= ${last}::date and (ends_on is null or ends_on > ${first}::date)
          and ${only(sql`organization_id`)}`,
    ),
    // One row a person, their year's records packed in a string ("call seconds join leave,…",
    // times as epoch milliseconds): a tenth of the rows to move, which is most of the cost.
    queryRows<{ person_id: string; records: string }>(
      db,
      sql`select a.person_id, string_agg(a.call_id::text || ' ' || a.seconds
            || ' ' || coalesce((extract(epoch from a.first_join) * 1000)::bigint::text, '')
            || ' ' || coalesce((extract(epoch from a.last_leave) * 1000)::bigint::text, ''), ',') as records
        from attendance a join calls c on c.id = a.call_id
        where c.local_date between ${first}::date and ${last}::date
          and a.person_id in (select s.person_id from seats s where s.starts_on <= ${last}::date
            and (s.ends_on is null or s.ends_on > ${first}::date) and ${only(sql`s.organization_id`)})
        group by a.person_id`,
    ),
    queryRows<{
      organization_id: string
      status: PresentationStatus
      call_date: string | null
      is_call_cancelled: boolean | null
      requested_month: number | null
      actual_minutes: number | null
    }>(
      db,
      sql`select p.organization_id, p.status, c.local_date::text as call_date,
          c.status = 'cancelled' as is_call_cancelled, p.requested_month, p.actual_minutes
        from presentations p left join calls c on c.id = p.call_id
        where p.year = ${options.year} and ${only(sql`p.organization_id`)}`,
    ),
    queryRows<{ organization_id: string; shared_on: string }>(
      db,
      sql`select organization_id, shared_on::text as shared_on from sharing_attestations
        where shared_on between ${first}::date and ${last}::date and ${only(sql`organization_id`)}`,
    ),
    firstAttendedCallOn(db),
  ])

  const organizations = new Map<string, OrganizationYearRecords>()
  for (const row of events) {
    let org = organizations.get(row.id)
    if (!org) {
      org = {
        id: row.id,
        name: row.name,
        category: row.category,
        admissionEvents: [],
        seats: [],
        presentation: null,
        sharing: [],
      }
      organizations.set(row.id, org)
    }
    org.admissionEvents.push({ kind: row.kind, effectiveOn: row.effective_on })
  }
  for (const s of seats)
    organizations.get(s.organization_id)?.seats.push({
      personId: s.person_id,
      role: s.role,
      startsOn: s.starts_on,
      endsOn: s.ends_on,
    })
  for (const p of presentations) {
    const org = organizations.get(p.organization_id)
    if (org)
      org.presentation = {
        status: p.status,
        callDate: p.call_date,
        isCallCancelled: p.is_call_cancelled === true,
        requestedMonth: p.requested_month,
        actualMinutes: p.actual_minutes,
      }
  }
  for (const s of sharing) organizations.get(s.organization_id)?.sharing.push({ sharedOn: s.shared_on })

  const attendanceByPerson = new Map<string, AttendanceRecord[]>()
  const iso = (ms: string | undefined) => (ms ? new Date(Number(ms)).toISOString() : null)
  for (const { person_id: personId, records } of attendance) {
    const rows: AttendanceRecord[] = []
    for (const packed of records.split(',')) {
      const [callId, seconds, join, leave] = packed.split(' ')
      rows.push({
        callId: callId as string,
        personId,
        seconds: Number(seconds),
        firstJoin: iso(join),
        lastLeave: iso(leave),
      })
    }
    attendanceByPerson.set(personId, rows)
  }

  return {
    year: options.year,
    calls: calls.map((c) => ({ id: c.id, localDate: c.local_date, isCancelled: c.status === 'cancelled' })),
    organizations: [...organizations.values()],
    attendanceByPerson,
    firstAttendedCallOn: firstAttended,
  }
}

/** The day of the first call (not cancelled) with any attendance, of any year; null when none. */
export async function firstAttendedCallOn(db: DbOrTx): Promise<string | null> {
  const [row] = await queryRows<{ local_date: string | null }>(
    db,
    sql`select min(c.local_date)::text as local_date from calls c
      where c.status <> 'cancelled' and exists (select 1 from attendance a where a.call_id = c.id)`,
  )
  return row?.local_date ?? null
}
