import { sql } from 'drizzle-orm'
import type { Context } from 'hono'
import { etag } from 'hono/etag'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import type { AppDeps, AppEnv } from './deps.ts'

/**
 * Answers 304 when the browser already has this exact version of a GET answer: Hono's ETag
 * middleware, using the ETag a route set (sendCached's) or a hash of the body.
 * @example app.get('/directory', requirePermission('public'), conditionalGet, (c) => sendCached(…))
 */
export const conditionalGet = etag()

const contentTypes = { html: 'text/html; charset=utf-8', json: 'application/json; charset=utf-8' }

/**
 * Serves a public page or document from the page cache, rendering it on a miss, with the
 * page's ETag (mount `conditionalGet` on the route for the 304). `type` is 'html', 'json' or the
 * content type of another document that is the same for everyone (a feed, the sitemap).
 */
export async function sendCached(
  c: Context<AppEnv>,
  deps: AppDeps,
  options: { key: string; type: 'html' | 'json' | `${string}/${string}`; render: () => Promise<string> },
): Promise<Response> {
  // Only what everybody sees is cached: a signed-in page shows its viewer.
  if (options.type === 'html' && c.get('viewer')?.kind !== 'anonymous') {
    const body = await options.render()
    c.header('Cache-Control', 'private, no-cache')
    return c.html(body)
  }
  const page = await deps.pages.get(`${deps.clock.today()}|${options.key}`, options.render, deps.clock.now())
  // The whole answer may be sent again by the server itself (src/http/ready-answers.ts).
  c.set('readyAnswer', { version: page.version, body: page.body, etag: page.etag })
  const headers = {
    'Content-Type':
      options.type === 'html' || options.type === 'json' ? contentTypes[options.type] : options.type,
    ETag: page.etag,
    'Cache-Control': 'no-cache',
    'X-Cache': page.isHit ? 'hit' : 'miss',
  }
  return c.body(page.body as Uint8Array<ArrayBuffer>, 200, headers)
}

/** Whether the database holds demo records, for the banner that says so. */
export async function hasDemoData(db: DbOrTx): Promise<boolean> {
  const rows = await queryRows<{ yes: boolean }>(
    db,
    sql`select exists (select 1 from organizations where is_demo) as yes`,
  )
  return rows[0]?.yes === true
}
