import type { AppDeps } from '#src/http/deps.ts'
import { visibleTo } from '#src/http/permissions.ts'
import type { Viewer } from '#src/http/viewer.ts'
import { type ParsedQuery, parseQuery } from './parse-query.ts'
import type { SearchParams } from './search.schemas.ts'
import { SEARCH_PAGE_SIZE, type SearchAnswer, searchContent } from './search.ts'
import type { SearchKind } from './search-kinds.ts'

export type SearchRequest = { query: ParsedQuery; kind?: SearchKind; page: number }

/** The page cache keeps a search only while its key set stays small: short queries, first pages. */
const CACHED_QUERY_LENGTH = 100
const CACHED_PAGES = 10

/** A request's parameters, normalised: the cache key is built from these, never from the raw query string. */
export function searchRequest(params: SearchParams): SearchRequest {
  return { query: parseQuery(params.q), kind: params.kind, page: params.page }
}

/** The page cache key of a request a visitor makes, or undefined when it is not kept. */
export function searchCacheKey(prefix: string, r: SearchRequest): string | undefined {
  if (r.query.text.length > CACHED_QUERY_LENGTH || r.page > CACHED_PAGES) return undefined
  return `${prefix}|${r.kind ?? ''}|${r.page}|${r.query.text}`
}

/** Runs a search as this viewer sees the content; tells the page cache when scheduled content goes out. */
export async function runSearch(deps: AppDeps, viewer: Viewer, r: SearchRequest): Promise<SearchAnswer> {
  const answer = await searchContent(deps.database.db, {
    query: r.query,
    kind: r.kind,
    page: r.page,
    visibilities: visibleTo(viewer),
    now: deps.clock.now(),
    today: deps.clock.today(),
    timeZone: deps.clock.timeZone,
  })
  deps.pages.noteScheduledChange(answer.nextScheduledAt ?? undefined)
  return answer
}

/** How many pages of results there are (at least one). */
export const pageCountOf = (answer: SearchAnswer): number =>
  Math.max(1, Math.ceil(answer.total / SEARCH_PAGE_SIZE))
