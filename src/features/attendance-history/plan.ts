/**
 * What a history spreadsheet would write: each row's call, person and minutes, the rows already
 * present, and every problem with its row number. Reads only; run again inside the commit.
 *
 * A row for an organisation records its seat holder of that date: the representative, else
 * the alternate (the obligations count a call when either was present for the minimum minutes).
 */
import { inArray } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { attendance, calls, organizations, people, seats } from '#src/db/schema/index.ts'
import { attendanceRefusal } from '#src/features/calls/index.ts'
import { formatDate, formatWeekdayDate } from '#src/ui/format.ts'
import type { SheetRow } from './columns.ts'
import { indexLookups, type Lookups } from './lookups.ts'

export type HistoryWrite = { row: number; callId: string; personId: string; seconds: number }
export type HistoryProblem = { row: number; message: string }
export type HistoryPlan = {
  rows: number
  writes: HistoryWrite[]
  alreadyPresent: number
  /** Rows whose attended mark says the person or organisation was not there: nothing to write. */
  absent: number
  problems: HistoryProblem[]
}

type Call = {
  id: string
  localDate: string
  status: 'scheduled' | 'cancelled'
  cancelReason: string | null
  durationMinutes: number
}

async function load(db: DbOrTx, rows: readonly SheetRow[]) {
  const dates = [...new Set(rows.flatMap((r) => (r.ok ? [r.date] : [])))]
  const callRows: Call[] = dates.length
    ? await db
        .select({
          id: calls.id,
          localDate: calls.localDate,
          status: calls.status,
          cancelReason: calls.cancelReason,
          durationMinutes: calls.durationMinutes,
        })
        .from(calls)
        .where(inArray(calls.localDate, dates))
    : []
  const callIds = callRows.map((c) => c.id)
  const present = callIds.length
    ? await db
        .select({ callId: attendance.callId, personId: attendance.personId })
        .from(attendance)
        .where(inArray(attendance.callId, callIds))
    : []
  const lookups: Lookups = {
    organizations: await db
      .select({
        id: organizations.id,
        name: organizations.name,
        shortName: organizations.shortName,
        slug: organizations.slug,
      })
      .from(organizations),
    people: await db.select({ id: people.id, fullName: people.fullName, email: people.email }).from(people),
    seats: await db
      .select({
        organizationId: seats.organizationId,
        role: seats.role,
        personId: seats.personId,
        startsOn: seats.startsOn,
        endsOn: seats.endsOn,
      })
      .from(seats),
  }
  return {
    callsByDate: new Map(callRows.map((c) => [c.localDate, c])),
    present: new Set(present.map((p) => `${p.callId} ${p.personId}`)),
    lookups: indexLookups(lookups),
  }
}

const backfillHint = (date: string) =>
  `There is no call on ${formatWeekdayDate(date)}: add it with “Add a call” on the calls page (past calls need a reason), or bring in the past weekly series with the command hub calls backfill --from ${date.slice(0, 4)}-01-01, then upload the file again.`

/** Checks every row against the records and says what committing would write. */
export async function planHistory(
  db: DbOrTx,
  input: { rows: readonly SheetRow[]; today: string },
): Promise<HistoryPlan> {
  const { callsByDate, present, lookups } = await load(db, input.rows)
  const plan: HistoryPlan = {
    rows: input.rows.length,
    writes: [],
    alreadyPresent: 0,
    absent: 0,
    problems: [],
  }
  const seen = new Map<string, number>()
  for (const r of input.rows) {
    const problem = (message: string) => plan.problems.push({ row: r.row, message })
    if (!r.ok) {
      problem(r.message)
      continue
    }
    if (r.date > input.today) {
      problem(`${formatDate(r.date)} is in the future: only calls that have taken place have attendance.`)
      continue
    }
    const call = callsByDate.get(r.date)
    if (!call) {
      problem(backfillHint(r.date))
      continue
    }
    const refusal = attendanceRefusal(call, { by: 'report', today: input.today })
    if (refusal) {
      problem(refusal)
      continue
    }
    const who = r.email || r.name ? lookups.person(r) : lookups.organization(r.organization, r.date)
    if (!who.ok) {
      problem(who.message)
      continue
    }
    if (!r.attended) {
      plan.absent++
      continue
    }
    const key = `${call.id} ${who.personId}`
    const first = seen.get(key)
    if (first !== undefined) {
      problem(`This row repeats row ${first}: ${who.label} on ${formatDate(r.date)}.`)
      continue
    }
    seen.set(key, r.row)
    if (present.has(key)) {
      plan.alreadyPresent++
      continue
    }
    const seconds = Math.round((r.minutes ?? call.durationMinutes) * 60)
    plan.writes.push({ row: r.row, callId: call.id, personId: who.personId, seconds })
  }
  return plan
}
