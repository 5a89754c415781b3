import { plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { CallsTable } from './call-attendance.views.tsx'
import type { AttendanceProjection, ObligationsResult, SharingQuarter } from './engine.ts'
import { formatRate, presentationSummary, quarterLabels, shortDate } from './obligation-format.ts'
import { StatusBadge, YearNav } from './obligation-parts.tsx'
import type { OrganizationObligations } from './organization-obligations.ts'

/** "Attended 20 of 42 held calls (48%). The year asks for 24 of its 47 calls." */
function attendanceSentence(a: AttendanceProjection, share: number): string {
  const rate = a.held === 0 ? '' : ` (${formatRate(a.attended / a.held)})`
  const total = a.held + a.remaining
  const half = share === 0.5 ? 'at least half' : `at least ${Math.round(share * 100)}%`
  return `Attended ${a.attended} of ${a.held} held ${plural(a.held, 'call')}${rate}. The year asks for ${a.target} of its ${total} ${plural(total, 'call')}: ${half}.`
}

function Projection(props: { attendance: AttendanceProjection }) {
  return (
    <p class={`projection outlook-${props.attendance.outlook}`}>
      <span class="projection-label">Attendance:</span> <strong>{props.attendance.phrase}</strong>
    </p>
  )
}

function Quarters(props: { quarters: SharingQuarter[] }) {
  return (
    <ul class="quarters">
      {props.quarters.map((q) => (
        <li class={`quarter quarter-${q.status}`}>
          <strong>Q{q.quarter}</strong>{' '}
          <span class="note">
            {shortDate(q.startsOn)} – {shortDate(q.endsOn)}
          </span>{' '}
          <span class={`badge quarter-badge quarter-${q.status}`}>{quarterLabels[q.status]}</span>
          {q.records > 0 ? (
            <span class="note">
              {' '}
              {q.records} {plural(q.records, 'record')}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export function OrganizationObligationsPage(props: {
  data: OrganizationObligations
  isSeatHolder: boolean
  /** Staff and the board: a link back to the network view. */
  canSeeNetwork: boolean
  maxYear: number
}) {
  const { org, year, compliance } = props.data
  const o: ObligationsResult | undefined = compliance?.obligations
  const heading = props.isSeatHolder ? `Our obligations in ${year}` : `Obligations of ${org.name} in ${year}`
  return (
    <Layout title={props.isSeatHolder ? `Our obligations in ${year}: ${org.name}` : heading}>
      <div class="wrap obligations-page">
        <p>
          <a href={`/organizations/${org.slug}`}>← {org.name}</a>
          {props.canSeeNetwork ? (
            <>
              {' · '}
              <a href={`/staff/obligations?year=${year}`}>Every organisation’s obligations</a>
            </>
          ) : null}
        </p>
        <h1>{heading}</h1>
        {props.isSeatHolder ? <p class="lede">{org.name}</p> : null}
        <YearNav
          year={year}
          maxYear={props.maxYear}
          href={(y) => `/organizations/${org.slug}/obligations?year=${y}`}
          label="Other years"
        />
        {!o ? (
          <p class="obligations-none">
            {org.name} was not admitted on any day of {year}, so it had no obligations that year.
          </p>
        ) : (
          <>
            <section class="card obligations-summary" aria-labelledby="status-heading">
              <h2 id="status-heading">
                Status: <StatusBadge status={o.status} />
              </h2>
              <Projection attendance={o.attendance} />
              <p class="attendance-line">{attendanceSentence(o.attendance, props.data.requiredShare)}</p>
              {o.reasons.length > 0 ? (
                <ul class="status-reasons">
                  {o.reasons.map((r) => (
                    <li>{r}</li>
                  ))}
                </ul>
              ) : o.status === 'on_track' ? (
                <p class="note">Nothing is late: keep attending, presenting and sharing as planned.</p>
              ) : null}
              {props.data.owed.length > 0 ? (
                <>
                  <h3 id="owed-heading">Still to do in {year}</h3>
                  <ul class="owed" aria-labelledby="owed-heading">
                    {props.data.owed.map((line) => (
                      <li>{line}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              <p class="note">
                A call counts when the organisation’s representative or alternate of that day was on it for at
                least {props.data.minimumMinutes} minutes. Everything here is computed from the records: the
                calls, the attendance, the seats, the presentation and the sharing records.
              </p>
            </section>

            <div class="obligations-columns">
              <section aria-labelledby="presentation-heading">
                <h2 id="presentation-heading">Annual presentation</h2>
                <p class="presentation-line">{presentationSummary(o.presentation)}</p>
                <p>
                  <a href={`/organizations/${org.slug}/presentation`}>
                    {o.presentation.status === 'none' || o.presentation.status === 'requested'
                      ? 'Ask for a month for the presentation'
                      : 'See the presentation'}
                  </a>
                </p>
              </section>
              <section aria-labelledby="sharing-heading">
                <h2 id="sharing-heading">Quarterly sharing</h2>
                <Quarters quarters={o.sharingQuarters} />
                <p>
                  <a href={`/organizations/${org.slug}/sharing`}>Record or see sharing actions</a>
                </p>
              </section>
            </div>
          </>
        )}
        <h2 id="calls-heading">Attendance by call</h2>
        <CallsTable calls={props.data.calls} year={year} />
        <p>
          <a href={`/organizations/${org.slug}/attendance-questions`}>Attendance questions</a>: on a call
          shown as not attended? Ask staff to correct it.
        </p>
      </div>
    </Layout>
  )
}
