import { getContext } from 'hono/context-storage'
import type { AppEnv } from '#src/http/deps.ts'

/** The network's identity and navigation, shown by the layout on every page. */
export type SiteChrome = {
  /** The network's full name ("American Manufacturing Community Collaborative"). */
  name: string
  /** Its short name ("AMCC"), used in titles and the header on small screens. */
  shortName: string
  /** One line about the network: the footer, the home page's description, feeds. */
  description: string
  /** Where the logo is served from, when one was uploaded. */
  logoUrl?: string
  /** The address people write to. */
  contactEmail?: string
  /** The published pages staff put in the navigation, in their order. */
  nav: { href: string; label: string }[]
}

/** Before staff name the network (or outside a request): a neutral identity. */
export const defaultChrome: SiteChrome = {
  name: 'Manufacturing Communities Network',
  shortName: 'Network',
  description: 'A national collaborative of regional manufacturing communities and their allies.',
  nav: [],
}

/** The chrome the site feature loaded for this request, or the default one. */
export function currentChrome(): SiteChrome {
  try {
    return getContext<AppEnv>().get('site') ?? defaultChrome
  } catch {
    return defaultChrome
  }
}

/** The origin of this request's Hub (for canonical and OpenGraph URLs), or undefined outside one. */
export function currentOrigin(): string | undefined {
  try {
    return getContext<AppEnv>().get('origin')
  } catch {
    return undefined
  }
}

/** The network's time zone for this request, in which pages write times; UTC (and say so) outside one. */
export function currentTimeZone(): string {
  try {
    return getContext<AppEnv>().get('timeZone') ?? 'UTC'
  } catch {
    return 'UTC'
  }
}
