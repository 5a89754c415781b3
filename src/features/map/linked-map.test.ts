import { describe, expect, it } from 'vitest'
import { renderLinkedUsMap } from './linked-map.ts'
import { buildShapesAsset } from './shapes-asset.ts'
import type { MapRegion } from './us-map.ts'

const region = (slug: string, states: string[], counties: string[]): MapRegion => ({
  slug,
  name: slug,
  href: `/organizations/${slug}`,
  states,
  counties,
})
const wholeCa = region('whole-ca', ['CA'], [])
const alsoCa = region('also-ca', ['CA'], [])
const socal = region('socal', ['CA'], ['06037', '06059', '06065'])
const la = region('la', ['CA'], ['06037'])
const ohio = region('ohio', ['OH'], ['39049'])

describe('renderLinkedUsMap', () => {
  const asset = buildShapesAsset([wholeCa, socal, la, ohio])
  const draw = (regions: MapRegion[]) =>
    renderLinkedUsMap({
      regions,
      assetPath: asset.path,
      title: 'Map',
      description: 'Regions.',
      idPrefix: 'm',
    })

  it('references the shapes file instead of drawing paths, one shape per place', () => {
    const { svg } = draw([socal])
    expect(svg).not.toMatch(/ d="M[^"]{50}/)
    for (const id of ['land', 'borders', 'c06037', 'c06059', 'c06065'])
      expect(svg).toContain(`href="${asset.path}#${id}"`)
    for (const id of ['land', 'borders', 'c06037', 's06', 'c39049'])
      expect(asset.body).toContain(`id="${id}"`)
  })

  it('names the same shapes with the same address, and other shapes with another', () => {
    expect(buildShapesAsset([ohio, la, socal, wholeCa]).path).toBe(asset.path)
    expect(buildShapesAsset([ohio]).path).not.toBe(asset.path)
  })

  it('draws whole states first, then larger county regions below smaller ones', () => {
    const { svg } = draw([la, socal, wholeCa])
    const at = (slug: string) => svg.indexOf(`data-slug="${slug}"`)
    expect(at('whole-ca')).toBeLessThan(at('socal'))
    expect(at('socal')).toBeLessThan(at('la'))
  })

  it('lists every region of a shared place, counting state-wide regions for its counties', () => {
    const { svg, sharedPlaces } = draw([wholeCa, alsoCa, socal, la, ohio])
    const byId = Object.fromEntries(
      sharedPlaces.map((p) => [p.anchorId, p.regions.map((r) => r.slug).sort()]),
    )
    expect(byId).toEqual({
      'm-c06037': ['also-ca', 'la', 'socal', 'whole-ca'],
      'm-c06059': ['also-ca', 'socal', 'whole-ca'],
      'm-c06065': ['also-ca', 'socal', 'whole-ca'],
      'm-s06': ['also-ca', 'whole-ca'],
    })
    expect(sharedPlaces.find((p) => p.anchorId === 'm-c06037')?.label).toBe('Los Angeles, CA')
    // Each shared place is a link to its list, drawn over the regions.
    expect(svg).toContain(
      '<a class="map-shared" href="#m-c06037"><title>Los Angeles, CA: 4 organisations</title>',
    )
    expect(svg.indexOf('href="#m-c06037"')).toBeGreaterThan(svg.indexOf('data-slug="la"'))
    expect(svg.indexOf('href="#m-s06"')).toBeLessThan(svg.indexOf('data-slug="socal"'))
  })

  it('sets strokes and the hatch once a layer, for its shapes to inherit, not on every shape', () => {
    const { svg } = draw([wholeCa, alsoCa, socal, la, ohio])
    // One group of regions and one of shared places for each layer (whole states, counties).
    expect(svg.match(/<g stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round">/g)).toHaveLength(2)
    expect(svg.match(/<g fill="url\(#m-shared\)" stroke="#111827" stroke-width="0.5">/g)).toHaveLength(2)
    expect(svg.match(/stroke-width="0.5"/g)).toHaveLength(4)
    expect(svg).toMatch(/<g fill="url\(#m-shared\)"[^>]*><a class="map-shared" href="#m-s06">/)
    expect(svg).toContain(`<use href="${asset.path}#c06037"/></a>`)
  })

  it('escapes names and links only safe addresses', () => {
    const { svg } = draw([{ ...la, name: '<b>&', href: 'javascript:alert(1)' }])
    expect(svg).toContain('<title>&lt;b&gt;&amp;</title>')
    expect(svg).not.toContain('javascript:')
  })
})
