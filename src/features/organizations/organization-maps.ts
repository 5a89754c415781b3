import {
  buildShapesAsset,
  type LinkedMap,
  type MapRegion,
  renderLinkedUsMap,
  renderUsMap,
  type ShapesAsset,
} from '#src/features/map/index.ts'
import type { OrganizationSummary } from './directory.ts'

const toRegion = (o: OrganizationSummary): MapRegion => ({
  slug: o.slug,
  name: o.name,
  href: `/organizations/${o.slug}`,
  states: o.states,
  counties: o.counties,
})

const hasRegion = (o: OrganizationSummary) => o.states.length > 0 || o.counties.length > 0

/**
 * The shapes of every admitted organisation's region, served apart from the pages at a hashed
 * address (so the directory references it whatever its filters, and browsers keep it).
 */
export function directoryShapes(admitted: readonly OrganizationSummary[]): ShapesAsset {
  return buildShapesAsset(admitted.filter(hasRegion))
}

/** The national map of the listed organisations that have a region, drawn from the shapes asset. */
export function renderDirectoryMap(listed: OrganizationSummary[], shapes: ShapesAsset): LinkedMap {
  const regions = listed.filter(hasRegion).map(toRegion)
  return renderLinkedUsMap({
    regions,
    assetPath: shapes.path,
    idPrefix: 'directory-map',
    title: 'Map of the listed organisations',
    description: `${regions.length} regions drawn: counties where they are on record, otherwise whole states. Hatched places belong to several organisations.`,
  })
}

/** A map zoomed on one organisation's region; null for one with no region (most BFFs). */
export function renderProfileMap(org: OrganizationSummary): string | null {
  if (!hasRegion(org)) return null
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
