import { z } from 'zod'
import type { OrganizationCategory } from '#src/db/schema/index.ts'
import type { NetworkRow } from './network-obligations.ts'
import { type ComplianceStatus, complianceStatuses } from './status.ts'

/** The year a page is about: ?year=YYYY, or the current one; a message when it is not a year. */
export function readYear(raw: string | undefined, today: string): { year: number } | { problem: string } {
  if (raw === undefined || raw === '') return { year: Number(today.slice(0, 4)) }
  if (!/^[12]\d{3}$/.test(raw))
    return {
      problem: `“${raw.slice(0, 40)}” is not a year: write four digits, such as ${today.slice(0, 4)}.`,
    }
  return { year: Number(raw) }
}

export const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

// ---- The network view ----

export const networkSorts = ['name', 'status', 'rate', 'category'] as const
export type NetworkSort = (typeof networkSorts)[number]
export type SortDirection = 'asc' | 'desc'

export type NetworkQuery = {
  year: number
  status: ComplianceStatus | undefined
  category: OrganizationCategory | undefined
  sort: NetworkSort
  dir: SortDirection
}

const optional = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(''), z.enum(values)]).optional()

const networkQuerySchema = z.object({
  status: optional(complianceStatuses),
  category: optional(['member', 'bff'] as const),
  sort: optional(networkSorts),
  dir: optional(['asc', 'desc'] as const),
})

const expected: Record<string, string> = {
  status: 'compliant, on_track, at_risk or not_compliant',
  category: 'member or bff',
  sort: 'name, status, rate or category',
  dir: 'asc or desc',
}

/** The network view's query string, or what was wrong with it. */
export function readNetworkQuery(
  query: Record<string, string>,
  today: string,
): { query: NetworkQuery } | { problem: string } {
  const year = readYear(query.year, today)
  if ('problem' in year) return year
  const parsed = networkQuerySchema.safeParse(query)
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '')
    return { problem: `The ${field} filter takes ${expected[field] ?? 'another value'}.` }
  }
  const { status, category, sort, dir } = parsed.data
  return {
    query: {
      year: year.year,
      status: status || undefined,
      category: category || undefined,
      sort: sort || 'name',
      dir: dir || 'asc',
    },
  }
}

/**
 * The rows the query asks for: filtered by status and category, sorted by its column (ties by
 * name). Organisations with no call held yet have no rate: they come last either way.
 */
export function selectRows(rows: readonly NetworkRow[], query: NetworkQuery): NetworkRow[] {
  const sign = query.dir === 'asc' ? 1 : -1
  const names = (a: NetworkRow, b: NetworkRow) =>
    byName.compare(a.name, b.name) || (a.organizationId < b.organizationId ? -1 : 1)
  const compare = (a: NetworkRow, b: NetworkRow): number => {
    switch (query.sort) {
      case 'name':
        return sign * names(a, b)
      case 'status':
        return (
          sign *
            (complianceStatuses.indexOf(a.obligations.status) -
              complianceStatuses.indexOf(b.obligations.status)) || names(a, b)
        )
      case 'category':
        return sign * a.category.localeCompare(b.category) || names(a, b)
      case 'rate':
        if (a.rate === null || b.rate === null)
          return (a.rate === null ? 1 : 0) - (b.rate === null ? 1 : 0) || names(a, b)
        return sign * (a.rate - b.rate) || names(a, b)
    }
  }
  return rows
    .filter(
      (r) =>
        (!query.status || r.obligations.status === query.status) &&
        (!query.category || r.category === query.category),
    )
    .sort(compare)
}
