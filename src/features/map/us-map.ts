import { escapeXml } from '#src/lib/text.ts'
import { plural } from '#src/ui/format.ts'
import { atlasBaseLayers, countyShape, type Shape, stateShape } from './atlas.ts'
import { countyName, stateFips } from './states.ts'
import { fitViewBox, formatViewBox, nationalViewBox } from './view-box.ts'

export type MapRegion = {
  slug: string
  name: string
  /** Link target for the region's shapes; only http(s), mailto and relative URLs are linked. */
  href?: string
  /** Two-letter state codes; shaded whole when the region has no known counties. */
  states: readonly string[]
  /** 5-digit county FIPS codes; codes missing from the atlas are skipped (see `unknownCounties`). */
  counties: readonly string[]
}

export type UsMapOptions = {
  regions: readonly MapRegion[]
  /** Accessible name of the map. */
  title: string
  /** Accessible description, e.g. a sentence summarising what the map shows. */
  description: string
  /** Slug of a region to fit the view to (profile pages); unknown or undrawable slugs give the national view. */
  zoomTo?: string
  /** Prefix for the ids of the map's title and description; must be unique in the page. */
  idPrefix: string
}

/** Number of `map-tone-N` classes a stylesheet needs to colour. */
export const toneCount = 6

// Defaults so the SVG reads standalone; a stylesheet's `.map-tone-N { fill }` overrides
// these, since CSS wins over presentation attributes. Okabe-Ito hues, safe for colour blindness.
export const toneFills = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'] as const

// vector-effect is not inherited, so each path needs it to keep a thin stroke when zoomed.
const nonScaling = ' vector-effect="non-scaling-stroke"'

type RegionShapes = {
  region: MapRegion
  tone: number
  paths: string[]
  bounds: Shape['bounds'][]
  shadedStates: number
}

/**
 * Renders the US map as an SVG string: state outlines, then each region's counties (or its
 * whole states when it has no known counties), each region a labelled, linkable group.
 * Colours come from classes plus presentation attributes only, never inline styles, for the CSP.
 * Regions with nothing drawable (no known counties or mapped states, e.g. only 'PR') are left out.
 */
export function renderUsMap(options: UsMapOptions): string {
  const { idPrefix } = options
  // The ids go into a space-separated aria-labelledby list, so they must be single tokens.
  if (!/^[A-Za-z][\w-]*$/.test(idPrefix)) {
    throw new TypeError(`idPrefix must be a letter then letters, digits, '-' or '_'; got "${idPrefix}"`)
  }
  const titleId = `${idPrefix}-title`
  const descId = `${idPrefix}-desc`
  const landId = `${idPrefix}-land`

  const drawn = options.regions.map((region, index) => regionShapes(region, index % toneCount))
  const focus = options.zoomTo === undefined ? undefined : drawn.find((r) => r.region.slug === options.zoomTo)
  const viewBox = focus && focus.bounds.length > 0 ? fitViewBox(focus.bounds) : nationalViewBox
  const base = atlasBaseLayers()

  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="us-map" viewBox="${formatViewBox(viewBox)}"`,
    ` preserveAspectRatio="xMidYMid meet" role="group" aria-labelledby="${escapeXml(titleId)}"`,
    ` aria-describedby="${escapeXml(descId)}">`,
    `<title id="${escapeXml(titleId)}">${escapeXml(options.title)}</title>`,
    `<desc id="${escapeXml(descId)}">${escapeXml(options.description)}</desc>`,
    // The fill sits on the group, not the path, so the <use> below can restroke the same
    // path without fill: a clone keeps its own attributes but inherits the use's.
    `<g class="map-states" fill="#e5e7eb" stroke="none">`,
    `<path id="${escapeXml(landId)}" vector-effect="non-scaling-stroke" d="${base.nation}"/></g>`,
  ]
  // Whole-state shadings first, county regions on top: otherwise a state-wide region would
  // cover (and catch the clicks meant for) the counties of another region in the same state.
  const layered = [...drawn.filter((d) => d.shadedStates > 0), ...drawn.filter((d) => d.shadedStates === 0)]
  for (const shapes of layered) {
    if (shapes.paths.length > 0) parts.push(regionMarkup(shapes, shapes === focus))
  }
  // Borders go over the regions so state lines stay visible; they must not catch pointer
  // events meant for the region links underneath. Non-scaling strokes stay thin when zoomed.
  parts.push(
    `<path class="map-borders" fill="none" stroke="#ffffff" stroke-width="1" stroke-linejoin="round"`,
    ` vector-effect="non-scaling-stroke" pointer-events="none" d="${base.borders}"/>`,
    `<use class="map-nation" href="#${escapeXml(landId)}" fill="none" stroke="#9ca3af" stroke-width="1"`,
    ` stroke-linejoin="round" pointer-events="none"/>`,
    '</svg>',
  )
  return parts.join('')
}

function regionShapes(region: MapRegion, tone: number): RegionShapes {
  const result: RegionShapes = { region, tone, paths: [], bounds: [], shadedStates: 0 }
  for (const fips of new Set(region.counties)) {
    const shape = countyShape(fips)
    if (!shape) continue
    const name = countyName(fips)
    const label = name ? ` data-county="${escapeXml(`${name.name}, ${name.state}`)}"` : ''
    result.paths.push(
      `<path class="map-county" data-fips="${escapeXml(fips)}"${label}${nonScaling} d="${shape.d}"/>`,
    )
    result.bounds.push(shape.bounds)
  }
  // Shade whole states only when no county could be drawn: a partial county list is still
  // more precise than the state.
  if (result.paths.length > 0) return result
  for (const code of new Set(region.states)) {
    const fips = stateFips(code)
    const shape = fips === undefined ? undefined : stateShape(fips)
    if (!shape) continue
    result.paths.push(
      `<path class="map-state-shade" data-state="${escapeXml(code)}" fill-opacity="0.5"${nonScaling} d="${shape.d}"/>`,
    )
    result.bounds.push(shape.bounds)
    result.shadedStates++
  }
  return result
}

function regionMarkup({ region, tone, paths, shadedStates }: RegionShapes, isFocus: boolean): string {
  const note = shadedStates === 0 ? '' : ` (counties unknown: whole ${plural(shadedStates, 'state')} shaded)`
  const title = `<title>${escapeXml(region.name + note)}</title>`
  const classes = `map-region map-tone-${tone}${isFocus ? ' map-region-focus' : ''}`
  const group =
    `<g class="${classes}" data-slug="${escapeXml(region.slug)}" fill="${toneFills[tone]}"` +
    ` stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round">`
  const href = region.href !== undefined && isSafeHref(region.href) ? region.href : undefined
  // The <title> must be the first child of the element it names: the link when there is one,
  // so keyboard users hear the region's name when it takes focus.
  if (href === undefined) return `${group}${title}${paths.join('')}</g>`
  return `<a href="${escapeXml(href)}">${title}${group}${paths.join('')}</g></a>`
}

// Escaping stops markup injection but not a `javascript:` URL, so schemes are allow-listed.
// The URL parser strips whitespace and control characters the same way browsers do.
export function isSafeHref(href: string): boolean {
  try {
    const { protocol } = new URL(href, 'https://relative.invalid/')
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:'
  } catch {
    return false
  }
}
