import { eq } from 'drizzle-orm'
import { newsPosts, sitePages } from '../../../src/db/schema/index.ts'
import { buildDemoNetwork } from '../../../src/features/demo/build-demo.ts'
import { defaultSettings } from '../../../src/features/settings/settings.ts'
import { DEMO_TODAY } from '../fixtures.ts'
import type { Entry } from './types.ts'

/** The demo's ids do not change from one build to the next: the records these entries change. */
const demo = buildDemoNetwork({ today: DEMO_TODAY, settings: defaultSettings })
const post = demo.newsPosts.find((p) => p.status === 'published' && p.visibility !== 'members')
const page = demo.sitePages.find((p) => p.status === 'published' && p.parentId === null && p.slug !== 'home')
const item = demo.briefings[0]
const given = demo.presentations.find((p) => p.status === 'given')
const givenOrg = demo.organizations.find((o) => o.id === given?.organizationId)
if (!post?.id || !page?.id || !item?.id || !given?.id || !givenOrg)
  throw new Error('the demo lacks a post, page, item or given presentation')
const postId = post.id
const pageId = page.id

/** No fields: the cross-site checks need only the route; a signed-out control gets past them. */
const bare = (path: string): Entry => ({ sample: () => ({ path, fields: {} }) })

/** Hostile-input entries for the site, news, library, archive, announcements and WordPress routes. */
export const siteContentEntries: Record<string, Entry> = {
  'POST /staff/news/:id/edit': {
    sample: () => ({
      path: `/staff/news/${postId}/edit`,
      fields: {
        title: 'A plain title',
        slug: post.slug,
        date: '2026-11-20',
        time: '09:00',
        status: 'published',
        visibility: 'public',
        author: '',
        authorName: 'Network staff',
        summary: 'A summary.',
        body: 'A body.',
        categories: '',
        tags: '',
        coverAlt: '',
      },
    }),
    freeText: {
      title: {
        tooLong: 'Write a title of at most 200 characters.',
        readBack: async (db) =>
          (await db.select({ v: newsPosts.title }).from(newsPosts).where(eq(newsPosts.id, postId))).map(
            (r) => r.v,
          ),
      },
    },
    shownAt: () => [`/news/${post.slug}`, '/news'],
  },
  'POST /staff/pages/:id': {
    sample: () => ({
      path: `/staff/pages/${pageId}`,
      fields: {
        title: 'A plain title',
        slug: page.slug,
        parentId: '',
        summary: 'A summary.',
        bodyMarkdown: 'A body.',
        status: 'published',
        publishDate: '',
        publishTime: '',
        visibility: 'public',
        showInNav: 'on',
        navOrder: String(page.navOrder ?? 0),
        note: '',
      },
    }),
    freeText: {
      title: {
        tooLong: 'Write at most 200 characters.',
        readBack: async (db) =>
          (await db.select({ v: sitePages.title }).from(sitePages).where(eq(sitePages.id, pageId))).map(
            (r) => r.v,
          ),
      },
    },
    shownAt: () => [`/${page.slug}`],
  },
  'POST /staff/news/new': bare('/staff/news/new'),
  'POST /staff/news/:id/delete': bare(`/staff/news/${postId}/delete`),
  'POST /staff/pages/new': bare('/staff/pages/new'),
  'POST /staff/pages/:id/delete': bare(`/staff/pages/${pageId}/delete`),
  'POST /staff/pages/:id/revisions/:number/restore': bare(`/staff/pages/${pageId}/revisions/1/restore`),
  'POST /staff/pages/order': bare('/staff/pages/order'),
  'POST /staff/pages/preview': bare('/staff/pages/preview'),
  'POST /staff/settings/site': bare('/staff/settings/site'),
  'POST /staff/settings/site/logo': bare('/staff/settings/site/logo'),
  'POST /staff/settings/site/logo/remove': bare('/staff/settings/site/logo/remove'),
  'POST /staff/library/new': bare('/staff/library/new'),
  'POST /staff/library/:id': bare(`/staff/library/${item.id}`),
  'POST /staff/library/:id/status': bare(`/staff/library/${item.id}/status`),
  'POST /staff/library/:id/files/:fileId/remove': bare(`/staff/library/${item.id}/files/${item.id}/remove`),
  'POST /staff/library/contributors': bare('/staff/library/contributors'),
  'POST /library/contribute': bare('/library/contribute'),
  'POST /library/contribute/:id': bare(`/library/contribute/${item.id}`),
  'POST /presentations/:year/:slug/edit': bare(`/presentations/${given.year}/${givenOrg.slug}/edit`),
  'POST /staff/announcements': bare('/staff/announcements'),
  'POST /staff/announcements/preview': bare('/staff/announcements/preview'),
  'POST /staff/announcements/edit': bare('/staff/announcements/edit'),
  'POST /staff/announcements/:id/resend': bare(`/staff/announcements/${item.id}/resend`),
  'POST /staff/wordpress/uploads': bare('/staff/wordpress/uploads'),
  'POST /staff/wordpress/uploads/:token/commit': bare('/staff/wordpress/uploads/not-a-token/commit'),
  'POST /staff/wordpress/uploads/:token/discard': bare('/staff/wordpress/uploads/not-a-token/discard'),
  'POST /staff/wordpress/imports/:id/undo': bare(`/staff/wordpress/imports/${item.id}/undo`),
}
