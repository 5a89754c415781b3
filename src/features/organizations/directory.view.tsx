import { raw } from 'hono/html'
import { type LinkedMap, type SharedPlace, stateName } from '#src/features/map/index.ts'
import { IncompleteBadge } from '#src/features/seats/index.ts'
import { Select, type SelectOption } from '#src/ui/fields.tsx'
import { plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { DirectoryFacets, DirectoryFilters, OrganizationSummary } from './directory.ts'
import { bffKindLabels, categoryLabels } from './labels.ts'

type Props = {
  organizations: OrganizationSummary[]
  filters: DirectoryFilters
  facets: DirectoryFacets
  map: LinkedMap
  hasDemoData: boolean
  /** Whether the viewer may see this organisation's internal badges (staff and the organisation itself). */
  canSeeSeats: (organizationId: string) => boolean
}

/** A filter of the directory: one drop-down with "All" first. */
function Filter(props: { name: string; label: string; value?: string; options: SelectOption[] }) {
  return <Select id={`filter-${props.name}`} empty="All" {...props} />
}

export function DirectoryPage(props: Props) {
  const { organizations, filters, facets } = props
  const isFiltered = Object.values(filters).some(Boolean)
  const count = organizations.length
  return (
    <Layout
      title="Directory and map"
      current="/directory"
      hasDemoData={props.hasDemoData}
      description="Every admitted member community and BFF."
    >
      <div class="wrap">
        <h1>Directory and map</h1>
        <p class="lede">
          Every organisation admitted to the collaborative: member communities, and BFFs (“best friends
          forever”: the federal agency offices, national NGOs and firms that back them).
        </p>
        <form class="filters" method="get" action="/directory" aria-label="Filter the directory">
          <Filter
            name="category"
            label="Category"
            value={filters.category}
            options={[
              { value: 'member', label: 'Member communities' },
              { value: 'bff', label: 'BFFs' },
            ]}
          />
          <Filter
            name="state"
            label="State"
            value={filters.state}
            options={facets.states
              .map((s) => ({ value: s, label: stateName(s) ?? s }))
              .sort((a, b) => a.label.localeCompare(b.label, 'en'))}
          />
          <Filter
            name="program"
            label="Designation program"
            value={filters.program}
            options={facets.programs.map((p) => ({ value: p.code, label: `${p.code}: ${p.name}` }))}
          />
          <Filter
            name="focus"
            label="Focus industry"
            value={filters.focus}
            options={facets.focusIndustries.map((f) => ({ value: f, label: f }))}
          />
          <div class="actions">
            <button class="button" type="submit">
              Apply filters
            </button>
            {isFiltered ? (
              <a class="button secondary" href="/directory">
                Clear
              </a>
            ) : null}
          </div>
        </form>
        <p class="results-count" id="results-count" role="status">
          {count === 0
            ? 'No organisation matches these filters.'
            : `${count} ${plural(count, 'organisation')}${isFiltered ? plural(count, ' matches these filters', ' match these filters') : ''}`}
        </p>
        <figure class="map-figure">
          {raw(props.map.svg)}
          <figcaption>
            Highlighted counties are the regions communities have on record; where the counties are not known,
            the whole state is shaded. Select a region to open its profile; a hatched place belongs to several
            organisations and lists them. The list below holds the same organisations.
          </figcaption>
          <SharedPlaces places={props.map.sharedPlaces} />
        </figure>
        <h2 id="list-heading">Organisations</h2>
        <ul class="org-list" aria-labelledby="list-heading">
          {organizations.map((o) => (
            <li>
              <h3>
                <a href={`/organizations/${o.slug}`}>{o.name}</a>{' '}
                <span class={o.category === 'bff' ? 'badge bff' : 'badge'}>{categoryLabels[o.category]}</span>
                {o.isFictional ? <span class="badge fictional">Fictional</span> : null}
                {props.canSeeSeats(o.id) ? <IncompleteBadge vacant={o.vacantSeats} /> : null}
              </h3>
              <dl class="meta">
                {o.leadOrganization ? (
                  <div>
                    <dt>Lead:</dt> <dd>{o.leadOrganization}</dd>
                  </div>
                ) : null}
                {o.bffKind ? (
                  <div>
                    <dt>Kind:</dt> <dd>{bffKindLabels[o.bffKind]}</dd>
                  </div>
                ) : null}
                {o.states.length > 0 ? (
                  <div>
                    <dt>{o.states.length === 1 ? 'State:' : 'States:'}</dt>{' '}
                    <dd>{o.states.map((s) => stateName(s) ?? s).join(', ')}</dd>
                  </div>
                ) : null}
                {o.focusIndustries.length > 0 ? (
                  <div>
                    <dt>Focus:</dt> <dd>{o.focusIndustries.join('; ')}</dd>
                  </div>
                ) : null}
                {o.programs.length > 0 ? (
                  <div>
                    <dt>Designations:</dt> <dd>{o.programs.join(', ')}</dd>
                  </div>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  )
}

/** The places of the map that several organisations cover, each with all of them (the map links here). */
function SharedPlaces(props: { places: SharedPlace[] }) {
  if (props.places.length === 0) return null
  return (
    <details class="map-places" open={props.places.length <= 6}>
      <summary>Places with several organisations ({props.places.length})</summary>
      <ul>
        {props.places.map((place) => (
          <li id={place.anchorId} tabindex={-1}>
            <strong>{place.label}:</strong>{' '}
            {place.regions.map((r, i) => (
              <>
                {i > 0 ? ', ' : ''}
                {r.href ? <a href={r.href}>{r.name}</a> : r.name}
              </>
            ))}
          </li>
        ))}
      </ul>
    </details>
  )
}
