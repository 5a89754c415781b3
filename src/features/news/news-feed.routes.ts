import type { Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { conditionalGet, sendCached } from '#src/http/respond.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import { atomFeed, type FeedContext, rssFeed } from './news-feeds.ts'
import { feedPosts, nextScheduledPost } from './news-queries.ts'
import { FEED_SIZE } from './news-types.ts'

const feeds = {
  rss: { path: '/news/rss.xml', type: 'application/rss+xml; charset=utf-8', build: rssFeed },
  atom: { path: '/news/atom.xml', type: 'application/atom+xml; charset=utf-8', build: atomFeed },
} as const

/**
 * Answers a feed from the page cache. A feed carries public posts only, whoever asks, so one copy
 * serves every reader; it goes stale when a post is saved or the next scheduled one is due.
 */
async function sendFeed(c: Context<AppEnv>, deps: AppDeps, kind: keyof typeof feeds): Promise<Response> {
  const feed = feeds[kind]
  const origin = c.get('origin') ?? deps.origin
  const render = async () => {
    const now = deps.clock.now()
    const posts = await feedPosts(deps.database.db, { now, limit: FEED_SIZE })
    deps.pages.noteScheduledChange(await nextScheduledPost(deps.database.db, now))
    const context: FeedContext = { site: currentChrome(), origin, posts }
    return feed.build(context)
  }
  return sendCached(c, deps, { key: `news|feed|${kind}`, type: feed.type, render })
}

/** The RSS 2.0 and Atom 1.0 feeds of the newest public posts. */
export function newsFeedRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  app.get(feeds.rss.path, requirePermission('public'), conditionalGet, (c) => sendFeed(c, deps, 'rss'))
  app.get(feeds.atom.path, requirePermission('public'), conditionalGet, (c) => sendFeed(c, deps, 'atom'))
}
