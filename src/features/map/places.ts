import { countyShape, type Shape, stateShape } from './atlas.ts'
import { countyName, stateFips, stateName } from './states.ts'

/** One drawable piece of a region: a county, or a whole state when the region has no known county. */
export type Place = {
  kind: 'county' | 'state'
  /** 5-digit county FIPS or two-letter state code. */
  code: string
  /** Id of the shape in the map's shapes asset ('c06037', 's06'). */
  shapeId: string
  /** 'Los Angeles, CA' or 'California'. */
  label: string
  shape: Shape
}

/**
 * The places a region is drawn with: its known counties, or, only when none of its counties can
 * be drawn, its whole states (a partial county list is still more precise than the state).
 */
export function regionPlaces(region: { states: readonly string[]; counties: readonly string[] }): Place[] {
  const places: Place[] = []
  for (const fips of new Set(region.counties)) {
    const shape = countyShape(fips)
    if (!shape) continue
    const name = countyName(fips)
    const label = name ? `${name.name}, ${name.state}` : `County ${fips}`
    places.push({ kind: 'county', code: fips, shapeId: `c${fips}`, label, shape })
  }
  if (places.length > 0) return places
  for (const code of new Set(region.states)) {
    const fips = stateFips(code)
    const shape = fips === undefined ? undefined : stateShape(fips)
    if (!shape || fips === undefined) continue
    places.push({ kind: 'state', code, shapeId: `s${fips}`, label: stateName(code) ?? code, shape })
  }
  return places
}

/** The area of a region's boxes, to draw larger regions first (a box is a fair size for ordering). */
export function placesArea(places: readonly Place[]): number {
  let area = 0
  for (const { shape } of places) {
    const [[x0, y0], [x1, y1]] = shape.bounds
    area += (x1 - x0) * (y1 - y0)
  }
  return area
}
