import { raw } from 'hono/html'
import type { OrganizationCategory } from '#src/db/schema/index.ts'
import { categoryLabels } from '#src/features/organizations/index.ts'
import { formatNumber, monthName, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { type HeatState, heatColors, heatStateLabels, heatStates, rateColors } from './charts.ts'
import type { AttendanceProjection, ObligationsResult, SharingQuarter } from './engine.ts'
import {
  type CallLine,
  formatRate,
  type MonthlyAttendance,
  type NetworkQuery,
  type NetworkRow,
  type NetworkSort,
  type OrganizationObligations,
  presentationShort,
  presentationSummary,
  quarterLabels,
  shortDate,
} from './obligation-pages.ts'
import { type ComplianceStatus, complianceStatuses, complianceStatusLabels } from './status.ts'

export function StatusBadge(props: { status: ComplianceStatus }) {
  return (
    <span class={`badge obligation-status status-${props.status}`}>
      {complianceStatusLabels[props.status]}
    </span>
  )
}

function YearNav(props: { year: number; maxYear: number; href: (year: number) => string; label: string }) {
  return (
    <nav class="year-nav" aria-label={props.label}>
      <a href={props.href(props.year - 1)}>
        <span aria-hidden="true">← </span>
        {props.year - 1}
      </a>
      {props.year < props.maxYear ? (
        <a href={props.href(props.year + 1)}>
          {props.year + 1}
          <span aria-hidden="true"> →</span>
        </a>
      ) : null}
    </nav>
  )
}

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

function CallsTable(props: { calls: CallLine[]; year: number }) {
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
      </div>
    </Layout>
  )
}

// ---- The network view ----

/** The network view's address for a query, with changes (defaults left out). */
export function networkHref(base: string, query: NetworkQuery, change: Partial<NetworkQuery> = {}): string {
  const q = { ...query, ...change }
  const params = new URLSearchParams({ year: String(q.year) })
  if (q.status) params.set('status', q.status)
  if (q.category) params.set('category', q.category)
  if (q.sort !== 'name') params.set('sort', q.sort)
  if (q.dir !== 'asc') params.set('dir', q.dir)
  return `${base}?${params.toString()}`
}

const NETWORK_PATH = '/staff/obligations'

function SortHeader(props: { query: NetworkQuery; column: NetworkSort; label: string; class?: string }) {
  const isCurrent = props.query.sort === props.column
  const dir = isCurrent && props.query.dir === 'asc' ? 'desc' : 'asc'
  return (
    <th
      scope="col"
      class={props.class}
      aria-sort={isCurrent ? (props.query.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <a href={networkHref(NETWORK_PATH, props.query, { sort: props.column, dir })}>
        {props.label}
        <span class="sort-mark" aria-hidden="true">
          {isCurrent ? (props.query.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
        </span>
        <span class="visually-hidden">
          {isCurrent
            ? ` (sorted ${props.query.dir === 'asc' ? 'ascending' : 'descending'}; sort ${dir === 'asc' ? 'ascending' : 'descending'})`
            : ' (sort)'}
        </span>
      </a>
    </th>
  )
}

function FilterSelect(props: {
  name: string
  label: string
  value: string | undefined
  options: { value: string; label: string }[]
}) {
  return (
    <div>
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="">All</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

function NetworkTable(props: { rows: NetworkRow[]; query: NetworkQuery; linkToPages: boolean }) {
  const { query } = props
  return (
    <section class="table-wrap network-table-wrap" aria-labelledby="network-heading" tabindex={0}>
      <table class="network-table">
        <thead>
          <tr>
            <SortHeader query={query} column="name" label="Organisation" />
            <SortHeader query={query} column="category" label="Category" />
            <SortHeader query={query} column="status" label="Status" />
            <th scope="col" class="num">
              Attended
            </th>
            <SortHeader query={query} column="rate" label="Rate" class="num" />
            <th scope="col">Projection</th>
            <th scope="col">Presentation</th>
            <th scope="col">Sharing</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => {
            const a = row.obligations.attendance
            return (
              <tr>
                <th scope="row">
                  {props.linkToPages && row.slug ? (
                    <a href={`/organizations/${row.slug}/obligations?year=${query.year}`}>{row.name}</a>
                  ) : (
                    row.name
                  )}
                </th>
                <td>{categoryLabels[row.category]}</td>
                <td>
                  <StatusBadge status={row.obligations.status} />
                </td>
                <td class="num">
                  {a.attended} of {a.held}
                </td>
                <td class="num">{formatRate(row.rate)}</td>
                <td class={`outlook-${a.outlook}`}>{a.phrase}</td>
                <td>{presentationShort(row.obligations.presentation)}</td>
                <td>
                  <ul class="quarter-chips">
                    {row.obligations.sharingQuarters.map((q) => (
                      <li class={`badge quarter-badge quarter-${q.status}`}>
                        Q{q.quarter} {quarterLabels[q.status].toLowerCase()}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

function Legend(props: { items: { label: string; swatch: string; kind?: 'box' | 'dash' }[] }) {
  return (
    <ul class="chart-legend">
      {props.items.map((item) => (
        <li>
          <svg
            class={`legend-swatch legend-${item.kind ?? 'box'}`}
            width="18"
            height="12"
            viewBox="0 0 18 12"
            aria-hidden="true"
          >
            {item.kind === 'dash' ? (
              <line
                x1="0"
                y1="6"
                x2="18"
                y2="6"
                stroke={item.swatch}
                stroke-width="2"
                stroke-dasharray="5,3"
              />
            ) : (
              <rect x="2.5" y="0.5" width="11" height="11" fill={item.swatch} stroke="#4a5566" />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  )
}

const heatCellText: Record<HeatState, string> = { attended: 'Yes', absent: 'No', not_admitted: '—' }

function HeatMapSection(props: {
  svg: string | null
  rows: NetworkRow[]
  shown: number
  callDates: string[]
  states: HeatState[][]
  year: number
}) {
  if (!props.svg || props.callDates.length === 0 || props.rows.length === 0)
    return <p>No call counted for these organisations in {props.year} yet: there is nothing to map.</p>
  const rows = props.rows.slice(0, props.shown)
  return (
    <>
      <figure class="chart-figure">
        {/* Focusable: on a phone the map scrolls sideways, from the keyboard too. */}
        <section class="chart-scroll" aria-label="Heat map, scrolls sideways" tabindex={0}>
          {raw(props.svg)}
        </section>
        <figcaption>
          <Legend items={heatStates.map((s) => ({ label: heatStateLabels[s], swatch: heatColors[s] }))} />
          One row an organisation (in the table’s order), one column a call held in {props.year}.
          {props.shown < props.rows.length
            ? ` It shows the first ${props.shown} of ${props.rows.length} organisations: filter the table to see others.`
            : ''}
        </figcaption>
      </figure>
      <details class="chart-data">
        <summary>The heat map as a table</summary>
        <p class="note">
          Yes: attended. No: not attended. —: not admitted on that date, so the call does not count.
        </p>
        <section class="table-wrap" aria-label="Attendance by organisation and call" tabindex={0}>
          <table class="heat-table">
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                {props.callDates.map((d) => (
                  <th scope="col">
                    <time datetime={d}>{shortDate(d)}</time>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr>
                  <th scope="row">{row.name}</th>
                  {props.callDates.map((_, c) => {
                    const state = props.states[r]?.[c] ?? 'not_admitted'
                    return <td class={`heat-${state}`}>{heatCellText[state]}</td>
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </>
  )
}

function RateSection(props: {
  svg: string | null
  months: MonthlyAttendance[]
  requiredShare: number
  year: number
}) {
  if (!props.svg || props.months.length === 0)
    return <p>No call counted for these organisations in {props.year} yet: there is no rate to draw.</p>
  const required = `${Math.round(props.requiredShare * 100)}%`
  return (
    <>
      <figure class="chart-figure">
        {raw(props.svg)}
        <figcaption>
          <Legend
            items={[
              { label: 'Share of the calls attended', swatch: rateColors.bar },
              { label: `Required share: ${required}`, swatch: rateColors.required, kind: 'dash' },
            ]}
          />
          Each month: of the calls held while each organisation was admitted, the share its representative or
          alternate attended.
        </figcaption>
      </figure>
      <details class="chart-data">
        <summary>The rates as a table</summary>
        <section class="table-wrap" aria-label="Network attendance rate by month" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" class="num">
                  Organisation-calls held
                </th>
                <th scope="col" class="num">
                  Attended
                </th>
                <th scope="col" class="num">
                  Rate
                </th>
              </tr>
            </thead>
            <tbody>
              {props.months.map((m) => (
                <tr>
                  <th scope="row">
                    {monthName(m.month)} {props.year}
                  </th>
                  <td class="num">{formatNumber(m.pairs)}</td>
                  <td class="num">{formatNumber(m.attended)}</td>
                  <td class="num">{formatRate(m.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </>
  )
}

export type NetworkPageProps = {
  query: NetworkQuery
  maxYear: number
  /** Every organisation with obligations in the year (for the counts). */
  all: NetworkRow[]
  /** Those the filters keep, in the chosen order. */
  rows: NetworkRow[]
  counts: Record<ComplianceStatus, number>
  heatMap: { svg: string | null; shown: number; callDates: string[]; states: HeatState[][] }
  rate: { svg: string | null; months: MonthlyAttendance[]; requiredShare: number }
  linkToPages: boolean
}

const categoryOptions = (['member', 'bff'] as const satisfies readonly OrganizationCategory[]).map((c) => ({
  value: c,
  label: c === 'member' ? 'Member communities' : 'BFFs',
}))

export function NetworkObligationsPage(props: NetworkPageProps) {
  const { query, rows } = props
  const isFiltered = Boolean(query.status || query.category)
  const csvHref = networkHref(`${NETWORK_PATH}.csv`, query)
  return (
    <Layout title={`Obligations across the network in ${query.year}`}>
      <div class="wrap obligations-page network-obligations">
        <h1>Obligations across the network in {query.year}</h1>
        <p class="lede">
          Every organisation admitted on some day of {query.year}: attendance, the annual presentation and
          quarterly sharing, computed from the records.
        </p>
        <YearNav
          year={query.year}
          maxYear={props.maxYear}
          href={(y) => networkHref(NETWORK_PATH, query, { year: y })}
          label="Other years"
        />
        <ul class="status-counts" aria-label="Organisations by status">
          {complianceStatuses.map((s) => (
            <li>
              <a href={networkHref(NETWORK_PATH, query, { status: s })}>
                <strong>{props.counts[s]}</strong> <StatusBadge status={s} />
              </a>
            </li>
          ))}
        </ul>
        <form class="filters" method="get" action={NETWORK_PATH} aria-label="Filter the organisations">
          <input type="hidden" name="year" value={String(query.year)} />
          {query.sort !== 'name' ? <input type="hidden" name="sort" value={query.sort} /> : null}
          {query.dir !== 'asc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
          <FilterSelect
            name="status"
            label="Status"
            value={query.status}
            options={complianceStatuses.map((s) => ({ value: s, label: complianceStatusLabels[s] }))}
          />
          <FilterSelect name="category" label="Category" value={query.category} options={categoryOptions} />
          <div class="actions">
            <button class="button" type="submit">
              Apply filters
            </button>
            {isFiltered ? (
              <a
                class="button secondary"
                href={networkHref(NETWORK_PATH, query, { status: undefined, category: undefined })}
              >
                Clear
              </a>
            ) : null}
          </div>
        </form>
        <div class="network-results">
          <p class="results-count" id="results-count" role="status">
            {rows.length === 0
              ? 'No organisation matches these filters.'
              : `${rows.length} of ${props.all.length} ${plural(props.all.length, 'organisation')}`}
          </p>
          <a class="button secondary" href={csvHref} download={`obligations-${query.year}.csv`}>
            Download as CSV
          </a>
        </div>
        <h2 id="network-heading" class="visually-hidden">
          Organisations
        </h2>
        {rows.length > 0 ? <NetworkTable rows={rows} query={query} linkToPages={props.linkToPages} /> : null}

        <h2 id="heat-heading">Attendance by call</h2>
        <HeatMapSection
          svg={props.heatMap.svg}
          rows={rows}
          shown={props.heatMap.shown}
          callDates={props.heatMap.callDates}
          states={props.heatMap.states}
          year={query.year}
        />
        <h2 id="rate-heading">Network attendance rate by month</h2>
        <RateSection
          svg={props.rate.svg}
          months={props.rate.months}
          requiredShare={props.rate.requiredShare}
          year={query.year}
        />
      </div>
    </Layout>
  )
}
