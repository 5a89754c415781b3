import { escapeXml } from '#src/lib/text.ts'
import { plural } from '#src/ui/format.ts'
import { type Place, placesArea, regionPlaces } from './places.ts'
import { bordersShapeId, landShapeId } from './shapes-asset.ts'
import { isSafeHref, type MapRegion, toneCount, toneFills } from './us-map.ts'

/** A place (county or whole state) that several regions cover: the page lists them all there. */
export type SharedPlace = {
  /** The id of the place's list item in the page, which the place on the map links to. */
  anchorId: string
  label: string
  regions: MapRegion[]
}

export type LinkedMap = { svg: string; sharedPlaces: SharedPlace[] }

type Drawn = { region: MapRegion; tone: number; places: Place[]; area: number }

/**
 * The national map drawn from a shapes asset (`buildShapesAsset` over the same or more regions):
 * the markup only references shapes (`<use href="ASSET#c06037">`), so the page stays small and
 * the shapes are downloaded once. Larger regions are drawn first, whole states below counties,
 * so every region stays visible and clickable; a place that several regions cover is drawn once
 * more on top, hatched, as a link to the list of its organisations (`sharedPlaces`).
 */
export function renderLinkedUsMap(options: {
  regions: readonly MapRegion[]
  assetPath: string
  title: string
  description: string
  idPrefix: string
}): LinkedMap {
  const { idPrefix, assetPath } = options
  const use = (id: string) => `href="${escapeXml(assetPath)}#${id}"`
  const drawn: Drawn[] = options.regions
    .map((region, index) => {
      const places = regionPlaces(region)
      return { region, tone: index % toneCount, places, area: placesArea(places) }
    })
    .filter((d) => d.places.length > 0)
  const byWholeState = (d: Drawn) => d.places[0]?.kind === 'state'
  const bySizeDown = (a: Drawn, b: Drawn) => b.area - a.area
  const shared = sharedPlaces(drawn, idPrefix)
  const hatch = `${idPrefix}-shared`
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="us-map" viewBox="0 0 975 610"`,
    ` preserveAspectRatio="xMidYMid meet" role="group" aria-labelledby="${idPrefix}-title"`,
    ` aria-describedby="${idPrefix}-desc">`,
    `<title id="${idPrefix}-title">${escapeXml(options.title)}</title>`,
    `<desc id="${idPrefix}-desc">${escapeXml(options.description)}</desc>`,
    `<defs><pattern id="${hatch}" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">`,
    `<rect width="5" height="5" fill="#ffffff" fill-opacity="0.15"/><path d="M0 0V5" stroke="#111827" stroke-opacity="0.55" stroke-width="1.25"/></pattern></defs>`,
    `<use class="map-land" ${use(landShapeId)} fill="#e5e7eb"/>`,
  ]
  const layers: [Drawn[], (SharedPlace & { place: Place })[]][] = [
    [drawn.filter(byWholeState).sort(bySizeDown), shared.filter((s) => s.place.kind === 'state')],
    [drawn.filter((d) => !byWholeState(d)).sort(bySizeDown), shared.filter((s) => s.place.kind === 'county')],
  ]
  // The strokes and the hatch are set once on a group around each layer, which its shapes inherit:
  // repeated on every shape, they made a quarter of the directory's map markup.
  for (const [regions, places] of layers) {
    if (regions.length > 0)
      parts.push(
        '<g stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round">',
        ...regions.map((d) => regionMarkup(d, use)),
        '</g>',
      )
    if (places.length > 0)
      parts.push(
        `<g fill="url(#${hatch})" stroke="#111827" stroke-width="0.5">`,
        ...places.map(
          (s) =>
            `<a class="map-shared" href="#${s.anchorId}"><title>${escapeXml(`${s.label}: ${s.regions.length} organisations`)}</title><use ${use(s.place.shapeId)}/></a>`,
        ),
        '</g>',
      )
  }
  parts.push(
    `<use class="map-borders" ${use(bordersShapeId)} fill="none" stroke="#ffffff" stroke-width="1" stroke-linejoin="round" pointer-events="none"/>`,
    `<use class="map-nation" ${use(landShapeId)} fill="none" stroke="#9ca3af" stroke-width="1" stroke-linejoin="round" pointer-events="none"/>`,
    '</svg>',
  )
  return { svg: parts.join(''), sharedPlaces: shared.map(({ place: _, ...rest }) => rest) }
}

function regionMarkup({ region, tone, places }: Drawn, use: (id: string) => string): string {
  const wholeStates = places[0]?.kind === 'state'
  const note = wholeStates ? ` (counties unknown: whole ${plural(places.length, 'state')} shaded)` : ''
  const shapes = places.map((p) =>
    p.kind === 'county'
      ? `<use class="map-county" ${use(p.shapeId)}/>`
      : `<use class="map-state-shade" data-state="${escapeXml(p.code)}" fill-opacity="0.5" ${use(p.shapeId)}/>`,
  )
  const group =
    `<g class="map-region map-tone-${tone}" data-slug="${escapeXml(region.slug)}" fill="${toneFills[tone]}">` +
    `${shapes.join('')}</g>`
  const title = `<title>${escapeXml(region.name + note)}</title>`
  const href = region.href !== undefined && isSafeHref(region.href) ? region.href : undefined
  if (href === undefined) return group.replace('>', `>${title}`)
  return `<a href="${escapeXml(href)}">${title}${group}</a>`
}

/**
 * The places covered by two regions or more. A county counts for the regions drawn with it and for
 * those shading its whole state; a whole state counts for those shading it.
 */
function sharedPlaces(drawn: readonly Drawn[], idPrefix: string): (SharedPlace & { place: Place })[] {
  const byState = new Map<string, MapRegion[]>()
  const places = new Map<string, { place: Place; regions: MapRegion[] }>()
  for (const d of drawn)
    for (const place of d.places) {
      const entry = places.get(place.shapeId) ?? { place, regions: [] }
      entry.regions.push(d.region)
      places.set(place.shapeId, entry)
      if (place.kind === 'state')
        byState.set(place.shapeId.slice(1), [...(byState.get(place.shapeId.slice(1)) ?? []), d.region])
    }
  const result: (SharedPlace & { place: Place })[] = []
  for (const [id, { place, regions }] of [...places].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const all =
      place.kind === 'county' ? [...(byState.get(place.code.slice(0, 2)) ?? []), ...regions] : regions
    if (all.length < 2) continue
    const sorted = [...all].sort((a, b) => a.name.localeCompare(b.name))
    result.push({ anchorId: `${idPrefix}-${id}`, label: place.label, regions: sorted, place })
  }
  return result
}
