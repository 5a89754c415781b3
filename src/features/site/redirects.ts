import { eq, inArray } from 'drizzle-orm'
import type { Context, MiddlewareHandler } from 'hono'
import type { DbOrTx } from '#src/db/client.ts'
import { redirects } from '#src/db/schema/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { isHubPath } from '#src/lib/markdown.ts'

/** The path with its percent-escapes in upper or lower case ('%D9%85' and '%d9%85' are one byte). */
const escapesIn = (path: string, caseOf: 'upper' | 'lower') =>
  path.replace(/%[0-9a-f]{2}/gi, (pair) => (caseOf === 'upper' ? pair.toUpperCase() : pair.toLowerCase()))

/**
 * The forms an old address may have been recorded in: as asked, and with or without its
 * trailing slash ('/2016/05/12/amp-socal/' and '/2016/05/12/amp-socal'), its percent-escapes in
 * either case (WordPress writes '%d9%85', browsers send '%D9%85'). Queries are kept only for
 * WordPress's own ('/?p=123', '/?page_id=7'), in that one spelling.
 */
export function redirectKeys(path: string, search: URLSearchParams): string[] {
  for (const name of ['p', 'page_id']) {
    const id = search.get(name)
    if (id && /^\d+$/.test(id) && path === '/') return [`/?${name}=${id}`]
  }
  const spellings = [path, escapesIn(path, 'upper'), escapesIn(path, 'lower')]
  return [
    ...new Set(
      spellings.flatMap((spelling) => {
        const bare = spelling.length > 1 ? spelling.replace(/\/+$/, '') : spelling
        return [spelling, bare, `${bare}/`]
      }),
    ),
  ]
}

/** Every spelling of an old address as recorded that the Hub follows to the same place (see redirectKeys). */
export const oldAddressSpellings = (address: string): string[] =>
  address.startsWith('/?') ? [address] : redirectKeys(address, new URLSearchParams())

/** Where an old address now lives, or undefined. */
export async function findRedirect(
  db: DbOrTx,
  path: string,
  search: URLSearchParams,
): Promise<string | undefined> {
  const keys = redirectKeys(path, search)
  const rows = await db
    .select({ from: redirects.fromPath, to: redirects.toPath })
    .from(redirects)
    .where(keys.length === 1 ? eq(redirects.fromPath, keys[0] as string) : inArray(redirects.fromPath, keys))
  return rows.find((row) => row.to !== path)?.to
}

/** Records that an old address now lives elsewhere (a changed slug, an imported permalink). */
export async function recordRedirect(db: DbOrTx, fromPath: string, toPath: string): Promise<void> {
  if (fromPath === toPath) return
  if (!isHubPath(toPath)) throw new Error(`a redirect goes to a path of the Hub, not ${toPath}`)
  await db
    .insert(redirects)
    .values({ fromPath, toPath })
    .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath } })
  // An address that pointed at the old one now points at the new one: no chains.
  await db.update(redirects).set({ toPath }).where(eq(redirects.toPath, fromPath))
}

/** Sends a request through the whole app (the app's own `fetch`), as the server would. */
export type AppDispatch = (request: Request, env: Context<AppEnv>['env']) => Response | Promise<Response>

/**
 * Answers a GET that nothing else answered (a 404) with a permanent redirect when the address
 * is an old one. WordPress's '/?p=ID' lands on the home page, so it is checked before the routes.
 * An old address is followed only when its new one answers this reader (asked through the app,
 * with the reader's own cookies and token): otherwise it stays a 404 like any unknown address, so
 * that a renamed draft, members-only or withdrawn item does not give away its new name.
 */
export function answerOldAddresses(deps: AppDeps, dispatch: AppDispatch): MiddlewareHandler<AppEnv> {
  // The requests this middleware sends to look at a new address: they follow no old address.
  const lookups = new WeakSet<Request>()
  const answersReader = async (c: Context<AppEnv>, to: string) => {
    const lookup = new Request(new URL(to, c.req.url), { method: 'HEAD', headers: c.req.raw.headers })
    lookups.add(lookup)
    const answer = await dispatch(lookup, c.env)
    await answer.body?.cancel()
    return answer.status < 400
  }
  const newAddress = async (c: Context<AppEnv>, url: URL) => {
    const to = await findRedirect(deps.database.db, url.pathname, url.searchParams)
    return to && (await answersReader(c, to)) ? to : undefined
  }
  return async (c, next) => {
    const isGet = c.req.method === 'GET' || c.req.method === 'HEAD'
    if (!isGet || lookups.has(c.req.raw)) return next()
    const url = new URL(c.req.url)
    if (url.pathname === '/' && (url.searchParams.has('p') || url.searchParams.has('page_id'))) {
      const to = await newAddress(c, url)
      if (to) return c.redirect(to, 301)
    }
    await next()
    if (c.res.status === 404) {
      const to = await newAddress(c, url)
      if (to) c.res = c.redirect(to, 301)
    }
  }
}
