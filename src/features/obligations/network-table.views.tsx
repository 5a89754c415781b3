import { categoryLabels } from '#src/features/organizations/index.ts'
import type { NetworkRow } from './network-obligations.ts'
import type { NetworkQuery, NetworkSort } from './network-query.ts'
import { formatRate, presentationShort, quarterLabels } from './obligation-format.ts'
import { StatusBadge } from './obligation-parts.tsx'

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

export const NETWORK_PATH = '/staff/obligations'

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

export function FilterSelect(props: {
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

export function NetworkTable(props: { rows: NetworkRow[]; query: NetworkQuery; linkToPages: boolean }) {
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
