/** Small pieces of the calls' pages: their addresses, badges, what changed, the date and time fields. */
import { Field } from '#src/ui/form-parts.tsx'
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

/** The date and start time of a call being moved or added: today or later (unless `allowPast`), in a named zone. */
export function CallDateFields(props: {
  idPrefix: string
  labels: { date: string; startTime: string }
  zoneHint: string
  today: string
  values: { date: string; startTime: string }
  errors: Partial<Record<string, string>>
  /** A past day too (an extra call brought in afterwards, with a reason). */
  allowPast?: boolean
}) {
  return (
    <>
      <Field
        id={`${props.idPrefix}-date`}
        name="date"
        type="date"
        label={props.labels.date}
        required
        min={props.allowPast ? undefined : props.today}
        value={props.values.date}
        error={props.errors.date}
        hint={
          props.allowPast
            ? 'On a day with no other call (one call a day). A day before today needs a reason below.'
            : 'Today or later, on a day with no other call (one call a day).'
        }
      />
      <Field
        id={`${props.idPrefix}-startTime`}
        name="startTime"
        type="time"
        label={props.labels.startTime}
        required
        value={props.values.startTime}
        error={props.errors.startTime}
        hint={props.zoneHint}
      />
    </>
  )
}
