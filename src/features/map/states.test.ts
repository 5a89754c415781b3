import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import {
  countyName,
  isCountyFips,
  isStateCode,
  stateCodeForFips,
  stateFips,
  stateName,
  unknownCounties,
  usStates,
} from './states.ts'

type AtlasStates = { objects: { states: { geometries: { id: string; properties: { name: string } }[] } } }

function atlasStates(): { id: string; name: string }[] {
  const file = createRequire(import.meta.url).resolve('us-atlas/states-albers-10m.json')
  const topology = JSON.parse(readFileSync(file, 'utf8')) as AtlasStates
  return topology.objects.states.geometries.map((g) => ({ id: g.id, name: g.properties.name }))
}

describe('the state table', () => {
  it('lists the 50 states, DC and Puerto Rico, each code and FIPS code once', () => {
    expect(usStates).toHaveLength(52)
    expect(new Set(usStates.map((s) => s.code)).size).toBe(52)
    expect(new Set(usStates.map((s) => s.fips)).size).toBe(52)
    expect(isStateCode('DC')).toBe(true)
    expect(isStateCode('PR')).toBe(true)
  })

  it('agrees with the atlas on the FIPS code and name of every state it draws', () => {
    const atlas = atlasStates()
    expect(atlas).toHaveLength(51)
    for (const { id, name } of atlas) {
      const code = stateCodeForFips(id)
      expect(code, id).toBeDefined()
      expect(stateName(code ?? '')).toBe(name)
    }
  })

  it('looks up names and FIPS codes by two-letter code', () => {
    expect(stateName('CA')).toBe('California')
    expect(stateFips('CA')).toBe('06')
    expect(stateFips('PR')).toBe('72')
  })

  it('rejects unknown and lower-case codes rather than guessing', () => {
    expect(isStateCode('ca')).toBe(false)
    expect(isStateCode('XX')).toBe(false)
    expect(stateName('XX')).toBeUndefined()
    expect(stateFips('')).toBeUndefined()
  })
})

describe('county lookups', () => {
  it('names a county by FIPS code, with its state code and without a suffix', () => {
    expect(countyName('06037')).toEqual({ name: 'Los Angeles', state: 'CA' })
    expect(countyName('26163')).toEqual({ name: 'Wayne', state: 'MI' })
  })

  it('knows only the counties in the atlas', () => {
    expect(isCountyFips('06037')).toBe(true)
    expect(isCountyFips('6037')).toBe(false)
    expect(isCountyFips('99999')).toBe(false)
    // Bedford city, VA was merged into Bedford County in 2013, before the atlas's 2017 vintage.
    expect(isCountyFips('51515')).toBe(false)
    expect(countyName('99999')).toBeUndefined()
  })

  it('reports unknown county codes once each, in input order', () => {
    expect(unknownCounties(['06037', '99999', 'abc', '99999', '26163'])).toEqual(['99999', 'abc'])
    expect(unknownCounties([])).toEqual([])
  })
})
