import { createHash } from 'node:crypto'
import { atlasBaseLayers } from './atlas.ts'
import { type Place, regionPlaces } from './places.ts'

/** Ids of the base layers in every shapes asset. */
export const landShapeId = 'land'
export const bordersShapeId = 'borders'

export type ShapesAsset = {
  /** The SVG document: one path per shape, each with an id for `<use href="…#id">`. */
  body: string
  /** A hash of the body: it names the asset, so a browser can keep it for good. */
  hash: string
  /** Where the app serves it: /map/shapes-HASH.svg */
  path: string
}

/** The hash that names a shapes asset: of its bytes, so a change of shapes is a new address. */
export const shapesHash = (body: string | Uint8Array): string =>
  createHash('sha256').update(body).digest('base64url').slice(0, 16)

/** The address of a shapes asset with this hash. */
export const shapesAssetPath = (hash: string): string => `/map/shapes-${hash}.svg`

/**
 * The shapes a map of these regions needs, as one SVG document that pages reference instead of
 * inlining: the land, the state borders, and each county or state the regions are drawn with.
 * The same regions give the same bytes (shapes sorted by id), hence the same hash and address.
 */
export function buildShapesAsset(
  regions: readonly { states: readonly string[]; counties: readonly string[] }[],
): ShapesAsset {
  const places = new Map<string, Place>()
  for (const region of regions) for (const place of regionPlaces(region)) places.set(place.shapeId, place)
  const base = atlasBaseLayers()
  // vector-effect is not inherited, so each path carries it to keep a thin stroke when zoomed.
  const nonScaling = 'vector-effect="non-scaling-stroke"'
  const parts = [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 975 610">',
    `<path id="${landShapeId}" ${nonScaling} d="${base.nation}"/>`,
    `<path id="${bordersShapeId}" ${nonScaling} d="${base.borders}"/>`,
  ]
  for (const id of [...places.keys()].sort())
    parts.push(`<path id="${id}" ${nonScaling} d="${(places.get(id) as Place).shape.d}"/>`)
  parts.push('</svg>')
  const body = parts.join('\n')
  const hash = shapesHash(body)
  return { body, hash, path: shapesAssetPath(hash) }
}
