/** The roll call of a call: who held the seats that day, who is ticked, and which organisations count. */
import type { AttendanceSource, CallStatus, SeatRole } from '#src/db/schema/index.ts'
import { attendanceRefusal } from '#src/features/calls/index.ts'
import { plural } from '#src/ui/format.ts'
import { mergePresence, type PresenceRecord, reachesMinimum } from './presence.ts'

/** The call a roll call is taken for. */
export type RollCallCall = {
  id: string
  localDate: string
  startTime: string
  timeZone: string
  startsAt: string
  durationMinutes: number
  status: CallStatus
  cancelReason: string | null
}

/** One attendance row of a call, as the roll call reads it. */
export type AttendanceRecord = PresenceRecord & {
  personId: string
  source: AttendanceSource
  importId: string | null
}

export type SeatHolder = { organizationId: string; role: SeatRole; personId: string; fullName: string }
export type AdmittedOrganization = { id: string; slug: string; name: string }

/** One seat on the roll call: who held it on the call's date, and what the records say about them. */
export type RollCallSeat = {
  role: SeatRole
  /** null: nobody held the seat that day. */
  person: { id: string; fullName: string } | null
  /** Ticked on the roll call (a roll-call row exists). */
  isTicked: boolean
  /** The other records of the person (reports, demo), merged, in words: 'Zoom report: 27 min'; null when none. */
  otherRecords: string | null
  /** The person's presence merged over every record of the call, in seconds. */
  seconds: number
  counts: boolean
}

export type RollCallOrganization = AdmittedOrganization & {
  seats: [RollCallSeat, RollCallSeat]
  /** A seat holder of the day was present for at least the minimum minutes. */
  counts: boolean
}

export type RollCall = {
  call: RollCallCall
  organizations: RollCallOrganization[]
  minimumMinutes: number
  /** Organisations that count as present on the call. */
  counting: number
  /** People ticked on the roll call. */
  ticked: number
}

const sourceLabels: Record<Exclude<AttendanceSource, 'roll_call'>, string> = {
  zoom: 'Zoom',
  teams: 'Teams',
  meet: 'Meet',
  demo: 'Demo',
  history: 'Historic',
  correction: 'Corrected',
}

/** Whole minutes, rounded down: 9 min 59 s is shown as 9 min, as it does not reach a 10-minute minimum. */
const minutesOf = (seconds: number): number => Math.floor(seconds / 60)

/**
 * The records of a person other than the roll call, merged, in words: 'Zoom report: 27 min',
 * 'Zoom and Teams reports: 41 min', 'Demo record: 24 min'; null when there are none.
 */
export function describeOtherRecords(records: readonly AttendanceRecord[]): string | null {
  const others = records.filter((r) => r.source !== 'roll_call')
  if (others.length === 0) return null
  const reports = others.filter((r) => r.importId !== null)
  const labels = [
    ...new Set(reports.map((r) => sourceLabels[r.source as keyof typeof sourceLabels] ?? r.source)),
  ]
  const hasDemo = others.some((r) => r.importId === null)
  const parts: string[] = []
  if (labels.length > 0)
    parts.push(
      `${labels.join(' and ')} ${plural(reports.length, 'report')}: ${minutesOf(mergePresence(reports).seconds)} min`,
    )
  if (hasDemo) {
    const demo = others.filter((r) => r.importId === null)
    parts.push(
      `${[...new Set(demo.map((r) => sourceLabels[r.source as keyof typeof sourceLabels] ?? r.source))].join(' and ')} record: ${minutesOf(mergePresence(demo).seconds)} min`,
    )
  }
  return parts.join('; ')
}

/**
 * Assembles the roll call from the records: every admitted organisation (alphabetical by name)
 * with its two seats, what each holder's records say, and whether the organisation counts
 * (a seat holder of the day merged at or above `minimumMinutes`). Records of anyone else are
 * ignored: only seat holders count.
 */
export function assembleRollCall(input: {
  call: RollCallCall
  organizations: readonly AdmittedOrganization[]
  holders: readonly SeatHolder[]
  records: readonly AttendanceRecord[]
  minimumMinutes: number
}): RollCall {
  const byPerson = new Map<string, AttendanceRecord[]>()
  for (const record of input.records) {
    const list = byPerson.get(record.personId) ?? []
    list.push(record)
    byPerson.set(record.personId, list)
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
  const sorted = [...input.organizations].sort(
    (a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id),
  )
  let ticked = 0
  const organizations = sorted.map((org): RollCallOrganization => {
    const seatOf = (role: SeatRole): RollCallSeat => {
      const holder = input.holders.find((h) => h.organizationId === org.id && h.role === role)
      if (!holder)
        return { role, person: null, isTicked: false, otherRecords: null, seconds: 0, counts: false }
      const records = byPerson.get(holder.personId) ?? []
      const isTicked = records.some((r) => r.source === 'roll_call' && r.importId === null)
      if (isTicked) ticked++
      const { seconds } = mergePresence(records)
      return {
        role,
        person: { id: holder.personId, fullName: holder.fullName },
        isTicked,
        otherRecords: describeOtherRecords(records),
        seconds,
        counts: reachesMinimum({ seconds }, input.minimumMinutes),
      }
    }
    const seats: [RollCallSeat, RollCallSeat] = [seatOf('representative'), seatOf('alternate')]
    return { ...org, seats, counts: seats.some((s) => s.counts) }
  })
  return {
    call: input.call,
    organizations,
    minimumMinutes: input.minimumMinutes,
    counting: organizations.filter((o) => o.counts).length,
    ticked,
  }
}

/** Why the roll call of this call cannot be taken on `today`, or null when it can (the calls feature's rule). */
export const rollCallRefusal = (
  call: Pick<RollCallCall, 'localDate' | 'status' | 'cancelReason'>,
  today: string,
): string | null => attendanceRefusal(call, { by: 'roll-call', today })

/**
 * Checks the ticked person ids of a roll call form against the seat holders of the day.
 * @returns the distinct ids, or the message for a form that names anyone else
 */
export function checkTicked(
  submitted: readonly string[],
  holderIds: ReadonlySet<string>,
): { ok: true; ids: string[] } | { ok: false; message: string } {
  const ids = [...new Set(submitted.map((s) => s.trim().toLowerCase()))]
  const strangers = ids.filter((id) => !holderIds.has(id))
  if (strangers.length > 0)
    return {
      ok: false,
      message: `Only the people holding a representative or alternate seat on the day of the call can be marked present; the form named ${plural(strangers.length, 'someone else', `${strangers.length} others`)}. Reload the page and tick again.`,
    }
  return { ok: true, ids }
}
