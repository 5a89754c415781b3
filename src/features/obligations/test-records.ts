/** Small builders of engine input for the obligations tests. */
import { addDays, weekdayOf } from '#src/lib/dates.ts'
import type {
  AttendanceRecord,
  CallRecord,
  ObligationInput,
  ObligationSettings,
  SeatHoldingRecord,
} from './engine.ts'

export const testSettings: ObligationSettings = {
  minimumAttendanceMinutes: 10,
  requiredAttendanceShare: 0.5,
  presentationMinMinutes: 10,
  presentationMaxMinutes: 15,
  presentationAdmissionCutoff: '10-01',
  recordsBeginOn: null,
}

export const callId = (date: string): string => `call:${date}`

export const call = (localDate: string, isCancelled = false): CallRecord => ({
  id: callId(localDate),
  localDate,
  isCancelled,
})

/** Every Monday from `from` to `to`, none cancelled. */
export function mondays(from: string, to: string): CallRecord[] {
  const calls: CallRecord[] = []
  let date = from
  while (weekdayOf(date) !== 1) date = addDays(date, 1)
  for (; date <= to; date = addDays(date, 7)) calls.push(call(date))
  return calls
}

/** A presence of `minutes` (or exact `seconds`) on the call of `date`, without join times. */
export const presence = (date: string, personId: string, minutes: number, seconds = minutes * 60) =>
  ({ callId: callId(date), personId, seconds, firstJoin: null, lastLeave: null }) satisfies AttendanceRecord

export const seat = (
  personId: string,
  role: SeatHoldingRecord['role'],
  startsOn: string,
  endsOn: string | null = null,
): SeatHoldingRecord => ({ personId, role, startsOn, endsOn })

/** An organisation admitted long ago with rep 'rep' and alternate 'alt', in 2026, as of 1 July. */
export function input(overrides: Partial<ObligationInput> = {}): ObligationInput {
  return {
    year: 2026,
    today: '2026-07-01',
    settings: testSettings,
    recordsBeginOn: '2020-01-06',
    admissionEvents: [
      { kind: 'applied', effectiveOn: '2019-11-01' },
      { kind: 'admitted', effectiveOn: '2020-01-06' },
    ],
    calls: mondays('2026-01-01', '2026-12-31'),
    seats: [seat('rep', 'representative', '2020-01-06'), seat('alt', 'alternate', '2020-01-06')],
    attendance: [],
    presentation: null,
    sharing: [],
    ...overrides,
  }
}
