import type { OrganizationCategory } from '#src/db/schema/index.ts'
import { plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { HeatState } from './charts.ts'
import { HeatMapSection, RateSection } from './network-charts.views.tsx'
import type { MonthlyAttendance, NetworkRow } from './network-obligations.ts'
import type { NetworkQuery } from './network-query.ts'
import { FilterSelect, NETWORK_PATH, NetworkTable, networkHref } from './network-table.views.tsx'
import { StatusBadge, YearNav } from './obligation-parts.tsx'
import { type ComplianceStatus, complianceStatuses, complianceStatusLabels } from './status.ts'

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
