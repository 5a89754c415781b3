import { z } from 'zod'
import { searchKinds } from './search-kinds.ts'

/** The furthest page of results one can ask for (ten results a page). */
export const MAX_SEARCH_PAGE = 100

/** The search's parameters, from the page's query string or the API's: junk falls back to the defaults. */
export const searchParamsSchema = z.object({
  q: z.string().optional().catch(undefined),
  kind: z.enum(searchKinds).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE).catch(1).default(1),
})
export type SearchParams = z.infer<typeof searchParamsSchema>

/** One result in the JSON API: a contract, keep it stable. */
export const apiSearchResultSchema = z
  .object({
    kind: z.enum(searchKinds),
    title: z.string(),
    url: z.string().describe('The absolute address of the page that shows it'),
    snippet: z
      .string()
      .describe(
        'HTML: the text around the match, escaped, the matching words in <mark> elements and nothing else',
      ),
    publishedAt: z.iso
      .date()
      .nullable()
      .describe('The date it was published or given; null for organisations'),
  })
  .meta({ id: 'SearchResult' })

/** The answer of GET /api/v1/search. */
export const apiSearchAnswerSchema = z
  .object({
    query: z.string().describe('The query as searched: spaces collapsed, cut at 200 characters'),
    kind: z.enum(searchKinds).nullable(),
    page: z.int(),
    pageSize: z.int(),
    total: z.int().describe('Results of the chosen kind (or of every kind) the caller may see'),
    counts: z.record(z.enum(searchKinds), z.int()).describe('Results of each kind the caller may see'),
    results: z.array(apiSearchResultSchema),
  })
  .meta({ id: 'SearchAnswer' })
