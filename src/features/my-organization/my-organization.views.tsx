import {
  attendanceOutOfReach,
  presentationSummary,
  quarterLabels,
  StatusBadge,
} from '#src/features/obligations/index.ts'
import { formatTimeInZone, formatWeekdayDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { MyOrganization, NextCall } from './my-organization.ts'
import { needsDoing } from './needs-doing.ts'

function NextCallSection(props: { call: NextCall | null }) {
  const { call } = props
  return (
    <section aria-labelledby="next-call">
      <h2 id="next-call">Next call</h2>
      {call ? (
        <p>
          {call.title ? <>{call.title}, </> : null}
          {formatWeekdayDate(call.localDate)}, {formatTimeInZone(call.startsAt, call.timeZone)}.{' '}
          <a href={`/calls/${call.localDate}`}>The call's page and agenda</a>
        </p>
      ) : (
        <p>No call is planned yet.</p>
      )}
      {call?.joinUrl ? (
        <p>
          <a href={call.joinUrl} rel="noopener noreferrer">
            Join the call
          </a>{' '}
          <span class="hint">({call.joinUrl})</span>
        </p>
      ) : null}
      {call?.dialIn ? (
        <p class="dial-in">
          Dial-in:{' '}
          {call.dialIn.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ) : null}
      {call && !call.joinUrl && !call.dialIn ? (
        <p>Staff have not given a join link for this call yet.</p>
      ) : null}
    </section>
  )
}

function OrganizationSection(props: { my: MyOrganization }) {
  const { org, obligations: o, seats, year } = props.my
  const base = `/organizations/${org.slug}`
  const due = o?.sharingQuarters.filter((q) => q.status === 'due') ?? []
  return (
    <section aria-labelledby={`org-${org.slug}`}>
      <h2 id={`org-${org.slug}`}>{org.name}</h2>
      <h3>What needs doing</h3>
      <ul class="needs-doing">
        {needsDoing(props.my).map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <h3>Obligations in {year}</h3>
      {o ? (
        <>
          <p>
            Status: <StatusBadge status={o.status} />:{' '}
            {o.attendance.outlook === 'cannot_meet'
              ? attendanceOutOfReach(o.attendance)
              : `attendance ${o.attendance.phrase}`}
            . <a href={`${base}/obligations`}>Calls and attendance</a>
          </p>
          <p>
            Presentation: {presentationSummary(o.presentation)}.{' '}
            <a href={`${base}/presentation`}>Presentation slot</a>
          </p>
          <p>
            Quarterly sharing:{' '}
            {o.sharingQuarters
              .map((q) => `Q${q.quarter} ${quarterLabels[q.status].toLowerCase()}`)
              .join(', ')}
            . <a href={`${base}/sharing`}>{due.length > 0 ? 'Record sharing' : 'Sharing records'}</a>
          </p>
        </>
      ) : (
        <p>Not admitted in {year}: no obligations this year.</p>
      )}
      <h3>Outcomes</h3>
      <p>
        Report jobs, training, investment and funding for a period; staff verify each report.{' '}
        <a href={`/outcomes?organization=${org.slug}`}>Outcome reports</a> ·{' '}
        <a href={`/outcomes/goals?organization=${org.slug}`}>Goals</a>
      </p>
      <h3>Funding</h3>
      <p>
        Open and forecast federal funding opportunities that fit {org.name}, each with why.{' '}
        <a href={`/funding/for/${org.slug}`}>Funding for us</a>
      </p>
      <h3>Seats</h3>
      <dl>
        {(['representative', 'alternate'] as const).map((role) => {
          const holder = seats[role]
          return (
            <div>
              <dt>{role === 'representative' ? 'Representative' : 'Alternate'}</dt>
              <dd>{holder ? `${holder.fullName} (${holder.email})` : 'Vacant'}</dd>
            </div>
          )
        })}
      </dl>
      {props.my.canManageSeats ? (
        <p>
          <a href={`${base}/seats`}>Hand over or swap the seats</a>
        </p>
      ) : (
        <p>Only the representative and staff change the seats.</p>
      )}
      <p>
        <a href={base}>Public profile</a> · <a href={`${base}/edit`}>Edit the profile</a>
      </p>
    </section>
  )
}

/** /my-organization: a seat holder's organisation at a glance, with what needs doing. */
export function MyOrganizationPage(props: { organizations: MyOrganization[]; call: NextCall | null }) {
  return (
    <Layout title="My organisation" current="/my-organization">
      <div class="wrap my-organization">
        <h1>My organisation</h1>
        {props.organizations.length === 0 ? (
          <p>
            You hold no representative or alternate seat today. Staff see every organisation in the{' '}
            <a href="/members">member directory</a>.
          </p>
        ) : null}
        <NextCallSection call={props.call} />
        {props.organizations.map((my) => (
          <OrganizationSection my={my} />
        ))}
      </div>
    </Layout>
  )
}
