import type { Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { visibleTo } from '#src/http/permissions.ts'
import { conditionalGet, sendCached } from '#src/http/respond.ts'
import { VersionedMemo } from '#src/http/versioned-memo.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { NewsListPage, NoNewsThatYearPage } from './news-list.view.tsx'
import {
  isTermLive,
  listLiveNews,
  type NewsFilter,
  newsYears,
  nextScheduledPost,
  type PostTerm,
  postTerms,
} from './news-queries.ts'
import { termSlug } from './news-slugs.ts'
import { POSTS_PER_PAGE } from './news-types.ts'

/** The page asked for by ?page=N: 1 when absent; undefined when it is not a page number. */
function pageAsked(c: Context<AppEnv>): number | undefined {
  const raw = c.req.query('page')
  if (raw === undefined) return 1
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : undefined
}

type ListSpec = {
  path: string
  heading: string
  intro?: string
  filter?: NewsFilter
  /** Finds the heading and filter when rendering (a category's name from its address word). */
  load?: () => Promise<{ heading: string; filter: NewsFilter }>
  currentYear?: number
  /** An archive of a year: empty, it is a 404 that lists the years the viewer may read news of. */
  isEmptyMissing?: boolean
  /** A category or a tag: the feeds and years beside the list say they cover all the news. */
  isFiltered?: boolean
}

/** A year's archive holds nothing this viewer may read: answered by sendNewsList as a 404. */
class NoNewsThatYear extends Error {
  constructor(
    readonly year: number,
    readonly years: number[],
  ) {
    super(`No news from ${year}`)
  }
}

/** Answers a list of posts (cached for visitors): one page of ten, with the years beside it. */
export async function sendNewsList(c: Context<AppEnv>, deps: AppDeps, spec: ListSpec): Promise<Response> {
  const page = pageAsked(c)
  if (page === undefined) throw notFound('There is no such page of this list.')
  const { db } = deps.database
  const viewer = c.get('viewer')
  const answer = sendCached(c, deps, {
    key: `news|${spec.path}|${page}`,
    type: 'html',
    render: async () => {
      const now = deps.clock.now()
      const scope = { now, visibilities: visibleTo(viewer), timeZone: deps.clock.timeZone }
      const found = spec.load ? { ...spec, ...(await spec.load()) } : spec
      const { posts, total } = await listLiveNews(db, {
        ...scope,
        ...found.filter,
        page,
        perPage: POSTS_PER_PAGE,
      })
      const pageCount = Math.max(1, Math.ceil(total / POSTS_PER_PAGE))
      const years = await newsYears(db, scope)
      if (spec.isEmptyMissing && total === 0) throw new NoNewsThatYear(spec.currentYear ?? 0, years)
      if (page > pageCount) throw notFound('There is no such page of this list.')
      deps.pages.noteScheduledChange(await nextScheduledPost(db, now))
      return renderDocument(
        <NewsListPage
          {...found}
          posts={posts}
          page={page}
          pageCount={pageCount}
          years={years}
          timeZone={deps.clock.timeZone}
        />,
      )
    },
  })
  // Not cached: the years are the viewer's, and a visitor must not learn of a members' post.
  return answer.catch(async (error: unknown) => {
    if (!(error instanceof NoNewsThatYear)) throw error
    return c.html(await renderDocument(<NoNewsThatYearPage year={error.year} years={error.years} />), 404)
  })
}

/** /news, and the archives by category and by tag. */
export function newsListRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  // An unknown category or tag is not cached as a page: its 404 is answered from these, kept
  // until the next write, so that asking again costs one look at the content version.
  const terms = new VersionedMemo<PostTerm[]>()

  /** The names behind a category's or tag's address word, among the live posts the viewer may see. */
  async function termsNamed(c: Context<AppEnv>, kind: 'categories' | 'tags', slug: string) {
    const { db } = deps.database
    const visibilities = visibleTo(c.get('viewer'))
    const found = await terms.get(db, `${kind}|${visibilities.join(',')}`, () =>
      postTerms(db, { kind, visibilities }),
    )
    const now = deps.clock.now()
    const matching = found
      .filter((t) => termSlug(t.term) === slug && isTermLive(t, now))
      .map((t) => t.term)
      .sort((a, b) => a.localeCompare(b))
    if (matching.length === 0)
      throw notFound(kind === 'categories' ? 'There is no such category of news.' : 'There is no such tag.')
    return matching
  }

  app.get('/news', requirePermission('public'), conditionalGet, (c) =>
    sendNewsList(c, deps, {
      path: '/news',
      heading: 'News',
      intro: 'News and press releases from the network and its member communities.',
    }),
  )

  app.get('/news/category/:slug', requirePermission('public'), conditionalGet, (c) => {
    const slug = c.req.param('slug')
    return sendNewsList(c, deps, {
      path: `/news/category/${slug}`,
      heading: 'News',
      isFiltered: true,
      load: async () => {
        const categories = await termsNamed(c, 'categories', slug)
        return { heading: `News: ${categories[0]}`, filter: { categories } }
      },
    })
  })

  app.get('/news/tag/:slug', requirePermission('public'), conditionalGet, (c) => {
    const slug = c.req.param('slug')
    return sendNewsList(c, deps, {
      path: `/news/tag/${slug}`,
      heading: 'News',
      isFiltered: true,
      load: async () => {
        const tags = await termsNamed(c, 'tags', slug)
        return { heading: `News tagged ${tags[0]}`, filter: { tags } }
      },
    })
  })
}
