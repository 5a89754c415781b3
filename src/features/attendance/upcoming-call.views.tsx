/** What the roll call and the attendance pages say for a call still to come: when they open, and the way back. */
import { formatDate, formatTimeInZone, formatWeekdayDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'

export type UpcomingCall = { localDate: string; startsAt: string; timeZone: string }

/** 'Opens on Monday, November 30, 2026, the day of the call (it starts at 1:00 pm ET).' */
export function OpensOn(props: { call: UpcomingCall; what: string }) {
  const { call } = props
  return (
    <div class="flash attention upcoming-call" role="status">
      <p>
        This call has not taken place yet. {props.what} opens on{' '}
        <strong>{formatWeekdayDate(call.localDate)}</strong>, the day of the call (it starts at{' '}
        {formatTimeInZone(call.startsAt, call.timeZone)}).
      </p>
      <p>
        <a href={`/calls/${call.localDate}`}>← Back to the call of {formatDate(call.localDate)}</a>
      </p>
    </div>
  )
}

/** The roll call of a call still to come: not a refusal, a date to come back on. */
export function UpcomingRollCallPage(props: { call: UpcomingCall }) {
  const title = `Roll call of ${formatDate(props.call.localDate)}`
  return (
    <Layout title={title}>
      <div class="wrap roll-call-page">
        <h1>{title}</h1>
        <OpensOn call={props.call} what="Its roll call" />
      </div>
    </Layout>
  )
}
