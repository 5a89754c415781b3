import type { MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'

/**
 * Puts the network's identity and navigation where the layout finds them (`c.get('site')`).
 * Until staff set it, the layout shows the default chrome (src/ui/site-chrome.ts).
 */
export function loadSiteChrome(_deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    await next()
  }
}
