import type { Hono } from 'hono'
import { isLive } from '#src/db/publication.ts'
import { getStoredFile } from '#src/features/files/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { can, visibleTo } from '#src/http/permissions.ts'
import { PRIVATE_NO_STORE } from '#src/http/render.ts'
import { conditionalGet, sendCached } from '#src/http/respond.ts'
import type { Viewer } from '#src/http/viewer.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { sendNewsList } from './news-list.routes.tsx'
import { findPostBySlug, findPostCover, type NewsPost, nextScheduledPost } from './news-queries.ts'
import { PostPage } from './post.view.tsx'

const missing = () => notFound('There is no news post at this address.')

type Readable = Pick<NewsPost, 'status' | 'publishAt' | 'visibility'>

/** Whether the viewer may read the post: it is out and visible to them, or they are staff (a preview). */
function readable<P extends Readable>(post: P | undefined, viewer: Viewer, now: Date): post is P {
  if (!post) return false
  if (can(viewer, 'site:manage')) return true
  return isLive(post, now) && visibleTo(viewer).includes(post.visibility)
}

/** A post's page (/news/<slug>), a year's archive (/news/2016) and a post's cover image. */
export function newsPostRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  app.get('/news/:slug', requirePermission('public'), conditionalGet, (c) => {
    const slug = c.req.param('slug')
    if (/^\d{4}$/.test(slug)) {
      const year = Number(slug)
      return sendNewsList(c, deps, {
        path: `/news/${year}`,
        heading: `News of ${year}`,
        filter: { year },
        currentYear: year,
        isEmptyMissing: true,
      })
    }
    const viewer = c.get('viewer')
    return sendCached(c, deps, {
      key: `news|post|${slug}`,
      type: 'html',
      render: async () => {
        const now = deps.clock.now()
        const post = await findPostBySlug(db, slug)
        if (!readable(post, viewer, now)) throw missing()
        deps.pages.noteScheduledChange(await nextScheduledPost(db, now))
        return renderDocument(
          <PostPage
            post={post}
            timeZone={deps.clock.timeZone}
            isLive={isLive(post, now)}
            canEdit={can(viewer, 'site:manage')}
          />,
        )
      },
    })
  })

  // The cover is the post's: out of sight whenever the post is.
  app.get('/news/:slug/cover', requirePermission('public'), conditionalGet, async (c) => {
    const viewer = c.get('viewer')
    const post = await findPostCover(db, c.req.param('slug'))
    if (!readable(post, viewer, deps.clock.now()) || !post.coverFileId) throw missing()
    const file = await getStoredFile(db, post.coverFileId)
    if (!file?.contentType.startsWith('image/')) throw missing()
    const isPublic = post.visibility === 'public' && isLive(post, deps.clock.now())
    return c.body(new Uint8Array(file.data), 200, {
      'Content-Type': file.contentType,
      'Content-Length': String(file.data.length),
      ETag: `"${file.sha256}"`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': isPublic && viewer.kind === 'anonymous' ? 'public, no-cache' : PRIVATE_NO_STORE,
    })
  })
}
