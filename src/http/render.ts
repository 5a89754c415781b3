import type { Context } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { renderDocument } from '#src/ui/layout.tsx'
import type { AppEnv } from './deps.ts'

/** A page for someone signed in is theirs alone: no shared or browser cache keeps it. */
export const PRIVATE_NO_STORE = 'private, no-store'

/**
 * Answers with a whole HTML page: the doctype, the layout's viewer (from the request context), and
 * `Cache-Control: private, no-store` when someone is signed in. Public pages that are cached go
 * through `sendCached` (src/http/respond.ts) instead.
 * @example return renderPage(c, <CallPage call={call} />)
 */
export async function renderPage(
  c: Context<AppEnv>,
  page: JSX.Element,
  options: {
    status?: ContentfulStatusCode
    /** Never stored, even for a visitor: the page carries a form token, a secret or a one-time link. */
    neverStore?: boolean
    /** A stricter Cache-Control than the default (e.g. 'no-store' for a page showing a secret once). */
    cacheControl?: 'no-store'
  } = {},
): Promise<Response> {
  if (options.cacheControl) c.header('Cache-Control', options.cacheControl)
  else if (options.neverStore || c.get('viewer')?.kind === 'user') c.header('Cache-Control', PRIVATE_NO_STORE)
  return c.html(await renderDocument(page), options.status ?? 200)
}
