import type { Hono } from 'hono'
import { createApp } from '../../src/app.ts'
import type { Database } from '../../src/db/client.ts'
import { type ContentVersionWatcher, watchContentVersion } from '../../src/features/site/content-version.ts'
import { PageCache } from '../../src/features/site/page-cache.ts'
import { DEMO_TODAY } from './fixtures.ts'

export type TestApp = {
  app: Hono
  watcher: ContentVersionWatcher
  pages: PageCache
  stop: () => Promise<void>
}

/** The real app over a test database, with the calendar fixed at `today`. */
export async function createTestApp(database: Database, today = DEMO_TODAY): Promise<TestApp> {
  const watcher = await watchContentVersion(database)
  const pages = new PageCache(watcher)
  const app = createApp({ database, pages, today: () => today })
  return { app, watcher, pages, stop: () => watcher.stop() }
}

/** Waits until `check` passes (for notifications that arrive asynchronously), at most `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
