/** The library's filters as a visitor types them into the address: unknown values are ignored, never an error. */
import { z } from 'zod'
import { isIsoDate } from '#src/lib/dates.ts'

/** How many items one page of the library lists. */
export const LIBRARY_PAGE_SIZE = 20

const oneLine = z
  .string()
  .trim()
  .max(100)
  .catch('')
  .transform((v) => v.replace(/\s+/g, ' '))

export const libraryFiltersSchema = z.object({
  kind: z.enum(['briefing', 'resource', '']).catch(''),
  tag: oneLine,
  focus: oneLine,
  /** The date of the call the item was presented on. */
  call: z
    .string()
    .catch('')
    .transform((v) => (isIsoDate(v) ? v : '')),
  year: z
    .string()
    .catch('')
    .transform((v) => (/^\d{4}$/.test(v) ? v : '')),
  visibility: z.enum(['public', 'members', '']).catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

export type LibraryFilters = z.output<typeof libraryFiltersSchema>

/** The filters from a query string; `canSeeMembers` false drops the visibility filter (a visitor has only one). */
export function readLibraryFilters(query: Record<string, string>, canSeeMembers: boolean): LibraryFilters {
  const filters = libraryFiltersSchema.parse({ page: '1', ...query })
  return canSeeMembers ? filters : { ...filters, visibility: '' }
}

/** The query string of a set of filters (empty values left out), for links and the cache key. */
export function filtersQuery(filters: Partial<LibraryFilters>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters))
    if (value !== '' && value !== undefined && !(key === 'page' && value === 1))
      params.set(key, String(value))
  const text = params.toString()
  return text ? `?${text}` : ''
}
