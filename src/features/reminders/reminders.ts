/**
 * Reminder emails: what is due today (pure, from the obligations engine's records and result),
 * and the run that claims each due reminder in reminder_deliveries and sends it, so that every
 * (kind, subject, person) goes out once however many Hub processes run it
 * (docs/decisions/008-reminders-once.md).
 */
import { sql } from 'drizzle-orm'
import type { Db } from '#src/db/client.ts'
import type { SeatRole } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { admissionSteps, isAdmittedOn } from '#src/features/admission/index.ts'
import {
  type CallRecord,
  complianceFromRecords,
  isQuarterClosing,
  loadYearRecords,
  type ObligationSettings,
  type ObligationsResult,
  type OrganizationYearRecords,
} from '#src/features/obligations/index.ts'
import { getSettings, joinDetailsOf } from '#src/features/settings/index.ts'
import { addDays } from '#src/lib/dates.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import type { DueReminder } from './due-reminder.ts'
import { composeReminderEmail, type ReminderCall, type ReminderOrganization } from './emails.ts'
import { isReminderEnabled, loadSavedChoices } from './preferences.ts'
import { runLogged } from './run-logged.ts'
import { sendOnce } from './send-once.ts'

export type DueInput = {
  today: string
  /** The organisations admitted in today's year: their records and the engine's result as of today. */
  organizations: readonly { records: OrganizationYearRecords; obligations: ObligationsResult }[]
  /** The network's calls and the organisations' records for tomorrow's year (today's, but on 31 December). */
  tomorrow: { calls: readonly CallRecord[]; organizations: readonly OrganizationYearRecords[] }
}

/** Who holds the organisation's seats on `date`, the representative first. */
export function seatHoldersOf(
  org: OrganizationYearRecords,
  date: string,
): { personId: string; role: SeatRole }[] {
  return org.seats
    .filter((s) => s.startsOn <= date && (s.endsOn === null || s.endsOn > date))
    .sort((a, b) => (a.role === b.role ? 0 : a.role === 'representative' ? -1 : 1))
    .map((s) => ({ personId: s.personId, role: s.role }))
}

const isAdmittedToday = (org: OrganizationYearRecords, date: string): boolean =>
  isAdmittedOn(admissionSteps(org.admissionEvents), date)

/**
 * Every reminder due on `today`, before anyone's choices are applied:
 * - call_tomorrow: each call tomorrow that is not cancelled, to the seat holders (on that date)
 *   of the organisations admitted that day; one per person and call;
 * - at_risk: an organisation admitted today whose status is at risk, to its seat holders, once a year;
 * - sharing_due: a quarter that ends within 14 days without a sharing record (the engine's rule);
 * - presentation_unplanned: after the slot deadline (31 March, later for an organisation admitted
 *   later), a required presentation with no slot on a call that is not cancelled (the engine shows
 *   such a slot as 'none' or 'requested').
 * None is sent for a year or quarter before the network's records begin: the engine calls those
 * "no records", never at risk or due.
 */
export function dueReminders(input: DueInput): DueReminder[] {
  const { today } = input
  const due: DueReminder[] = []
  const tomorrow = addDays(today, 1)
  for (const call of input.tomorrow.calls) {
    if (call.localDate !== tomorrow || call.isCancelled) continue
    const people = new Set<string>()
    for (const org of input.tomorrow.organizations)
      if (isAdmittedToday(org, tomorrow)) for (const h of seatHoldersOf(org, tomorrow)) people.add(h.personId)
    for (const personId of people)
      due.push({
        kind: 'call_tomorrow',
        subject: call.id,
        personId,
        callId: call.id,
        callDate: call.localDate,
      })
  }
  for (const { records: org, obligations } of input.organizations) {
    if (!isAdmittedToday(org, today)) continue
    const year = obligations.year
    const holders = seatHoldersOf(org, today)
    const toHolders = (subject: string) =>
      holders.map((h) => ({ ...h, subject, organizationId: org.id, year }))
    if (obligations.status === 'at_risk')
      for (const h of toHolders(`${org.id}:${year}`))
        due.push({ ...h, kind: 'at_risk', reasons: obligations.reasons })
    for (const q of obligations.sharingQuarters)
      if (isQuarterClosing(q, today))
        for (const h of toHolders(`${org.id}:${year}-Q${q.quarter}`))
          due.push({ ...h, kind: 'sharing_due', quarter: q.quarter, endsOn: q.endsOn })
    const p = obligations.presentation
    const isPastDeadline = today > obligations.presentationSlotDeadline
    if (isPastDeadline && p.required && (p.status === 'none' || p.status === 'requested'))
      for (const h of toHolders(`${org.id}:${year}`))
        due.push({
          ...h,
          kind: 'presentation_unplanned',
          requestedMonth: p.status === 'requested' ? p.month : null,
        })
  }
  return due
}

/** The pure half of a run: the engine over loaded records, then dueReminders. */
export function dueFromRecords(options: {
  today: string
  settings: ObligationSettings
  records: Awaited<ReturnType<typeof loadYearRecords>>
  tomorrowRecords: Awaited<ReturnType<typeof loadYearRecords>>
}): DueReminder[] {
  const byId = new Map(options.records.organizations.map((o) => [o.id, o]))
  const organizations = complianceFromRecords(options.records, options).flatMap((c) => {
    const records = byId.get(c.organizationId)
    return records ? [{ records, obligations: c.obligations }] : []
  })
  return dueReminders({
    today: options.today,
    organizations,
    tomorrow: { calls: options.tomorrowRecords.calls, organizations: options.tomorrowRecords.organizations },
  })
}

export type ReminderRun = {
  /** Due reminders the recipients want. */
  due: number
  /** Sent by this run. */
  sent: number
  /** Sent before, or being sent right now by another process. */
  taken: number
  /** Claimed but not sent (the mail server refused): the claim is given back for a later run. */
  failed: number
}

export type ReminderRunOptions = {
  db: Db
  mailer: Mailer
  /** Where people reach the Hub (links in the emails). */
  origin: string
  /** The Hub's secret (AUTH_SECRET), which signs the unsubscribe links. */
  secret: string
  today: string
}

/**
 * Sends the reminders due today that nobody has sent. Each one is claimed first with an insert
 * that only one process can win (or, for a claim an hour old that was never sent, an update only
 * one process can win); the winner sends, then marks it sent. A failed send gives the claim back.
 */
export async function runReminders(options: ReminderRunOptions): Promise<ReminderRun> {
  const { db, today } = options
  const year = Number(today.slice(0, 4))
  const tomorrowYear = Number(addDays(today, 1).slice(0, 4))
  const [settings, records] = await Promise.all([getSettings(db), loadYearRecords(db, { year })])
  const tomorrowRecords = tomorrowYear === year ? records : await loadYearRecords(db, { year: tomorrowYear })
  const all = dueFromRecords({ today, settings, records, tomorrowRecords })
  const saved = await loadSavedChoices(
    db,
    all.map((r) => r.personId),
  )
  const wanted = all.filter((r) => isReminderEnabled(saved.get(r.personId), r.kind))
  const run: ReminderRun = { due: wanted.length, sent: 0, taken: 0, failed: 0 }
  if (wanted.length === 0) return run

  const done = await sentAlready(db, wanted)
  const pending = wanted.filter((r) => !done.has(keyOf(r)))
  run.taken = wanted.length - pending.length
  if (pending.length === 0) return run
  const context = await loadContext(db, pending, settings)
  for (const reminder of pending) {
    const person = context.people.get(reminder.personId)
    if (!person) continue
    const outcome = await sendOnce(options, reminder, (unsubscribeLink) =>
      composeReminderEmail(reminder, {
        origin: options.origin,
        network: settings.siteName,
        person,
        organization:
          'organizationId' in reminder ? context.organizations.get(reminder.organizationId) : undefined,
        call: reminder.kind === 'call_tomorrow' ? context.calls.get(reminder.callId) : undefined,
        unsubscribeUrl: unsubscribeLink,
      }),
    )
    run[outcome]++
  }
  return run
}

const keyOf = (r: { kind: string; subject: string; personId: string }) =>
  `${r.kind} ${r.subject} ${r.personId}`

/** The due reminders already sent (one query, however many there are). */
async function sentAlready(db: Db, due: readonly DueReminder[]): Promise<Set<string>> {
  const subjects = [...new Set(due.map((r) => r.subject))]
  const rows = await queryRows<{ kind: string; subject: string; person_id: string }>(
    db,
    sql`select kind, subject, person_id from reminder_deliveries
      where sent_at is not null and subject in (${sql.join(
        subjects.map((s) => sql`${s}`),
        sql`, `,
      )})`,
  )
  return new Set(rows.map((r) => keyOf({ kind: r.kind, subject: r.subject, personId: r.person_id })))
}

type Context = {
  people: Map<string, { fullName: string; email: string }>
  organizations: Map<string, ReminderOrganization>
  calls: Map<string, ReminderCall>
}

/** Names, addresses, call times and how to join for the emails (three queries; `joinDefaults` from the settings). */
async function loadContext(
  db: Db,
  due: readonly DueReminder[],
  joinDefaults: { callJoinUrl: string; callDialIn: string },
): Promise<Context> {
  const ids = (values: Iterable<string>) =>
    sql.join(
      [...new Set(values)].map((id) => sql`${id}::uuid`),
      sql`, `,
    )
  const orgIds = due.flatMap((r) => ('organizationId' in r ? [r.organizationId] : []))
  const callIds = due.flatMap((r) => (r.kind === 'call_tomorrow' ? [r.callId] : []))
  const [people, organizations, calls] = await Promise.all([
    queryRows<{ id: string; full_name: string; email: string }>(
      db,
      sql`select id, full_name, email from people where id in (${ids(due.map((r) => r.personId))})`,
    ),
    orgIds.length === 0
      ? []
      : queryRows<{ id: string; name: string; slug: string }>(
          db,
          sql`select id, coalesce(short_name, name) as name, slug from organizations where id in (${ids(orgIds)})`,
        ),
    callIds.length === 0
      ? []
      : queryRows<
          Omit<ReminderCall, 'joinUrl' | 'dialIn'> & {
            id: string
            joinUrl: string | null
            dialIn: string | null
          }
        >(
          db,
          sql`select id, local_date::text as "localDate", start_time as "startTime", time_zone as "timeZone",
              to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startsAt",
              duration_minutes as "durationMinutes", title, join_url as "joinUrl", dial_in as "dialIn"
            from calls where id in (${ids(callIds)})`,
        ),
  ])
  const withJoin = ({ id, ...call }: (typeof calls)[number]): [string, ReminderCall] => {
    const { joinUrl, dialIn } = joinDetailsOf(call, joinDefaults)
    return [id, { ...call, joinUrl, dialIn }]
  }
  return {
    people: new Map(people.map((p) => [p.id, { fullName: p.full_name, email: p.email }])),
    organizations: new Map(organizations.map((o) => [o.id, { name: o.name, slug: o.slug }])),
    calls: new Map(calls.map(withJoin)),
  }
}

/** Runs the reminders and logs what happened; never throws (a timer calls it). */
export const runRemindersLogged = (options: ReminderRunOptions): Promise<void> =>
  runLogged(
    {
      key: 'reminders',
      failure: 'the reminder emails could not be worked out',
      line: (run) =>
        `reminders: ${run.due} due, ${run.sent} sent, ${run.taken} already taken, ${run.failed} failed`,
      context: { today: options.today },
    },
    () => runReminders(options),
  )
