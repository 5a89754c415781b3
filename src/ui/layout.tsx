import type { Child } from 'hono/jsx'
import { siteCssPath } from './assets.ts'
import { currentChrome, currentOrigin } from './site-chrome.ts'
import { ViewerNav } from './viewer-nav.tsx'

export type LayoutProps = {
  title: string
  description?: string
  /** The href of the nav entry to mark as the current page ('/', '/news', '/about/mission'). */
  current?: string
  hasDemoData?: boolean
  /** This page's own path, for the canonical link and OpenGraph (public pages only). */
  canonicalPath?: string
  /** An image for link previews (a path on the Hub or an https URL). */
  image?: string
  /** 'article' for a news post or a library item; 'website' otherwise. */
  ogType?: 'website' | 'article'
  /** The search box starts with this text (the search page). */
  query?: string
  /** Asks search engines not to index the page (search results). */
  noindex?: boolean
  children: Child
}

/** The fixed entries of the navigation; staff's published pages come after Home. */
const fixedNav = {
  before: [{ href: '/', label: 'Home' }],
  after: [
    { href: '/news', label: 'News' },
    { href: '/library', label: 'Library' },
    { href: '/directory', label: 'Directory and map' },
    { href: '/impact', label: 'Impact' },
    { href: '/apply', label: 'Apply' },
  ],
}

const absolute = (origin: string | undefined, href: string) =>
  origin && href.startsWith('/') ? `${origin}${href}` : href

export function Layout(props: LayoutProps) {
  const site = currentChrome()
  const origin = currentOrigin()
  const nav = [...fixedNav.before, ...site.nav, ...fixedNav.after]
  const title = props.title === site.name ? site.name : `${props.title} · ${site.shortName}`
  const description = props.description ?? site.description
  const image = props.image ?? site.logoUrl
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        {props.canonicalPath ? (
          <>
            <link rel="canonical" href={absolute(origin, props.canonicalPath)} />
            <meta property="og:site_name" content={site.name} />
            <meta property="og:title" content={props.title} />
            <meta property="og:description" content={description} />
            <meta property="og:type" content={props.ogType ?? 'website'} />
            <meta property="og:url" content={absolute(origin, props.canonicalPath)} />
            {image ? <meta property="og:image" content={absolute(origin, image)} /> : null}
            <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
            <meta name="twitter:title" content={props.title} />
            <meta name="twitter:description" content={description} />
            {image ? <meta name="twitter:image" content={absolute(origin, image)} /> : null}
          </>
        ) : null}
        <link rel="icon" href={site.logoUrl ? '/favicon.png' : '/favicon.svg'} />
        <link
          rel="alternate"
          type="application/rss+xml"
          title={`${site.name}: news (RSS)`}
          href="/news/rss.xml"
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${site.name}: news (Atom)`}
          href="/news/atom.xml"
        />
        <link rel="stylesheet" href={siteCssPath} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="/">
              {site.logoUrl ? (
                <img src={site.logoUrl} alt="" class="brand-logo" width="32" height="32" />
              ) : null}
              <span class="brand-name">{site.name}</span>
              <span class="brand-short">{site.shortName}</span>
            </a>
            {/* On a narrow screen the search and the navigation fold into a menu the button opens:
                a popover, so it needs no script, answers the keyboard (Enter, Escape) and tells
                assistive technology whether it is open. On a wide screen the button is hidden and
                the menu's box is dissolved (display: contents): the row is what it always was. */}
            <button type="button" class="menu-button" popovertarget="site-menu" aria-controls="site-menu">
              Menu
            </button>
            <div id="site-menu" class="site-menu" popover="auto">
              <search class="site-search">
                <form method="get" action="/search">
                  <label for="site-search-q" class="visually-hidden">
                    Search the site
                  </label>
                  <input
                    id="site-search-q"
                    type="search"
                    name="q"
                    value={props.query ?? ''}
                    placeholder="Search"
                  />
                  <button type="submit">Search</button>
                </form>
              </search>
              <nav class="site-nav" aria-label="Main">
                <ul>
                  {nav.map((item) => (
                    <li>
                      <a href={item.href} aria-current={props.current === item.href ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  ))}
                  <ViewerNav />
                </ul>
              </nav>
            </div>
          </div>
        </header>
        {props.hasDemoData ? (
          <aside class="demo-banner" aria-label="About this demo">
            <div class="wrap">
              Demo network: community facts come from public sources; people, memberships, calls and
              attendance are made up for the demonstration.
            </div>
          </aside>
        ) : null}
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              <strong>{site.name}</strong>. {site.description}
            </p>
            {site.contactEmail ? (
              <p>
                Write to us: <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
              </p>
            ) : null}
          </div>
        </footer>
      </body>
    </html>
  )
}

/** Renders a page to a full HTML document string (JSX adds no doctype). */
export async function renderDocument(node: { toString(): string | Promise<string> }): Promise<string> {
  return `<!DOCTYPE html>${await node.toString()}`
}
