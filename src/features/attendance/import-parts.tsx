/** Small pieces of the attendance import pages: addresses, labels, times and counts. */
import type { MatchMethod, ReportFormat } from '#src/db/schema/index.ts'
import { formatDate, formatNumber, formatTimeInZone, plural } from '#src/ui/format.ts'
import type { ImportCall, ImportSummary } from './import-types.ts'

export const callUrl = (date: string) => `/staff/calls/${date}/attendance`
export const importUrl = (date: string, id: string) => `${callUrl(date)}/imports/${id}`

export const formatLabels: Record<ReportFormat, string> = {
  zoom: 'Zoom participants',
  'zoom-unique': 'Zoom participants (unique users)',
  teams: 'Microsoft Teams attendance report',
  meet: 'Google Meet attendance',
}

export const matchLabels: Record<MatchMethod, string> = {
  email: 'email',
  alias: 'alias (remembered)',
  name: 'name',
  manual: 'manual',
  guest: 'guest',
}

/** Time present: 3994 -> '66 min 34 s'; whole minutes lose the seconds. */
export function formatPresence(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  if (minutes === 0) return `${rest} s`
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`
}

/** Links from a call's attendance pages to the call and its roll call. */
export function CallLinks(props: { call: ImportCall; back?: boolean }) {
  const date = props.call.localDate
  return (
    <p class="call-links">
      {props.back ? (
        <>
          <a href={callUrl(date)}>← Attendance of the call</a> ·{' '}
        </>
      ) : null}
      <a href={`/calls/${date}`}>The call of {formatDate(date)}</a> ·{' '}
      <a href={`/staff/calls/${date}/roll-call`}>Roll call</a>
    </p>
  )
}

export function callSentence(call: ImportCall): string {
  const when = `${formatDate(call.localDate)} at ${formatTimeInZone(call.startsAt, call.timeZone)}, ${call.durationMinutes} minutes`
  return call.status === 'cancelled' ? `${when} (cancelled)` : when
}

export function SummaryCounts(props: { summary: ImportSummary }) {
  const s = props.summary
  return (
    <span class="note">
      {formatNumber(s.participants)} {plural(s.participants, 'participant')}: {formatNumber(s.matched)}{' '}
      matched, {formatNumber(s.unmatched)} unmatched, {formatNumber(s.guests)} {plural(s.guests, 'guest')};{' '}
      {formatNumber(s.counting)} counting for {formatNumber(s.organizations)}{' '}
      {plural(s.organizations, 'organisation')}
    </span>
  )
}

/** One figure of an import's summary. */
export const Figure = (props: { value: number; label: string }) => (
  <li class="figure">
    <span class="value">{formatNumber(props.value)}</span>
    <span class="label">{props.label}</span>
  </li>
)
