import { formatDate, formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { MAX_QUERY_LENGTH, type ParsedQuery } from './parse-query.ts'
import type { SearchAnswer, SearchResult } from './search.ts'
import { kindLabels, type SearchKind, searchKinds } from './search-kinds.ts'

type Props = { query: ParsedQuery; kind?: SearchKind; page: number; pageCount: number; answer: SearchAnswer }

/** /search?q=…&kind=…&page=…, keeping the query and changing the rest. */
const searchHref = (q: string, kind?: SearchKind, page = 1) => {
  const params = new URLSearchParams({ q })
  if (kind) params.set('kind', kind)
  if (page > 1) params.set('page', String(page))
  return `/search?${params}`
}

function KindFilters(props: { q: string; kind?: SearchKind; counts: SearchAnswer['counts'] }) {
  const all = searchKinds.reduce((sum, k) => sum + props.counts[k], 0)
  const shown = searchKinds.filter((k) => props.counts[k] > 0 || k === props.kind)
  if (all === 0) return null
  return (
    <nav class="pagination search-kinds" aria-label="Kinds of result">
      <ul>
        <li>
          <a href={searchHref(props.q)} aria-current={props.kind ? undefined : 'page'}>
            All ({formatNumber(all)})
          </a>
        </li>
        {shown.map((k) => (
          <li>
            <a href={searchHref(props.q, k)} aria-current={props.kind === k ? 'page' : undefined}>
              {kindLabels[k].many} ({formatNumber(props.counts[k])})
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function Result(props: { result: SearchResult }) {
  const r = props.result
  return (
    <li class="news-item">
      <h2>
        <a href={r.path}>{r.title}</a>
      </h2>
      <p class="news-meta">
        <span class="badge">{kindLabels[r.kind].one}</span>
        {r.publishedOn ? <span>{formatDate(r.publishedOn)}</span> : null}
      </p>
      {r.snippet.length > 0 ? (
        <p>{r.snippet.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}</p>
      ) : null}
    </li>
  )
}

function Pager(props: { q: string; kind?: SearchKind; page: number; pageCount: number }) {
  if (props.pageCount <= 1) return null
  const { q, kind, page, pageCount } = props
  return (
    <nav class="pagination" aria-label="Pages of results">
      <ul>
        {page > 1 ? (
          <li>
            <a href={searchHref(q, kind, page - 1)} rel="prev">
              Previous
            </a>
          </li>
        ) : null}
        <li>
          <a href={searchHref(q, kind, page)} aria-current="page">
            Page {page} of {pageCount}
          </a>
        </li>
        {page < pageCount ? (
          <li>
            <a href={searchHref(q, kind, page + 1)} rel="next">
              Next
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

function NoResults(props: { q: string; kind?: SearchKind; total: number }) {
  return (
    <div class="card">
      <p>Some things to try:</p>
      <ul>
        {props.kind ? (
          <li>
            <a href={searchHref(props.q)}>Search every kind of content</a> instead of{' '}
            {kindLabels[props.kind].many.toLowerCase()} only.
          </li>
        ) : null}
        {props.total > 0 ? (
          <li>
            <a href={searchHref(props.q, props.kind)}>Go back to the first page</a> of results.
          </li>
        ) : null}
        <li>Check the spelling, or use fewer or more general words.</li>
        <li>Type the start of a word: the last word matches any word it begins.</li>
        <li>
          Browse the <a href="/news">news</a>, the <a href="/library">library</a> or the{' '}
          <a href="/directory">directory</a>.
        </li>
      </ul>
    </div>
  )
}

/** The search page: the box, the kinds with their counts, one page of results, and the pages. */
export function SearchPage(props: Props) {
  const { query, kind, page, pageCount, answer } = props
  const q = query.text
  const where = kind ? ` in ${kindLabels[kind].many.toLowerCase()}` : ''
  return (
    <Layout title={q ? `Search: ${q}` : 'Search'} query={q} noindex>
      <div class="wrap">
        <h1>Search</h1>
        <search>
          <form method="get" action="/search" class="filters search-form">
            <div class="field">
              <label for="search-page-q">Search for</label>
              <input id="search-page-q" type="search" name="q" value={q} maxlength={MAX_QUERY_LENGTH} />
            </div>
            <div class="actions">
              <button type="submit" class="button">
                Search
              </button>
            </div>
          </form>
        </search>
        {!query.searchable ? (
          <p class="lede">
            {q
              ? 'Type a word to look for: a search of punctuation or of excluded words alone finds nothing.'
              : 'Search the pages, news, briefings, resources, presentations and organisations of the network. Put a phrase in "quotes"; put a minus before a word to leave it out.'}
          </p>
        ) : (
          <>
            <p class="results-count" role="status">
              {answer.total === 0
                ? `No results for “${q}”${where}.`
                : `${formatNumber(answer.total)} ${plural(answer.total, 'result')} for “${q}”${where}${pageCount > 1 ? `, page ${page} of ${pageCount}` : ''}.`}
            </p>
            <KindFilters q={q} kind={kind} counts={answer.counts} />
            {answer.results.length > 0 ? (
              <ol class="news-list search-results">
                {answer.results.map((r) => (
                  <Result result={r} />
                ))}
              </ol>
            ) : (
              <NoResults q={q} kind={kind} total={answer.total} />
            )}
            <Pager q={q} kind={kind} page={page} pageCount={pageCount} />
          </>
        )}
      </div>
    </Layout>
  )
}
