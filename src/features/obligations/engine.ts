/**
 * The obligations engine: what one organisation owes in one compliance year (the calendar year),
 * computed from the records alone. Pure functions, no database and no clock: the caller passes
 * the records and "today". Nothing here is ever stored; the status is derived every time.
 * The status rules are in status.ts and docs/decisions/006-obligations-status.md.
 */
import type { PresentationStatus, SeatRole } from '#src/db/schema/index.ts'
import {
  type AdmissionEventRecord,
  type AdmissionStep,
  admissionSteps,
  isAdmittedDuring,
  isAdmittedOn,
} from '#src/features/admission/index.ts'
import { mergePresence, type PresenceRecord, reachesMinimum } from '#src/features/attendance/index.ts'
import type { Settings } from '#src/features/settings/index.ts'
import { formatDate } from '#src/ui/format.ts'
import { isBeforeRecords, isPresentationDue, judgedFrom, presentationSlotDeadline } from './edges.ts'
import { type ComplianceStatus, deriveStatus } from './status.ts'

export type ObligationSettings = Pick<
  Settings,
  | 'minimumAttendanceMinutes'
  | 'requiredAttendanceShare'
  | 'presentationMinMinutes'
  | 'presentationMaxMinutes'
  | 'presentationAdmissionCutoff'
  | 'recordsBeginOn'
>

export type CallRecord = { id: string; localDate: string; isCancelled: boolean }
export type SeatHoldingRecord = {
  personId: string
  role: SeatRole
  /** First day held. */
  startsOn: string
  /** First day no longer held (exclusive); null while held. */
  endsOn: string | null
}
export type AttendanceRecord = PresenceRecord & { callId: string; personId: string }
export type PresentationRecord = {
  status: PresentationStatus
  /** The date of the call it is on; null when it has no call (or the call was deleted). */
  callDate: string | null
  isCallCancelled: boolean
  requestedMonth: number | null
  actualMinutes: number | null
}
export type SharingRecord = { sharedOn: string }

/** The records of one organisation that the year's obligations are computed from. */
export type ObligationRecords = {
  /**
   * Its admission history in the order it was recorded: by effective date, and on one date the
   * last one wins (as admissionStateSql orders them). Events after the year are harmless.
   */
  admissionEvents: readonly AdmissionEventRecord[]
  /** The network's calls; those outside the year are ignored. */
  calls: readonly CallRecord[]
  /** Its representative and alternate holdings (any that overlap the year). */
  seats: readonly SeatHoldingRecord[]
  /** Attendance rows of its seat holders (rows of other people are ignored). */
  attendance: readonly AttendanceRecord[]
  /** Its presentation for the year, if a row exists. */
  presentation: PresentationRecord | null
  sharing: readonly SharingRecord[]
}

export type { AdmissionEventRecord }

export type ObligationInput = ObligationRecords & {
  year: number
  today: string
  settings: ObligationSettings
  /** The first day of the network's records (edges.ts, recordsBeginOn); nothing before it is judged. */
  recordsBeginOn: string
}

/** One call that counts for the organisation: held (before today) or still to come this year. */
export type CallOutcome = {
  callId: string
  localDate: string
  isHeld: boolean
  /** A seat holder of that date was present for at least the minimum minutes (held calls only). */
  isAttended: boolean
  /** Those seat holders, by person id. */
  presentSeatHolders: string[]
}

export type AttendanceOutlook = 'secured' | 'needs' | 'cannot_meet'

/** DOMAIN.md's projection: with A attended, H held and R remaining, needed = max(0, ceil(share × (H+R)) − A). */
export type AttendanceProjection = {
  held: number
  attended: number
  remaining: number
  /** ceil(share × (held + remaining)): the calls to attend in the whole year. */
  target: number
  needed: number
  outlook: AttendanceOutlook
  /** "secured", "needs N of the remaining R calls" or "can no longer meet". */
  phrase: string
}

/**
 * The annual presentation as the year's obligation sees it. `required` is false when no call of
 * the year counts for the organisation (so there is no call to present on).
 */
export type PresentationView =
  | {
      status: 'given'
      required: boolean
      callDate: string | null
      minutes: number | null
      /** Outside presentationMinMinutes..presentationMaxMinutes (false when the length is unknown). */
      lengthWarning: boolean
    }
  | { status: 'planned'; required: boolean; callDate: string }
  | { status: 'missed'; required: boolean; callDate: string | null }
  | { status: 'requested'; required: boolean; month: number | null }
  | { status: 'none'; required: boolean }

/** no_records: the quarter started before the network's records began, and has no sharing record. */
export type QuarterStatus = 'done' | 'due' | 'missed' | 'not_required' | 'no_records'

export type SharingQuarter = {
  quarter: 1 | 2 | 3 | 4
  startsOn: string
  endsOn: string
  status: QuarterStatus
  /** Sharing records dated in the quarter. */
  records: number
}

export type ObligationsResult = {
  year: number
  /** Admitted on at least one day of the year: only such organisations have obligations. */
  isAdmittedInYear: boolean
  attendance: AttendanceProjection
  calls: CallOutcome[]
  presentation: PresentationView
  sharingQuarters: SharingQuarter[]
  status: ComplianceStatus
  /** Why the status is what it is, in sentences for people (empty for a plain "on track"). */
  reasons: string[]
  /** The first day of the network's records. */
  recordsBeginOn: string
  /** The day after which a required presentation without a slot puts the organisation at risk. */
  presentationSlotDeadline: string
}

/**
 * needed = max(0, ceil(share × (held + remaining)) − attended), and its phrase. The tiny
 * epsilon keeps a share like 0.3 × 10 = 3.0000000000000004 from rounding up to 4.
 */
export function projectAttendance(
  counts: { held: number; attended: number; remaining: number },
  share: number,
): AttendanceProjection {
  const { held, attended, remaining } = counts
  const target = Math.max(0, Math.ceil(share * (held + remaining) - 1e-9))
  const needed = Math.max(0, target - attended)
  const outlook: AttendanceOutlook = needed === 0 ? 'secured' : needed <= remaining ? 'needs' : 'cannot_meet'
  const phrase =
    outlook === 'secured'
      ? 'secured'
      : outlook === 'needs'
        ? `needs ${needed} of the remaining ${remaining} ${remaining === 1 ? 'call' : 'calls'}`
        : 'can no longer meet'
  return { held, attended, remaining, target, needed, outlook, phrase }
}

const covers = (seat: SeatHoldingRecord, date: string) =>
  seat.startsOn <= date && (seat.endsOn === null || seat.endsOn > date)

/** The calls that count for the organisation this year, and which of the held ones it attended. */
export function countCalls(input: ObligationInput, steps: readonly AdmissionStep[]): CallOutcome[] {
  const first = judgedFrom(input.year, input.recordsBeginOn)
  const last = `${yearText(input.year)}-12-31`
  // By call only: a call has a handful of rows, and string keys of two ids cost more than a scan.
  const byCall = new Map<string, AttendanceRecord[]>()
  for (const row of input.attendance) {
    const rows = byCall.get(row.callId)
    if (rows) rows.push(row)
    else byCall.set(row.callId, [row])
  }
  const counting = input.calls.filter(
    (c) => !c.isCancelled && c.localDate >= first && c.localDate <= last && isAdmittedOn(steps, c.localDate),
  )
  if (!counting.every((c, i) => i === 0 || (counting[i - 1] as CallRecord).localDate <= c.localDate))
    counting.sort((a, b) => compare(a.localDate, b.localDate))
  return counting.map((call) => {
    const isHeld = call.localDate < input.today
    const present: string[] = []
    const rows = isHeld ? byCall.get(call.id) : undefined
    if (rows)
      for (const seat of input.seats) {
        if (!covers(seat, call.localDate) || present.includes(seat.personId)) continue
        const own = rows.filter((r) => r.personId === seat.personId)
        if (own.length > 0 && reachesMinimum(mergePresence(own), input.settings.minimumAttendanceMinutes))
          present.push(seat.personId)
      }
    return {
      callId: call.id,
      localDate: call.localDate,
      isHeld,
      isAttended: present.length > 0,
      presentSeatHolders: present,
    }
  })
}

/**
 * The presentation as the organisation stands. A slot on a cancelled or deleted call is no slot:
 * it shows as 'requested' (when a month was asked for) or 'none'.
 */
export function viewPresentation(
  record: PresentationRecord | null,
  required: boolean,
  settings: ObligationSettings,
): PresentationView {
  if (!record) return { status: 'none', required }
  switch (record.status) {
    case 'given': {
      const minutes = record.actualMinutes
      const lengthWarning =
        minutes !== null &&
        (minutes < settings.presentationMinMinutes || minutes > settings.presentationMaxMinutes)
      return { status: 'given', required, callDate: record.callDate, minutes, lengthWarning }
    }
    case 'missed':
      return { status: 'missed', required, callDate: record.callDate }
    case 'planned':
      if (record.callDate !== null && !record.isCallCancelled)
        return { status: 'planned', required, callDate: record.callDate }
      break
    case 'requested':
      break
  }
  return record.requestedMonth === null
    ? { status: 'none', required }
    : { status: 'requested', required, month: record.requestedMonth }
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const

/**
 * Each quarter of the year: required when admitted on its first day (so from the first full quarter
 * after admission); done, due or missed, or no_records when it started before `recordsBeginOn`.
 */
export function sharingQuarters(
  year: number,
  today: string,
  steps: readonly AdmissionStep[],
  sharing: readonly SharingRecord[],
  recordsBeginOn: string,
): SharingQuarter[] {
  return ([1, 2, 3, 4] as const).map((quarter) => {
    const startsOn = `${yearText(year)}-${String(quarter * 3 - 2).padStart(2, '0')}-01`
    const endsOn = `${yearText(year)}-${QUARTER_ENDS[quarter - 1]}`
    const records = sharing.filter((s) => s.sharedOn >= startsOn && s.sharedOn <= endsOn).length
    const status: QuarterStatus = !isAdmittedOn(steps, startsOn)
      ? 'not_required'
      : records > 0
        ? 'done'
        : startsOn < recordsBeginOn
          ? 'no_records'
          : endsOn < today
            ? 'missed'
            : 'due'
    return { quarter, startsOn, endsOn, status, records }
  })
}

/** Everything the organisation owes in `input.year`, as of `input.today`, with the derived status. */
export function computeObligations(input: ObligationInput): ObligationsResult {
  const steps = admissionSteps(input.admissionEvents)
  const year = yearText(input.year)
  const calls = countCalls(input, steps)
  const held = calls.filter((c) => c.isHeld)
  const attendance = projectAttendance(
    {
      held: held.length,
      attended: held.filter((c) => c.isAttended).length,
      remaining: calls.length - held.length,
    },
    input.settings.requiredAttendanceShare,
  )
  const begins = input.recordsBeginOn
  const isDue = isPresentationDue(steps, input.year, begins, input.settings.presentationAdmissionCutoff)
  const presentation = viewPresentation(input.presentation, isDue && calls.length > 0, input.settings)
  const quarters = sharingQuarters(input.year, input.today, steps, input.sharing, begins)
  const presentationDeadline = presentationSlotDeadline(steps, input.year, begins)
  const { status, reasons } = isBeforeRecords(input.year, begins)
    ? { status: 'no_records' as const, reasons: [`The network's records begin on ${formatDate(begins)}.`] }
    : deriveStatus({
        year: input.year,
        today: input.today,
        attendance,
        presentation,
        sharingQuarters: quarters,
        presentationSlotDeadline: presentationDeadline,
      })
  return {
    year: input.year,
    isAdmittedInYear: isAdmittedDuring(steps, `${year}-01-01`, `${year}-12-31`),
    attendance,
    calls,
    presentation,
    sharingQuarters: quarters,
    status,
    reasons,
    recordsBeginOn: begins,
    presentationSlotDeadline: presentationDeadline,
  }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const yearText = (year: number): string => String(year).padStart(4, '0')
