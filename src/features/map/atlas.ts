import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { geoPath } from 'd3-geo'
import { feature, mesh } from 'topojson-client'
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification'

/** Axis-aligned box in map units: [[left, top], [right, bottom]]. */
export type Bounds = [[number, number], [number, number]]

/** One drawable shape: its SVG path data plus its box, for zooming. */
export type Shape = { d: string; bounds: Bounds }

type NamedGeometry = GeometryObject<{ name: string }>

type Atlas = {
  topology: Topology
  byFips: ReadonlyMap<string, NamedGeometry>
}

/** The us-atlas files are pre-projected to Albers USA in this frame. */
export const atlasWidth = 975
export const atlasHeight = 610

// No projection: the atlas coordinates already are screen coordinates.
// One decimal is sub-pixel at the national size and keeps the markup small.
const path = geoPath().digits(1)

const require = createRequire(import.meta.url)

function loadAtlas(file: string, objectName: 'states' | 'counties'): Atlas {
  const topology = JSON.parse(readFileSync(require.resolve(`us-atlas/${file}`), 'utf8')) as Topology
  const collection = topology.objects[objectName] as GeometryCollection<{ name: string }>
  const byFips = new Map<string, NamedGeometry>()
  for (const geometry of collection.geometries) {
    if (geometry.id !== undefined) byFips.set(String(geometry.id), geometry)
  }
  return { topology, byFips }
}

// Both files are static and several MB to parse, so each is read once, on first use.
let statesAtlas: Atlas | undefined
let countiesAtlas: Atlas | undefined

function states(): Atlas {
  statesAtlas ??= loadAtlas('states-albers-10m.json', 'states')
  return statesAtlas
}

function counties(): Atlas {
  countiesAtlas ??= loadAtlas('counties-albers-10m.json', 'counties')
  return countiesAtlas
}

function toShape(atlas: Atlas, geometry: NamedGeometry): Shape | undefined {
  const geo = feature(atlas.topology, geometry)
  const d = path(geo)
  if (!d) return undefined
  return { d, bounds: path.bounds(geo) }
}

// Path strings are cached per FIPS (undefined included, for empty geometries), so a page
// with many regions only pays for converting each shape once per process.
const stateShapes = new Map<string, Shape | undefined>()
const countyShapes = new Map<string, Shape | undefined>()

function cachedShape(cache: Map<string, Shape | undefined>, atlas: Atlas, fips: string): Shape | undefined {
  if (cache.has(fips)) return cache.get(fips)
  const geometry = atlas.byFips.get(fips)
  const shape = geometry ? toShape(atlas, geometry) : undefined
  if (geometry) cache.set(fips, shape)
  return shape
}

/** The shape of a state by 2-digit FIPS; undefined when the atlas lacks it (e.g. '72', Puerto Rico). */
export function stateShape(fips: string): Shape | undefined {
  return cachedShape(stateShapes, states(), fips)
}

/** The shape of a county by 5-digit FIPS; undefined when the atlas lacks it. */
export function countyShape(fips: string): Shape | undefined {
  return cachedShape(countyShapes, counties(), fips)
}

/** The county's own name from the atlas ('Los Angeles', without 'County'), or undefined. */
export function atlasCountyName(fips: string): string | undefined {
  const properties = counties().byFips.get(fips)?.properties
  return properties && 'name' in properties ? properties.name : undefined
}

/** Whether the atlas has a county with this 5-digit FIPS. */
export function atlasHasCounty(fips: string): boolean {
  return counties().byFips.has(fips)
}

export type BaseLayers = {
  /** The nation's outline as one path: filled, it is the land under the regions; stroked, the coast and borders. */
  nation: string
  /** Borders between states only, so no line is drawn twice. */
  borders: string
}

let baseLayers: BaseLayers | undefined

/** The layers every map shares, built once. */
export function atlasBaseLayers(): BaseLayers {
  if (baseLayers) return baseLayers
  const { topology } = states()
  const stateObjects = topology.objects.states as GeometryCollection
  // The nation rather than all states as the land: each interior border would otherwise be
  // in the markup twice (about 100 KB instead of 50 KB).
  baseLayers = {
    nation: path(feature(topology, topology.objects.nation as GeometryObject)) ?? '',
    borders: path(mesh(topology, stateObjects, (a, b) => a !== b)) ?? '',
  }
  return baseLayers
}
