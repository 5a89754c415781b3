import { type MapRegion, renderUsMap } from '#src/features/map/index.ts'
import type { OrganizationSummary } from './directory.ts'

const toRegion = (o: OrganizationSummary): MapRegion => ({
  slug: o.slug,
  name: o.name,
  href: `/organizations/${o.slug}`,
  states: o.states,
  counties: o.counties,
})

/** The national map of the listed organisations that have a region. */
export function renderDirectoryMap(organizations: OrganizationSummary[]): string {
  const regions = organizations.filter((o) => o.states.length > 0 || o.counties.length > 0).map(toRegion)
  return renderUsMap({
    regions,
    idPrefix: 'directory-map',
    title: 'Map of the listed organisations',
    description: `${regions.length} regions drawn: counties where they are on record, otherwise whole states.`,
  })
}

/** A map zoomed on one organisation's region; null for one with no region (most BFFs). */
export function renderProfileMap(org: OrganizationSummary): string | null {
  if (org.states.length === 0 && org.counties.length === 0) return null
  return renderUsMap({
    regions: [{ ...toRegion(org), href: undefined }],
    zoomTo: org.slug,
    idPrefix: 'profile-map',
    title: `Region of ${org.name}`,
    description:
      org.counties.length > 0
        ? `${org.counties.length} counties highlighted.`
        : 'Counties not on record: whole states shaded.',
  })
}
