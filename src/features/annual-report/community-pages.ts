import type { OrganizationSummary } from '#src/features/organizations/index.ts'
import type { MetricTotal, Rollup } from '#src/features/outcomes/index.ts'

/** One metric of a community's page: its verified figure and its goal for the year (null: none). */
export type CommunityMetric = Pick<MetricTotal, 'key' | 'name' | 'unit'> & {
  total: number | null
  goal: number | null
}

/** A community's page of the annual report. */
export type CommunityPage = {
  id: string
  slug: string
  name: string
  /** Whether its public profile exists today (so the report links to it). */
  hasProfile: boolean
  states: string[]
  programs: string[]
  focusIndustries: string[]
  /** Only the metrics with a verified figure or a goal for the year. */
  metrics: CommunityMetric[]
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/**
 * A page per community: every organisation with verified figures or goals for the year (the
 * rollup's), and every member admitted on the report's day even without any (its page says so).
 * `admitted` is the list on the report's day, which is today while the year runs
 * (`admittedToday`); the rollup was asked about today.
 */
export function communityPages(
  rollup: Rollup,
  admitted: readonly OrganizationSummary[],
  admittedToday: boolean,
): CommunityPage[] {
  const pages = new Map<string, CommunityPage>()
  for (const org of rollup.byOrganization) {
    pages.set(org.id, {
      id: org.id,
      slug: org.slug,
      name: org.name,
      hasProfile: org.admitted,
      states: org.states,
      programs: org.programs,
      focusIndustries: org.focusIndustries,
      metrics: rollup.metrics.flatMap((metric) => {
        const own = org.metrics.find((m) => m.key === metric.key)
        if (!own || (own.total === null && own.goal === null)) return []
        return [{ key: metric.key, name: metric.name, unit: metric.unit, total: own.total, goal: own.goal }]
      }),
    })
  }
  for (const org of admitted) {
    if (org.category !== 'member' || pages.has(org.id)) continue
    pages.set(org.id, {
      id: org.id,
      slug: org.slug,
      name: org.name,
      hasProfile: admittedToday,
      states: org.states,
      programs: org.programs,
      focusIndustries: org.focusIndustries,
      metrics: [],
    })
  }
  return [...pages.values()].sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
}
