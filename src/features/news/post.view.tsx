import { renderMarkdown } from '#src/lib/markdown.ts'
import { Flash } from '#src/ui/form-parts.tsx'
import { formatDayIn, formatInstantInZone } from '#src/ui/format.ts'
import { isoInstant } from '#src/ui/format-instant.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { NewsPost } from './news-queries.ts'
import { termSlug } from './news-slugs.ts'

/** Where a post's cover image is served (only while the post is out and the reader may see it). */
export const coverPath = (slug: string) => `/news/${slug}/cover`

/** What staff see on a post that is not out yet. */
function NotOutYet(props: { post: NewsPost; timeZone: string }) {
  const { post } = props
  return (
    <Flash>
      {post.status === 'draft'
        ? 'This post is a draft: only staff see it.'
        : `This post is scheduled for ${formatInstantInZone(post.publishAt ?? '', props.timeZone)}: only staff see it until then.`}{' '}
      <a href={`/staff/news/${post.id}/edit`}>Edit it</a>
    </Flash>
  )
}

/** One post: its title, date and author, cover, summary, body, categories and tags. */
export function PostPage(props: { post: NewsPost; timeZone: string; isLive: boolean; canEdit: boolean }) {
  const { post } = props
  const cover = post.coverFileId ? coverPath(post.slug) : undefined
  return (
    <Layout
      title={post.title}
      current="/news"
      canonicalPath={`/news/${post.slug}`}
      ogType="article"
      image={props.isLive ? cover : undefined}
      description={post.summary || undefined}
    >
      <article class="wrap news-post" aria-labelledby="post-title">
        {props.isLive ? null : <NotOutYet post={post} timeZone={props.timeZone} />}
        <p class="breadcrumb">
          <a href="/news">News</a>
        </p>
        <h1 id="post-title">{post.title}</h1>
        <p class="news-meta">
          {post.publishAt ? (
            <time datetime={isoInstant(post.publishAt)}>{formatDayIn(post.publishAt, props.timeZone)}</time>
          ) : null}
          {post.authorName ? <span> · By {post.authorName}</span> : null}
          {post.visibility === 'members' ? <span class="badge">Members only</span> : null}
          {post.categories.map((category) => (
            <a class="badge" href={`/news/category/${termSlug(category)}`}>
              {category}
            </a>
          ))}
        </p>
        {cover ? (
          <figure class="news-cover">
            <img src={cover} alt={post.coverAlt} />
          </figure>
        ) : null}
        {post.summary ? <p class="lede">{post.summary}</p> : null}
        <div class="page-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(post.bodyMarkdown) }} />
        {post.tags.length > 0 ? (
          <nav class="news-tags" aria-label="Tags">
            <h2 class="visually-hidden">Tags</h2>
            <ul>
              {post.tags.map((tag) => (
                <li>
                  <a href={`/news/tag/${termSlug(tag)}`}>#{tag}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {props.canEdit && props.isLive ? (
          <p>
            <a href={`/staff/news/${post.id}/edit`}>Edit this post</a>
          </p>
        ) : null}
      </article>
    </Layout>
  )
}
