/**
 * The national calls as stored: the weekly series kept a year ahead, what members read about
 * each call, and what staff change (cancel, reinstate, move, add an extra call, edit).
 */
import { and, eq, inArray, isNull, ne, notInArray, or, type SQL, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx, Tx } from '#src/db/client.ts'
import { briefings, type CallStatus, calls } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { getSettings, type Settings } from '#src/features/settings/index.ts'
import { addDays, isIsoDate } from '#src/lib/dates.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { multiLineProblem, singleLineProblem } from '#src/lib/text.ts'
import { isClockTime, zonedTimeToUtc } from '#src/lib/time-zone.ts'
import { formatNumber } from '#src/ui/format.ts'
import { heldCallSql } from './held.ts'
import { planCallSeries } from './schedule.ts'

/** How far ahead the series is kept at least: a year and a week, so that a full year is always listed. */
export const SERIES_HORIZON_DAYS = 371

/**
 * The last date the series is generated to: the end of next year, and never less than
 * SERIES_HORIZON_DAYS ahead, so that next year's presentations can be planned on every call.
 */
export const seriesHorizon = (today: string): string => {
  const endOfNextYear = `${Number(today.slice(0, 4)) + 1}-12-31`
  const minimum = addDays(today, SERIES_HORIZON_DAYS)
  return endOfNextYear > minimum ? endOfNextYear : minimum
}

/** What a call is called when staff gave it no title. */
export const DEFAULT_CALL_TITLE = 'National call'

export const callLimits = {
  reason: 500,
  title: 200,
  agenda: 10_000,
  notes: 10_000,
  recordingUrl: 2_000,
} as const

// ---------------------------------------------------------------------------------------------
// Formatting (in the call's own time zone, whatever the server's is)

const dayFormats = new Map<string, Intl.DateTimeFormat>()
const timeFormats = new Map<string, Intl.DateTimeFormat>()

const dayFormat = (timeZone: string) => {
  let format = dayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    })
    dayFormats.set(timeZone, format)
  }
  return format
}

/** Built from parts: engines differ on the comma after the weekday. */
const dayText = (ms: number, timeZone: string): string => {
  const parts = dayFormat(timeZone).formatToParts(ms)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`
}

/** '2026-12-07' -> 'Monday 7 December 2026' (a calendar date: no time zone shift). */
export const formatCallDate = (isoDate: string): string => dayText(Date.parse(`${isoDate}T12:00:00Z`), 'UTC')

/** ('2026-11-30T18:00:00Z', 'America/New_York') -> '1:00 pm ET' ('EST' where Intl has no short generic name). */
export const formatCallTime = (instant: string, timeZone: string): string => {
  let format = timeFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'shortGeneric',
    })
    timeFormats.set(timeZone, format)
  }
  const parts = format.formatToParts(Date.parse(instant))
  const value = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  let zone = value('timeZoneName')
  // 'ET' and 'PT' read well; 'United Kingdom Time' or 'GMT+0' do not: use the short name then.
  if (zone.includes(' ') || zone.includes('+') || zone.includes('-'))
    zone =
      new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
        .formatToParts(Date.parse(instant))
        .find((p) => p.type === 'timeZoneName')?.value ?? timeZone
  return `${value('hour')}:${value('minute')} ${value('dayPeriod').toLowerCase()} ${zone}`
}

/** ('2026-11-30T18:00:00Z', 'America/New_York') -> 'Monday 30 November 2026, 1:00 pm ET' */
export const formatCallWhen = (instant: string, timeZone: string): string =>
  `${dayText(Date.parse(instant), timeZone)}, ${formatCallTime(instant, timeZone)}`

const weekdayNames = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays']

/** The usual weekly call in words, such as 'on Mondays at 1:00 pm ET, for 30 minutes'. */
export const describeSeries = (settings: Settings, today: string): string => {
  const at = formatCallTime(
    zonedTimeToUtc(today, settings.callStartTime, settings.callTimeZone),
    settings.callTimeZone,
  )
  return `on ${weekdayNames[settings.callWeekday - 1] ?? 'Mondays'} at ${at}, for ${settings.callDurationMinutes} minutes`
}

// ---------------------------------------------------------------------------------------------
// The weekly series

/**
 * Inserts the weekly calls from `today` to seriesHorizon(today) that are not there yet;
 * observed federal holidays are inserted cancelled, with the holiday as the reason. A series
 * date already standing for a call (even one moved elsewhere) and a date already taken by
 * another call are skipped, so running it twice, or in two processes at once, adds nothing.
 * Days before today are never filled in: a call nobody held must not count as held.
 */
export async function ensureCallSeries(
  db: Db,
  options: { today: string; settings: Settings },
): Promise<{ added: number }> {
  const { today, settings } = options
  const planned = planCallSeries(today, seriesHorizon(today), {
    weekday: settings.callWeekday,
    startTime: settings.callStartTime,
    timeZone: settings.callTimeZone,
    durationMinutes: settings.callDurationMinutes,
    cancelOnHolidays: settings.cancelCallsOnFederalHolidays,
  })
  return writeAs(db, 'system', async (tx) => {
    if (planned.length === 0) return { added: 0 }
    const added = await tx
      .insert(calls)
      .values(
        planned.map((call) => ({
          localDate: call.localDate,
          startTime: call.startTime,
          timeZone: call.timeZone,
          startsAt: call.startsAt,
          durationMinutes: call.durationMinutes,
          status: call.cancelReason ? ('cancelled' as const) : ('scheduled' as const),
          cancelReason: call.cancelReason,
          isSeries: true,
          seriesDate: call.localDate,
        })),
      )
      // No target: a conflict on series_date or on local_date skips the row.
      .onConflictDoNothing()
      .returning({ id: calls.id })
    return { added: added.length }
  })
}

/**
 * ensureCallSeries with the settings in force, for start-up and the daily timer. A database
 * with no network at all is left empty, so that `hub import` can still fill it.
 */
export async function extendCallSeries(db: Db, options: { today: string }): Promise<{ added: number }> {
  const [row] = await queryRows<{ hasNetwork: boolean }>(
    db,
    sql`select (exists (select 1 from organizations) or exists (select 1 from people)
        or exists (select 1 from calls)) as "hasNetwork"`,
  )
  if (!row?.hasNetwork) return { added: 0 }
  return ensureCallSeries(db, { today: options.today, settings: await getSettings(db) })
}

// ---------------------------------------------------------------------------------------------
// Reading

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
  /** Where the call was before staff moved it (startsAt null when only the date is known), or null. */
  movedFrom: { localDate: string; startsAt: string | null; timeZone: string } | null
}

type CallRow = Omit<CallView, 'movedFrom'> & {
  fromDate: string | null
  fromTime: string | null
  fromZone: string | null
  fromStartsAt: string | null
}

/** A call's columns, and its first schedule change in the audit log (what it was before it moved). */
const selectCalls = (where: SQL, orderAndLimit: SQL) => sql`
  select c.id::text as "id", c.local_date::text as "localDate", c.start_time as "startTime",
      c.time_zone as "timeZone",
      to_char(c.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startsAt",
      c.duration_minutes as "durationMinutes", c.status as "status", c.cancel_reason as "cancelReason",
      c.is_series as "isSeries", c.series_date::text as "seriesDate", c.title as "title",
      c.agenda as "agenda", c.notes as "notes", c.recording_url as "recordingUrl",
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

const toView = (row: CallRow): CallView => {
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

export { heldCallSql, isHeld } from './held.ts'

/** The call on this date, or undefined. */
export async function findCall(db: DbOrTx, localDate: string): Promise<CallView | undefined> {
  const [row] = await queryRows<CallRow>(db, selectCalls(sql`c.local_date = ${localDate}::date`, sql``))
  return row ? toView(row) : undefined
}

/** The next calls from today on, cancelled ones included, in date order. */
export async function upcomingCalls(
  db: DbOrTx,
  options: { today: string; limit: number },
): Promise<CallView[]> {
  const rows = await queryRows<CallRow>(
    db,
    selectCalls(
      sql`c.local_date >= ${options.today}::date`,
      sql`order by c.local_date limit ${options.limit}`,
    ),
  )
  return rows.map(toView)
}

/** The latest calls held before today, most recent first. */
export async function recentHeldCalls(
  db: DbOrTx,
  options: { today: string; limit: number },
): Promise<CallView[]> {
  const rows = await queryRows<CallRow>(
    db,
    selectCalls(heldCallSql('c', options.today), sql`order by c.local_date desc limit ${options.limit}`),
  )
  return rows.map(toView)
}

export type CallBriefing = { id: string; title: string; publishedOn: string | null }
export type PresentationSlot = {
  organizationName: string
  organizationSlug: string
  status: string
  title: string | null
}

/** The briefings attached to a call and the organisations presenting on it. */
export async function callAttachments(
  db: DbOrTx,
  callId: string,
): Promise<{ briefings: CallBriefing[]; presentations: PresentationSlot[] }> {
  const [attached, slots] = await Promise.all([
    queryRows<CallBriefing>(
      db,
      sql`select id::text as "id", title, published_on::text as "publishedOn" from briefings
        where call_id = ${callId} order by published_on desc nulls last, title`,
    ),
    queryRows<PresentationSlot>(
      db,
      sql`select o.name as "organizationName", o.slug as "organizationSlug", p.status, p.title
        from presentations p join organizations o on o.id = p.organization_id
        where p.call_id = ${callId} order by o.name`,
    ),
  ])
  return { briefings: attached, presentations: slots }
}

export type BriefingChoice = CallBriefing & { callDate: string | null }

/** Every briefing, newest first, with the date of the call it is attached to (if any). */
export async function briefingChoices(db: DbOrTx): Promise<BriefingChoice[]> {
  return queryRows<BriefingChoice>(
    db,
    sql`select b.id::text as "id", b.title, b.published_on::text as "publishedOn",
        c.local_date::text as "callDate"
      from briefings b left join calls c on c.id = b.call_id
      order by b.published_on desc nulls last, b.title`,
  )
}

// ---------------------------------------------------------------------------------------------
// Forms: what staff typed, checked field by field (the services check again)

export type FormCheck<V, K extends string> =
  | { ok: true; value: V }
  | { ok: false; errors: Partial<Record<K, string>> }

const trimmed = (fields: Record<string, string>, name: string): string => (fields[name] ?? '').trim()
/** Textareas post CRLF line ends: keep plain LF. */
const text = (fields: Record<string, string>, name: string): string =>
  trimmed(fields, name).replace(/\r\n?/g, '\n')

const tooLong = (what: string, max: number, length: number): string =>
  `Write ${what} in at most ${formatNumber(max)} characters (this one has ${formatNumber(length)}).`

const dateProblem = (date: string): string | undefined =>
  isIsoDate(date) ? undefined : 'Enter a date such as 2026-12-08 (year, month, day).'
const timeProblem = (time: string): string | undefined =>
  isClockTime(time) ? undefined : 'Enter a start time such as 13:00 (24-hour clock, hours and minutes).'

const titleProblem = (title: string, isRequired: boolean): string | undefined => {
  if (isRequired && title === '') return 'Give the extra call a title, such as “Budget briefing”.'
  const notOneLine = singleLineProblem(title, 'title')
  if (notOneLine) return notOneLine
  if (title.length > callLimits.title) return tooLong('the title', callLimits.title, title.length)
  return undefined
}

export type CancelForm = { reason: string }

export function checkCancelForm(fields: Record<string, string>): FormCheck<CancelForm, 'reason'> {
  const reason = text(fields, 'reason')
  if (reason === '')
    return {
      ok: false,
      errors: { reason: 'Give the reason members will see, such as “Staff retreat” or “Federal holiday”.' },
    }
  const notText = multiLineProblem(reason, 'reason')
  if (notText) return { ok: false, errors: { reason: notText } }
  if (reason.length > callLimits.reason)
    return { ok: false, errors: { reason: tooLong('the reason', callLimits.reason, reason.length) } }
  return { ok: true, value: { reason } }
}

export type MoveForm = { date: string; startTime: string }

export function checkMoveForm(fields: Record<string, string>): FormCheck<MoveForm, keyof MoveForm> {
  const value = { date: trimmed(fields, 'date'), startTime: trimmed(fields, 'startTime') }
  const errors = { date: dateProblem(value.date), startTime: timeProblem(value.startTime) }
  return hasErrors(errors) ? { ok: false, errors: defined(errors) } : { ok: true, value }
}

export type NewCallForm = { date: string; startTime: string; durationMinutes: number; title: string }

export function checkNewCallForm(
  fields: Record<string, string>,
  defaults: { durationMinutes: number },
): FormCheck<NewCallForm, 'date' | 'startTime' | 'durationMinutes' | 'title'> {
  const date = trimmed(fields, 'date')
  const startTime = trimmed(fields, 'startTime')
  const title = trimmed(fields, 'title')
  const minutesText = trimmed(fields, 'durationMinutes')
  const durationMinutes = minutesText === '' ? defaults.durationMinutes : Number(minutesText)
  const isWholeMinutes = minutesText === '' || /^\d{1,3}$/.test(minutesText)
  const errors = {
    date: dateProblem(date),
    startTime: timeProblem(startTime),
    durationMinutes:
      isWholeMinutes && durationMinutes >= 5 && durationMinutes <= 240
        ? undefined
        : 'Enter the length in minutes, a whole number from 5 to 240.',
    title: titleProblem(title, true),
  }
  return hasErrors(errors)
    ? { ok: false, errors: defined(errors) }
    : { ok: true, value: { date, startTime, durationMinutes, title } }
}

export type EditForm = {
  title: string
  agenda: string
  notes: string
  recordingUrl: string
  briefingIds: string[]
}

const urlProblem = (url: string): string | undefined => {
  if (url === '') return undefined
  if (url.length > callLimits.recordingUrl)
    return `Use a web address of at most ${formatNumber(callLimits.recordingUrl)} characters (this one has ${formatNumber(url.length)}).`
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {
    parsed = undefined
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !parsed.hostname)
    return 'Enter the web address of the recording, starting with https:// (or http://).'
  return undefined
}

export function checkEditForm(
  fields: Record<string, string>,
  briefingIds: string[],
): FormCheck<EditForm, 'title' | 'agenda' | 'notes' | 'recordingUrl' | 'briefingIds'> {
  const value: EditForm = {
    title: trimmed(fields, 'title'),
    agenda: text(fields, 'agenda'),
    notes: text(fields, 'notes'),
    recordingUrl: trimmed(fields, 'recordingUrl'),
    briefingIds: [...new Set(briefingIds.map((id) => id.trim()))],
  }
  const errors = {
    title: titleProblem(value.title, false),
    agenda:
      multiLineProblem(value.agenda, 'agenda') ??
      (value.agenda.length > callLimits.agenda
        ? tooLong('the agenda', callLimits.agenda, value.agenda.length)
        : undefined),
    notes:
      multiLineProblem(value.notes, 'notes') ??
      (value.notes.length > callLimits.notes
        ? tooLong('the notes', callLimits.notes, value.notes.length)
        : undefined),
    recordingUrl: urlProblem(value.recordingUrl),
    briefingIds: value.briefingIds.every(isUuid) ? undefined : 'Tick briefings from the list.',
  }
  return hasErrors(errors) ? { ok: false, errors: defined(errors) } : { ok: true, value }
}

const hasErrors = (errors: Record<string, string | undefined>) => Object.values(errors).some(Boolean)
const defined = <K extends string>(errors: Record<K, string | undefined>): Partial<Record<K, string>> =>
  Object.fromEntries(Object.entries(errors).filter(([, v]) => v)) as Partial<Record<K, string>>

// ---------------------------------------------------------------------------------------------
// Staff changes: each one transaction, recorded against the person who made it

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

/** A change refused because of the call or its date: the message says what to do instead. */
export class CallChangeRefused extends AppError {
  readonly field: CallField | null
  constructor(field: CallField | null, userMessage: string) {
    super('BAD_INPUT', { userMessage })
    this.name = 'CallChangeRefused'
    this.field = field
  }
}

export const isCallChangeRefused = (error: unknown): error is CallChangeRefused =>
  error instanceof CallChangeRefused

const refuseInvalid = <V, K extends CallField>(check: FormCheck<V, K>): V => {
  if (check.ok) return check.value
  const [field, message] = Object.entries(check.errors)[0] as [K, string]
  throw new CallChangeRefused(field, message)
}

const noCall = (date: string) =>
  new AppError('NOT_FOUND', { userMessage: `There is no call on ${formatCallDate(date)}.` })

/** The call on this date, locked until the transaction ends: one change to a call at a time. */
async function lockCall(tx: Tx, localDate: string): Promise<CallView> {
  const [locked] = await queryRows<{ id: string }>(
    tx,
    sql`select id from calls where local_date = ${localDate}::date for update`,
  )
  const call = locked ? await findCall(tx, localDate) : undefined
  if (!call) throw noCall(localDate)
  return call
}

const takenMessage = (date: string) =>
  `There is already a call on ${formatCallDate(date)}: there is one call a day. Choose another date, or move or cancel that call first.`

const notBeforeToday = (date: string, today: string) => {
  if (date < today)
    throw new CallChangeRefused('date', `Choose today (${formatCallDate(today)}) or a later date.`)
}

async function refuseTakenDate(tx: Tx, date: string, exceptId?: string) {
  const [other] = await queryRows<{ id: string }>(
    tx,
    sql`select id::text as id from calls where local_date = ${date}::date
      ${exceptId ? sql`and id <> ${exceptId}` : sql``}`,
  )
  if (other) throw new CallChangeRefused('date', takenMessage(date))
}

/** True when a write failed on the one-call-a-day rule (another request took the date first). */
const isDateTaken = (error: unknown): boolean => {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code
    if (code === '23505' && /calls_local_date_unique/.test(e.message)) return true
    if (code === '23505' && (e as { constraint?: unknown }).constraint === 'calls_local_date_unique')
      return true
  }
  return false
}

/**
 * Cancels a call, or changes the reason of a cancelled one. A call that attendance is recorded
 * for took place: it cannot be cancelled.
 */
export async function cancelCall(
  db: Db,
  actor: Actor,
  options: { date: string; reason: string },
): Promise<CallView> {
  const { reason } = refuseInvalid(checkCancelForm({ reason: options.reason }))
  return writeAs(db, actor, async (tx) => {
    const call = await lockCall(tx, options.date)
    const [present] = await queryRows<{ n: number }>(
      tx,
      sql`select count(distinct person_id)::int as n from attendance where call_id = ${call.id}`,
    )
    if (present && present.n > 0)
      throw new CallChangeRefused(
        null,
        `Attendance is recorded for this call (${present.n} ${present.n === 1 ? 'person' : 'people'}): it took place, so it cannot be cancelled. Undo its roll call and attendance imports first.`,
      )
    await tx.update(calls).set({ status: 'cancelled', cancelReason: reason }).where(eq(calls.id, call.id))
    return { ...call, status: 'cancelled' as const, cancelReason: reason }
  })
}

/** Puts a cancelled call back on the calendar, at its date and time. */
export async function reinstateCall(
  db: Db,
  actor: Actor,
  options: { date: string; today: string },
): Promise<CallView> {
  return writeAs(db, actor, async (tx) => {
    const call = await lockCall(tx, options.date)
    if (call.status !== 'cancelled')
      throw new CallChangeRefused(null, 'This call is not cancelled: there is nothing to reinstate.')
    await tx.update(calls).set({ status: 'scheduled', cancelReason: null }).where(eq(calls.id, call.id))
    return { ...call, status: 'scheduled', cancelReason: null }
  })
}

/**
 * Moves a call to another date and/or start time, in its own time zone. The series date stays,
 * so the weekly series does not make that Monday's call again.
 */
export async function moveCall(
  db: Db,
  actor: Actor,
  options: { date: string; newDate: string; newStartTime: string; today: string },
): Promise<CallView> {
  const { date: newDate, startTime } = refuseInvalid(
    checkMoveForm({ date: options.newDate, startTime: options.newStartTime }),
  )
  try {
    return await writeAs(db, actor, async (tx) => {
      const call = await lockCall(tx, options.date)
      if (call.localDate < options.today)
        throw new CallChangeRefused(
          null,
          `This call was on ${formatCallDate(call.localDate)}: a call in the past cannot be moved.`,
        )
      if (call.status === 'cancelled')
        throw new CallChangeRefused(
          null,
          'This call is cancelled: reinstate it before moving it, or add an extra call instead.',
        )
      if (newDate === call.localDate && startTime === call.startTime)
        throw new CallChangeRefused(
          'date',
          'The call is already on that date at that time: choose a new date or start time.',
        )
      notBeforeToday(newDate, options.today)
      await refuseTakenDate(tx, newDate, call.id)
      const startsAt = zonedTimeToUtc(newDate, startTime, call.timeZone)
      await tx.update(calls).set({ localDate: newDate, startTime, startsAt }).where(eq(calls.id, call.id))
      const moved = await findCall(tx, newDate)
      if (!moved) throw noCall(newDate)
      return moved
    })
  } catch (error) {
    if (isDateTaken(error)) throw new CallChangeRefused('date', takenMessage(newDate))
    throw error
  }
}

/** Adds a call outside the weekly series, in the network's time zone, on a day that has none. */
export async function addExtraCall(
  db: Db,
  actor: Actor,
  options: { date: string; startTime: string; durationMinutes?: number; title: string; today: string },
): Promise<CallView> {
  const settings = await getSettings(db)
  const form = refuseInvalid(
    checkNewCallForm(
      {
        date: options.date,
        startTime: options.startTime,
        durationMinutes: options.durationMinutes === undefined ? '' : String(options.durationMinutes),
        title: options.title,
      },
      { durationMinutes: settings.callDurationMinutes },
    ),
  )
  notBeforeToday(form.date, options.today)
  return writeAs(db, actor, async (tx) => {
    await refuseTakenDate(tx, form.date)
    const [added] = await tx
      .insert(calls)
      .values({
        localDate: form.date,
        startTime: form.startTime,
        timeZone: settings.callTimeZone,
        startsAt: zonedTimeToUtc(form.date, form.startTime, settings.callTimeZone),
        durationMinutes: form.durationMinutes,
        status: 'scheduled',
        isSeries: false,
        seriesDate: null,
        title: form.title,
      })
      // Another request may have taken the date since the check above.
      .onConflictDoNothing()
      .returning({ id: calls.id })
    if (!added) throw new CallChangeRefused('date', takenMessage(form.date))
    const call = await findCall(tx, form.date)
    if (!call) throw noCall(form.date)
    return call
  })
}

/** Changes a call's title, agenda, notes and recording link, and which briefings are attached to it. */
export async function editCall(
  db: Db,
  actor: Actor,
  options: { date: string } & EditForm,
): Promise<CallView> {
  const { title, agenda, notes, recordingUrl } = options
  const form = refuseInvalid(checkEditForm({ title, agenda, notes, recordingUrl }, options.briefingIds))
  return writeAs(db, actor, async (tx) => {
    const call = await lockCall(tx, options.date)
    const orNull = (s: string) => (s === '' ? null : s)
    await tx
      .update(calls)
      .set({
        title: orNull(form.title),
        agenda: orNull(form.agenda),
        notes: orNull(form.notes),
        recordingUrl: orNull(form.recordingUrl),
      })
      .where(eq(calls.id, call.id))
    const ids = form.briefingIds
    await tx
      .update(briefings)
      .set({ callId: null })
      .where(and(eq(briefings.callId, call.id), ids.length > 0 ? notInArray(briefings.id, ids) : undefined))
    if (ids.length > 0)
      await tx
        .update(briefings)
        .set({ callId: call.id })
        .where(and(inArray(briefings.id, ids), or(isNull(briefings.callId), ne(briefings.callId, call.id))))
    const edited = await findCall(tx, call.localDate)
    if (!edited) throw noCall(call.localDate)
    return edited
  })
}
