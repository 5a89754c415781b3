import { formatDayIn } from '#src/ui/format.ts'
import { isoInstant } from '#src/ui/format-instant.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { NewsListItem } from './news-queries.ts'
import { termSlug } from './news-slugs.ts'
import { Pagination } from './pagination.tsx'

export type NewsListProps = {
  /** The page's heading ('News', 'News of 2016', 'Press releases'). */
  heading: string
  intro?: string
  posts: NewsListItem[]
  page: number
  pageCount: number
  /** The list's own path (without ?page). */
  path: string
  years: number[]
  timeZone: string
  currentYear?: number
  /** A category's or tag's list: the feeds and years beside it are all the news'. */
  isFiltered?: boolean
}

const pageHref = (path: string) => (page: number) => (page === 1 ? path : `${path}?page=${page}`)

/** A post in a list: its title as a link, its date and author, categories and summary. */
function PostSummary(props: { post: NewsListItem; timeZone: string }) {
  const { post } = props
  return (
    <li class="news-item">
      <article aria-labelledby={`post-${post.id}`}>
        <h2 id={`post-${post.id}`}>
          <a href={`/news/${post.slug}`}>{post.title}</a>
        </h2>
        <p class="news-meta">
          {post.publishAt ? (
            <time datetime={isoInstant(post.publishAt)}>{formatDayIn(post.publishAt, props.timeZone)}</time>
          ) : null}
          {post.authorName ? <span> · {post.authorName}</span> : null}
          {post.visibility === 'members' ? <span class="badge">Members only</span> : null}
          {post.categories.map((category) => (
            <a class="badge" href={`/news/category/${termSlug(category)}`}>
              {category}
            </a>
          ))}
        </p>
        {post.summary ? <p>{post.summary}</p> : null}
      </article>
    </li>
  )
}

/** Links to the archive of each year. */
function YearLinks(props: { years: number[]; current?: number }) {
  return (
    <ul>
      {props.years.map((year) => (
        <li>
          <a href={`/news/${year}`} aria-current={props.current === year ? 'page' : undefined}>
            {year}
          </a>
        </li>
      ))}
    </ul>
  )
}

/** A year without news the viewer may read (a 404): the years that have some. */
export function NoNewsThatYearPage(props: { year: number; years: number[] }) {
  return (
    <Layout title={`No news from ${props.year}`} current="/news">
      <div class="wrap news-page">
        <h1>No news from {props.year}</h1>
        {props.years.length > 0 ? (
          <nav class="news-years" aria-label="News by year">
            <p>There is news from these years:</p>
            <YearLinks years={props.years} />
          </nav>
        ) : (
          <p>No news has been published yet.</p>
        )}
        <p>
          <a href="/news">All the news</a>
        </p>
      </div>
    </Layout>
  )
}

/** The news list, an archive of a year, a category or a tag: ten posts a page, the years beside. */
export function NewsListPage(props: NewsListProps) {
  const title = props.page > 1 ? `${props.heading}, page ${props.page}` : props.heading
  return (
    <Layout
      title={title}
      current="/news"
      canonicalPath={pageHref(props.path)(props.page)}
      description={props.intro}
    >
      <div class="wrap news-page">
        <h1>{title}</h1>
        {props.intro ? <p class="lede">{props.intro}</p> : null}
        <p class="feed-links">
          {props.isFiltered ? 'Follow all the news' : 'Follow the news'}: <a href="/news/rss.xml">RSS feed</a>{' '}
          · <a href="/news/atom.xml">Atom feed</a>
        </p>
        <div class="news-columns">
          <div>
            {props.posts.length === 0 ? (
              <p>No news has been published here yet.</p>
            ) : (
              <ol class="news-list">
                {props.posts.map((post) => (
                  <PostSummary post={post} timeZone={props.timeZone} />
                ))}
              </ol>
            )}
            <Pagination page={props.page} pageCount={props.pageCount} href={pageHref(props.path)} />
          </div>
          {props.years.length > 0 ? (
            <nav class="news-years" aria-label="News by year">
              <h2>{props.isFiltered ? 'All the news by year' : 'By year'}</h2>
              <YearLinks years={props.years} current={props.currentYear} />
            </nav>
          ) : null}
        </div>
      </div>
    </Layout>
  )
}
