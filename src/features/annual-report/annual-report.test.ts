import { describe, expect, it } from 'vitest'
import type { OrganizationSummary } from '#src/features/organizations/index.ts'
import type { Rollup } from '#src/features/outcomes/index.ts'
import { percentText } from '#src/ui/format.ts'
import { communityPages } from './community-pages.ts'
import { reportYear } from './year-report.ts'

describe('the annual report’s year', () => {
  it('is four digits from 2000 to 2100', () => {
    expect(reportYear('2026')).toBe(2026)
    expect(reportYear('2000')).toBe(2000)
    expect(reportYear('2100')).toBe(2100)
    for (const text of ['1999', '2101', '26', '02026', '2026 ', '２０２６', '', undefined])
      expect(reportYear(text), String(text)).toBeUndefined()
  })
})

describe('percentText', () => {
  it('rounds to a whole percent, and never shows a small share as none', () => {
    expect(percentText(150 / 240)).toBe('63%')
    expect(percentText(1)).toBe('100%')
    expect(percentText(1.5)).toBe('150%')
    expect(percentText(0)).toBe('0%')
    expect(percentText(0.001)).toBe('<1%')
  })
})

describe('communityPages', () => {
  const summary = (id: string, name: string, category: 'member' | 'bff'): OrganizationSummary =>
    ({
      id,
      slug: id,
      name,
      category,
      states: ['OH'],
      programs: [],
      focusIndustries: [],
    }) as unknown as OrganizationSummary
  const rollup = {
    period: { from: '2026-01-01', to: '2026-12-31' },
    metrics: [
      {
        key: 'jobs_created',
        name: 'Jobs created',
        unit: 'count',
        sums: true,
        total: 5,
        goal: 9,
        towardGoal: 5,
        organizations: 1,
      },
      {
        key: 'jobs_retained',
        name: 'Jobs retained',
        unit: 'count',
        sums: true,
        total: 0,
        goal: null,
        towardGoal: null,
        organizations: 0,
      },
    ],
    byOrganization: [
      {
        id: 'b',
        slug: 'b',
        name: 'beta',
        admitted: false,
        states: ['CA'],
        focusIndustries: [],
        programs: ['IMCP'],
        metrics: [
          { key: 'jobs_created', total: 5, goal: 9 },
          { key: 'jobs_retained', total: null, goal: null },
        ],
      },
    ],
    byYear: [],
    byProgram: [],
    byFocusIndustry: [],
    byState: [],
  } as unknown as Rollup

  it('gives a page to each organisation with figures or goals and to each member admitted, by name', () => {
    const pages = communityPages(
      rollup,
      [summary('c', 'Gamma', 'member'), summary('b', 'Beta', 'member'), summary('d', 'Delta', 'bff')],
      true,
    )
    expect(pages.map((p) => p.name)).toEqual(['beta', 'Gamma'])
    expect(pages[0]?.metrics).toEqual([
      { key: 'jobs_created', name: 'Jobs created', unit: 'count', total: 5, goal: 9 },
    ])
    expect(pages[0]?.hasProfile).toBe(false)
    expect(pages[1]).toMatchObject({ metrics: [], hasProfile: true })
  })

  it('links a member without figures to its profile only while the year runs', () => {
    expect(communityPages(rollup, [summary('c', 'Gamma', 'member')], false)[1]?.hasProfile).toBe(false)
  })
})
