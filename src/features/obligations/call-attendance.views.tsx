import { shortDate } from './obligation-format.ts'
import type { CallLine } from './organization-obligations.ts'

const callStateLabels: Record<CallLine['state'], string> = {
  held: 'Held',
  upcoming: 'Upcoming',
  cancelled: 'Cancelled',
  not_counted: 'Not counted',
}

function CallAttendance(props: { call: CallLine }) {
  const { call } = props
  const others =
    call.others.length > 0 ? (
      <span class="note call-others">
        {' '}
        Also there, not counted: {call.others.map((o) => `${o.name} (${o.why})`).join('; ')}.
      </span>
    ) : null
  switch (call.state) {
    case 'held':
      return call.isAttended ? (
        <>
          <span class="attended-yes">Attended</span> by {call.attendedBy.join(' and ')}
          {others}
        </>
      ) : (
        <>
          <span class="attended-no">Not attended</span>
          {others}
        </>
      )
    case 'upcoming':
      return <span class="note">To come</span>
    case 'cancelled':
      return <span class="note">Does not count: the call was cancelled</span>
    case 'not_counted':
      return (
        <>
          <span class="note">Does not count: not admitted that day</span>
          {others}
        </>
      )
  }
}

export function CallsTable(props: { calls: CallLine[]; year: number }) {
  if (props.calls.length === 0) return <p>No call is on the calendar for {props.year}.</p>
  return (
    <section class="table-wrap" aria-labelledby="calls-heading" tabindex={0}>
      <table class="obligation-calls">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Call</th>
            <th scope="col">Attendance</th>
          </tr>
        </thead>
        <tbody>
          {props.calls.map((call) => (
            <tr class={`call-${call.state}`}>
              <td>
                <a href={`/calls/${call.localDate}`}>
                  <time datetime={call.localDate}>{shortDate(call.localDate)}</time>
                </a>
              </td>
              <td>
                <span class={`badge call-state call-state-${call.state}`}>{callStateLabels[call.state]}</span>
              </td>
              <td>
                <CallAttendance call={call} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
