/** Parts the presentation pages share: badges, lengths, call links and messages. */

import { formatCallDate } from '#src/features/calls/index.ts'
import { Flash } from '#src/ui/form-parts.tsx'
import { formatNumber } from '#src/ui/format.ts'
import { isLengthWarning, type SlotState } from './presentations.ts'

export type FlashMessage = { text: string; isError?: boolean; warning?: string }
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

export function Flashes(props: { flash?: FlashMessage }) {
  if (!props.flash) return null
  return (
    <>
      <Flash isError={props.flash.isError}>{props.flash.text}</Flash>
      {props.flash.warning ? (
        <div class="flash pres-warning" role="status">
          {props.flash.warning}
        </div>
      ) : null}
    </>
  )
}

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

/** A select of the twelve months (from `firstMonth` on), with "Any month". */
export function ErrorSummary(props: { errors: Partial<Record<string, string>> }) {
  const count = Object.values(props.errors).filter(Boolean).length
  if (count === 0) return null
  return (
    <Flash isError>
      {count === 1
        ? 'Nothing was saved: correct the field marked below.'
        : `Nothing was saved: correct the ${count} fields marked below.`}
    </Flash>
  )
}
