import type { CallStatus } from '#src/db/schema/index.ts'
import { formatDate } from '#src/ui/format.ts'

/** What says whether a call takes attendance: its date, its status and why it was cancelled. */
export type AttendanceCall = { localDate: string; status: CallStatus; cancelReason?: string | null }

/** Who records the attendance: staff ticking the roll call, or a meeting tool's report. */
export type AttendanceWay = 'roll-call' | 'report'

/**
 * The one rule for a call that takes attendance: it was not cancelled, and it has taken place
 * (it is today or before). Returns why not, in the words of `by`, or null when it does.
 * `today` null: the caller has no clock (the import services, behind pages that checked the
 * date already, and the command line, which may load a report ahead): only cancelling counts.
 * @example attendanceRefusal(call, { by: 'roll-call', today: deps.clock.today() })
 */
export function attendanceRefusal(
  call: AttendanceCall,
  options: { by: AttendanceWay; today: string | null },
): string | null {
  const day = formatDate(call.localDate)
  if (call.status === 'cancelled')
    return options.by === 'roll-call'
      ? `The call of ${day} was cancelled (${call.cancelReason ?? 'no reason given'}): there is no roll call to take.`
      : `The call of ${day} was cancelled: it has no attendance to record.`
  if (options.today !== null && call.localDate > options.today)
    return options.by === 'roll-call'
      ? `The call of ${day} has not taken place yet: its roll call opens on the day of the call.`
      : `The call of ${day} has not taken place yet: record its attendance on the day or after.`
  return null
}
