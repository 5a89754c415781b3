import { setTimeout as sleep } from 'node:timers/promises'
import type { MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { visibleTo } from '#src/http/permissions.ts'
import type { SiteChrome } from '#src/ui/site-chrome.ts'
import { getIdentity, logoUrl } from './identity.ts'
import { loadNavigation } from './navigation.ts'

/**
 * Puts the network's identity and navigation where the layout finds them (`c.get('site')`).
 * Both are remembered in the page cache (one per visibility: a members-only page is in the
 * navigation of members only), so a request costs no query until something changes.
 */
export function loadSiteChrome(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const visible = visibleTo(c.get('viewer'))
    const now = deps.clock.now()
    const lookup = deps.pages
      .remember(
        `site-chrome|${visible.join(',')}`,
        async (): Promise<SiteChrome> => {
          const { db } = deps.database
          const identity = await getIdentity(db)
          const { nav, nextChange } = await loadNavigation(db, visible, now)
          deps.pages.noteScheduledChange(nextChange)
          return {
            name: identity.siteName,
            shortName: identity.siteShortName,
            description: identity.siteDescription,
            contactEmail: identity.siteContactEmail || undefined,
            logoUrl: identity.siteLogoFileId ? logoUrl(identity.siteLogoFileId) : undefined,
            nav,
          }
        },
        now,
      )
      // Without the database (a 503 page, the health check) the layout shows the default chrome.
      .catch(() => undefined)
    // While the database's state is unknown nothing is cached: the page's own query says whether
    // the database answers, and the chrome waits a second at most, so a hung server costs one wait.
    const chrome = deps.pages.knowsVersion()
      ? await lookup
      : await Promise.race([lookup, sleep(1000, undefined, { ref: false })])
    if (chrome) c.set('site', chrome)
    await next()
  }
}
