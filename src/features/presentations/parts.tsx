/** Parts the presentation pages share: badges, lengths, call links and messages. */

import { formatCallDate } from '#src/features/calls/index.ts'
import { formatNumber } from '#src/ui/format.ts'
import { isLengthWarning, type SlotState } from './slot-state.ts'

export type LengthRange = { presentationMinMinutes: number; presentationMaxMinutes: number }

export const stateLabels: Record<SlotState, string> = {
  none: 'No slot yet',
  requested: 'Month asked for',
  planned: 'Planned',
  awaiting: 'Held: outcome to record',
  orphaned: 'Call cancelled: needs a new slot',
  given: 'Given',
  missed: 'Missed',
}

export const rangeText = (range: LengthRange) =>
  `${range.presentationMinMinutes} to ${range.presentationMaxMinutes} minutes`

export function StateBadge(props: { state: SlotState }) {
  return <span class={`badge pres-${props.state}`}>{stateLabels[props.state]}</span>
}

export function Minutes(props: { minutes: number | null; range: LengthRange }) {
  if (props.minutes === null) return <span class="note">—</span>
  return (
    <>
      {formatNumber(props.minutes)} min
      {isLengthWarning(props.minutes, props.range) ? (
        <>
          {' '}
          <span class="badge length-warning">Outside {rangeText(props.range)}</span>
        </>
      ) : null}
    </>
  )
}

export function CallLink(props: { date: string }) {
  return (
    <a href={`/calls/${props.date}`}>
      <time datetime={props.date}>{formatCallDate(props.date)}</time>
    </a>
  )
}
