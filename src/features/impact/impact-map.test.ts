import { describe, expect, it } from 'vitest'
import type { Metric, OrganizationFigures } from '#src/features/outcomes/index.ts'
import { yearBarsChart } from './impact-charts.ts'
import { renderImpactMap, shadeClasses, shadeColors } from './impact-map.ts'

const jobs: Metric = {
  key: 'jobs_created',
  name: 'Jobs created',
  unit: 'count',
  description: '',
  sums: true,
  position: 1,
  retired: false,
}

const org = (slug: string, total: number | null): OrganizationFigures => ({
  id: `id-${slug}`,
  slug,
  name: slug.toUpperCase(),
  admitted: slug !== 'gone',
  states: ['CA'],
  focusIndustries: [],
  programs: [],
  metrics: [{ key: 'jobs_created', total, goal: null }],
})

describe('shadeClasses', () => {
  it('splits the distinct values into at most four classes that cover them all, darkest last', () => {
    const shades = shadeClasses([5, 1, 9, 9, 30, 2, 400, 7])
    expect(shades).toHaveLength(4)
    expect(shades.map((s) => s.color)).toEqual([...shadeColors])
    expect(shades[0]?.from).toBe(1)
    expect(shades.at(-1)?.to).toBe(400)
    for (let i = 1; i < shades.length; i++) expect(shades[i]?.from).toBeGreaterThan(shades[i - 1]?.to ?? 0)
  })

  it('uses the darker colours when there are fewer values than colours', () => {
    expect(shadeClasses([3, 3]).map((s) => s.color)).toEqual([shadeColors.at(-1)])
    expect(shadeClasses([])).toEqual([])
  })
})

describe('renderImpactMap', () => {
  it('shades each community by its class, links only the admitted, and skips those without a figure', () => {
    const orgs = [org('small', 10), org('big', 500), org('gone', 40), org('none', null)]
    const regions = orgs.map((o) => ({
      id: o.id,
      states: ['CA'],
      counties: o.slug === 'big' ? ['06037'] : [],
    }))
    const map = renderImpactMap(jobs, orgs, regions)
    expect(map.communities.map((c) => c.slug)).toEqual(['small', 'big', 'gone'])
    expect(map.svg).toContain(`class="map-region impact-shade-2" data-slug="big" fill="${shadeColors[3]}"`)
    expect(map.svg).toContain(`data-slug="small" fill="${shadeColors[1]}"`)
    expect(map.svg).not.toContain('map-tone-')
    expect(map.svg).toContain('href="/organizations/big"')
    expect(map.svg).not.toContain('href="/organizations/gone"')
    expect(map.svg).not.toContain('data-slug="none"')
    expect(map.svg).toContain('BIG: 500 jobs created')
  })
})

describe('yearBarsChart', () => {
  it('draws a standalone, named SVG with the years in order', () => {
    const svg = yearBarsChart({
      years: [
        { year: 2023, total: 1 },
        { year: 2024, total: null },
        { year: 2025, total: 30000 },
      ],
      unit: 'count',
      label: 'Jobs created by year',
    })
    expect(svg).toMatch(/^<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(svg).toContain('role="img"')
    expect(svg).toContain('<title>Jobs created by year</title>')
    expect(svg).not.toContain('<style')
    const ticks = [...svg.matchAll(/>(20\d\d)</g)].map((m) => m[1])
    expect(ticks).toEqual(['2023', '2024', '2025'])
  })
})
