import { type MapRegion, renderUsMap } from '#src/features/map/index.ts'
import type { Metric, OrganizationFigures } from '#src/features/outcomes/index.ts'
import { formatAmount } from '#src/lib/money.ts'
import { plural } from '#src/ui/format.ts'
import type { ImpactRegion } from './impact-data.ts'

/** Light to dark blue (ColorBrewer Blues): more is darker, told apart without hue. */
export const shadeColors = ['#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const

export type MapShade = { color: string; from: number; to: number }

export type ShadedCommunity = {
  slug: string
  name: string
  admitted: boolean
  value: number
  shade: number
  counties: number
  states: number
}

export type ImpactMap = { svg: string; shades: MapShade[]; communities: ShadedCommunity[] }

/**
 * Classes of equal numbers of distinct values (at most four), so a few large figures do not
 * leave everyone else in the palest shade.
 */
export function shadeClasses(values: readonly number[]): MapShade[] {
  const distinct = [...new Set(values)].sort((a, b) => a - b)
  const count = Math.min(shadeColors.length, distinct.length)
  const offset = shadeColors.length - count
  return Array.from({ length: count }, (_, i) => ({
    // With fewer classes than colours, the darker ones are used: the palest is hard to see.
    color: shadeColors[i + offset] ?? '#08519c',
    from: distinct[Math.floor((i * distinct.length) / count)] ?? 0,
    to: distinct[Math.floor(((i + 1) * distinct.length) / count) - 1] ?? 0,
  }))
}

const shadeOf = (shades: MapShade[], value: number) =>
  Math.max(
    0,
    shades.findIndex((s) => value >= s.from && value <= s.to),
  )

/**
 * The US map of the organisations (members and BFFs) with a verified figure for `metric` (all
 * time), each drawn over its counties (its whole states when none are on record), shaded by its
 * figure, linked to its profile when admitted. State outlines are drawn, never every county.
 */
export function renderImpactMap(
  metric: Metric,
  organizations: readonly OrganizationFigures[],
  regions: readonly ImpactRegion[],
): ImpactMap {
  const withFigure = organizations.flatMap((org) => {
    const value = org.metrics.find((m) => m.key === metric.key)?.total
    const region = regions.find((r) => r.id === org.id)
    return value === null || value === undefined || !region ? [] : [{ org, value, region }]
  })
  const shades = shadeClasses(withFigure.map((w) => w.value))
  const communities = withFigure.map(({ org, value, region }) => ({
    slug: org.slug,
    name: org.name,
    admitted: org.admitted,
    value,
    shade: shadeOf(shades, value),
    counties: region.counties.length,
    states: region.states.length,
  }))
  const label = metric.name.toLowerCase()
  const mapRegions: MapRegion[] = withFigure.map(({ org, value, region }) => ({
    slug: org.slug,
    name: `${org.name}: ${formatAmount(value, metric.unit)} ${label}`,
    href: org.admitted ? `/organizations/${org.slug}` : undefined,
    states: region.states,
    counties: region.counties,
  }))
  const drawn = renderUsMap({
    regions: mapRegions,
    idPrefix: 'impact-map',
    title: `Map of ${label} by organisation`,
    description:
      communities.length === 0
        ? `No organisation has a verified figure for ${label}.`
        : `${communities.length} ${plural(communities.length, 'organisation')} drawn over their counties (whole states where counties are not on record), darker for more ${label} of all time: ${communities
            .map((c) => `${c.name}, ${formatAmount(c.value, metric.unit)}`)
            .join('; ')}.`,
  })
  return { svg: shadeRegions(drawn, communities, shades), shades, communities }
}

/**
 * The map feature colours each region by its place in the list; here each community takes the
 * colour of its class instead (a class of our own, so site.css's tone colours do not apply).
 */
function shadeRegions(svg: string, communities: ShadedCommunity[], shades: MapShade[]): string {
  let shaded = svg
  for (const community of communities) {
    const group = new RegExp(
      `<g class="map-region map-tone-\\d+" data-slug="${community.slug.replace(/[^a-z0-9-]/g, '\\$&')}" fill="#[0-9a-fA-F]{3,6}"`,
    )
    const color = shades[community.shade]?.color ?? shadeColors[0]
    const replaced = shaded.replace(
      group,
      `<g class="map-region impact-shade-${community.shade}" data-slug="${community.slug}" fill="${color}"`,
    )
    if (replaced === shaded && svg.includes(`data-slug="${community.slug}"`)) {
      throw new Error(`the map drew ${community.slug} in a way the impact map cannot shade`)
    }
    shaded = replaced
  }
  return shaded
}
