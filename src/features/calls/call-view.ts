/** A call as the pages read it, with where it was before staff moved it. */
import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { CallStatus } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'

/** What a call is called when staff gave it no title. */
export const DEFAULT_CALL_TITLE = 'National call'

export type CallView = {
  id: string
  localDate: string
  startTime: string
  timeZone: string
  /** ISO 8601 UTC. */
  startsAt: string
  durationMinutes: number
  status: CallStatus
  cancelReason: string | null
  isSeries: boolean
  seriesDate: string | null
  title: string | null
  agenda: string | null
  notes: string | null
  recordingUrl: string | null
  /** This call's own join link and dial-in (null: the series default, a setting). Members only. */
  joinUrl: string | null
  dialIn: string | null
  /** Why staff added this call after its day, or null. */
  addedReason: string | null
  /** Where the call was before staff moved it (startsAt null when only the date is known), or null. */
  movedFrom: { localDate: string; startsAt: string | null; timeZone: string } | null
}

export type CallRow = Omit<CallView, 'movedFrom'> & {
  fromDate: string | null
  fromTime: string | null
  fromZone: string | null
  fromStartsAt: string | null
}

/** A call's columns, and its first schedule change in the audit log (what it was before it moved). */
export const selectCalls = (where: SQL, orderAndLimit: SQL) => sql`
  select c.id::text as "id", c.local_date::text as "localDate", c.start_time as "startTime",
      c.time_zone as "timeZone",
      to_char(c.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startsAt",
      c.duration_minutes as "durationMinutes", c.status as "status", c.cancel_reason as "cancelReason",
      c.is_series as "isSeries", c.series_date::text as "seriesDate", c.title as "title",
      c.agenda as "agenda", c.notes as "notes", c.recording_url as "recordingUrl",
      c.join_url as "joinUrl", c.dial_in as "dialIn", c.added_reason as "addedReason",
      m.local_date as "fromDate", m.start_time as "fromTime", m.time_zone as "fromZone",
      m.starts_at as "fromStartsAt"
    from calls c
    left join lateral (
      select l.before ->> 'local_date' as local_date, l.before ->> 'start_time' as start_time,
          l.before ->> 'time_zone' as time_zone, l.before ->> 'starts_at' as starts_at
        from audit_log l
       where l.table_name = 'calls' and l.record_id = c.id::text and l.action = 'update'
         and l.changed && array['local_date', 'start_time', 'time_zone']::text[]
       order by l.at, l.id
       limit 1
    ) m on true
   where ${where}
   ${orderAndLimit}`

export const toView = (row: CallRow): CallView => {
  const { fromDate, fromTime, fromZone, fromStartsAt, ...call } = row
  let movedFrom: CallView['movedFrom'] = null
  if (
    fromDate &&
    fromTime &&
    fromZone &&
    (fromDate !== call.localDate || fromTime !== call.startTime || fromZone !== call.timeZone)
  ) {
    const ms = fromStartsAt ? Date.parse(fromStartsAt) : Number.NaN
    movedFrom = {
      localDate: fromDate,
      startsAt: Number.isNaN(ms) ? null : new Date(ms).toISOString(),
      timeZone: fromZone,
    }
  } else if (!fromDate && call.seriesDate && call.seriesDate !== call.localDate) {
    // Moved with the audit log off (an import): the series date is all we know.
    movedFrom = { localDate: call.seriesDate, startsAt: null, timeZone: call.timeZone }
  }
  return { ...call, movedFrom }
}

/** The call on this date, or undefined. */
export async function findCall(db: DbOrTx, localDate: string): Promise<CallView | undefined> {
  const [row] = await queryRows<CallRow>(db, selectCalls(sql`c.local_date = ${localDate}::date`, sql``))
  return row ? toView(row) : undefined
}

/**
 * Where the series' call of `localDate` went when staff moved it (its new date), while no call is
 * on that day any more: old links, reminders and agendas then still lead to it.
 */
export async function movedCallDate(db: DbOrTx, localDate: string): Promise<string | undefined> {
  const rows = await queryRows<{ local_date: string }>(
    db,
    sql`select local_date::text as local_date from calls
      where series_date = ${localDate}::date and local_date <> ${localDate}::date
        and not exists (select 1 from calls o where o.local_date = ${localDate}::date)
      limit 1`,
  )
  return rows[0]?.local_date
}
