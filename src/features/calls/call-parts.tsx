/** Small pieces of the calls' pages: their addresses, badges and what changed. */
import { formatCallDate, formatCallWhen } from './call-format.ts'
import type { CallView } from './call-view.ts'
import { isHeld } from './held.ts'

export const callPath = (call: Pick<CallView, 'localDate'>) => `/calls/${call.localDate}`
export const staffPath = (call: Pick<CallView, 'localDate'>, action: string) =>
  `/staff/calls/${call.localDate}/${action}`

/** Where the call was before it moved: 'Monday, December 7, 2026, 1:00 pm ET', or just the date. */
export const movedFromText = (moved: NonNullable<CallView['movedFrom']>): string =>
  moved.startsAt ? formatCallWhen(moved.startsAt, moved.timeZone) : formatCallDate(moved.localDate)

/** The badges of a call: cancelled, moved, extra, and (on its own page) held. */
export function CallBadges(props: { call: CallView; today: string; showHeld?: boolean }) {
  const { call } = props
  return (
    <span class="call-badges">
      {call.status === 'cancelled' ? <span class="badge cancelled">Cancelled</span> : null}
      {call.movedFrom ? <span class="badge moved">Moved</span> : null}
      {call.isSeries ? null : <span class="badge extra">Extra call</span>}
      {props.showHeld && isHeld(call, props.today) ? <span class="badge held">Held</span> : null}
    </span>
  )
}

/** One line of explanation under a call: why it is cancelled, where it moved from. */
export function CallChanges(props: { call: CallView }) {
  const { call } = props
  return (
    <>
      {call.status === 'cancelled' ? (
        <p class="call-change">
          <strong>Reason:</strong> {call.cancelReason}
        </p>
      ) : null}
      {call.movedFrom ? (
        <p class="call-change">
          <strong>Moved</strong> from {movedFromText(call.movedFrom)}.
        </p>
      ) : null}
    </>
  )
}
