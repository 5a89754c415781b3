import { Select, type SelectOption } from '#src/ui/fields.tsx'
import { formatDate, formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { kindLabels, kindPlurals, visibilityLabels } from './labels.ts'
import { filtersQuery, LIBRARY_PAGE_SIZE, type LibraryFilters } from './library-filters.ts'
import type { Facet, LibraryFacets, LibraryListItem } from './list-library.ts'

type Props = {
  items: LibraryListItem[]
  total: number
  filters: LibraryFilters
  facets: LibraryFacets
  canSeeMembers: boolean
  canContribute: boolean
  hasDemoData?: boolean
}

const withCounts = (facets: Facet[], label: (v: string) => string = (v) => v): SelectOption[] =>
  facets.map((f) => ({ value: f.value, label: `${label(f.value)} (${formatNumber(f.count)})` }))

function Filter(props: { name: string; label: string; value: string; options: SelectOption[] }) {
  return <Select id={`filter-${props.name}`} empty="All" keepUnknown {...props} />
}

/** One item in a list: its title, kind, date, summary and tags. */
export function ItemSummary(props: { item: LibraryListItem; showVisibility: boolean }) {
  const { item } = props
  return (
    <li>
      <h3>
        <a href={`/library/${item.slug}`}>{item.title}</a>
      </h3>
      <dl class="meta">
        <div>
          <dt>{kindLabels[item.kind]}</dt> <dd>{formatDate(item.publishedOn)}</dd>
        </div>
        {props.showVisibility && item.visibility === 'members' ? (
          <div>
            <dd>
              <span class="badge">Members only</span>
            </dd>
          </div>
        ) : null}
        {item.attachmentCount > 0 ? (
          <div>
            <dd>
              {formatNumber(item.attachmentCount)} {plural(item.attachmentCount, 'file')}
            </dd>
          </div>
        ) : null}
      </dl>
      {item.summary ? <p>{item.summary}</p> : null}
      {item.tags.length > 0 ? <p class="note">Tags: {item.tags.join(', ')}</p> : null}
    </li>
  )
}

function Pager(props: { filters: LibraryFilters; total: number }) {
  const pages = Math.max(1, Math.ceil(props.total / LIBRARY_PAGE_SIZE))
  const { page } = props.filters
  if (pages === 1) return null
  const link = (p: number) => `/library${filtersQuery({ ...props.filters, page: p })}`
  return (
    <nav aria-label="Pages of the library" class="actions-row">
      {page > 1 ? <a href={link(page - 1)}>← Newer</a> : null}
      <span>
        Page {formatNumber(page)} of {formatNumber(pages)}
      </span>
      {page < pages ? <a href={link(page + 1)}>Older →</a> : null}
    </nav>
  )
}

/** /library: the published briefings and resources the viewer may read, filtered and paged. */
export function LibraryPage(props: Props) {
  const { filters, facets, total } = props
  const isFiltered = Boolean(
    filters.kind || filters.tag || filters.focus || filters.call || filters.year || filters.visibility,
  )
  return (
    <Layout
      title="Library"
      current="/library"
      hasDemoData={props.hasDemoData}
      canonicalPath={`/library${filtersQuery(filters)}`}
      description="The network's briefings and resources, to read and to share."
    >
      <div class="wrap">
        <h1>Library</h1>
        <p class="lede">
          Briefings the network writes for its members to pass on each quarter, and resources worth knowing.
          {props.canSeeMembers ? null : ' Members see more once signed in.'}
        </p>
        <p class="actions-row">
          <a href="/presentations">The presentations members gave on the calls</a>
          {props.canContribute ? <a href="/library/contribute">Offer an item to the library</a> : null}
        </p>
        <form class="filters" method="get" action="/library" aria-label="Filter the library">
          <Filter
            name="kind"
            label="Kind"
            value={filters.kind}
            options={withCounts(facets.kinds, (v) => kindPlurals[v as 'briefing'] ?? v)}
          />
          <Filter name="tag" label="Tag" value={filters.tag} options={withCounts(facets.tags)} />
          <Filter
            name="focus"
            label="Focus industry"
            value={filters.focus}
            options={withCounts(facets.focusIndustries)}
          />
          <Filter
            name="call"
            label="Call"
            value={filters.call}
            options={withCounts(facets.calls, formatDate)}
          />
          <Filter name="year" label="Year" value={filters.year} options={withCounts(facets.years)} />
          {props.canSeeMembers ? (
            <Filter
              name="visibility"
              label="Visibility"
              value={filters.visibility}
              options={withCounts(facets.visibilities, (v) => visibilityLabels[v as 'public'] ?? v)}
            />
          ) : null}
          <div class="actions">
            <button class="button" type="submit">
              Apply filters
            </button>
            {isFiltered ? (
              <a class="button secondary" href="/library">
                Clear
              </a>
            ) : null}
          </div>
        </form>
        <p class="results-count" id="results-count" role="status">
          {total === 0
            ? isFiltered
              ? 'No item matches these filters.'
              : 'The library is empty for now.'
            : `${formatNumber(total)} ${plural(total, 'item')}${isFiltered ? ` ${plural(total, 'matches', 'match')} these filters` : ''}`}
        </p>
        <h2 class="visually-hidden">Items</h2>
        <ul class="org-list">
          {props.items.map((item) => (
            <ItemSummary item={item} showVisibility={props.canSeeMembers} />
          ))}
        </ul>
        <Pager filters={filters} total={total} />
      </div>
    </Layout>
  )
}
