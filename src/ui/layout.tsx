import type { Child } from 'hono/jsx'
import { siteCssPath } from './assets.ts'
import { ViewerNav } from './viewer-nav.tsx'

export type LayoutProps = {
  title: string
  description?: string
  /** The nav entry to mark as the current page. */
  current?: 'home' | 'directory' | 'apply'
  hasDemoData?: boolean
  children: Child
}

const navItems = [
  { key: 'home', href: '/', label: 'Home' },
  { key: 'directory', href: '/directory', label: 'Directory and map' },
  { key: 'apply', href: '/apply', label: 'Apply' },
] as const

export function Layout(props: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Collaborative Hub`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={siteCssPath} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="/">
              Collaborative Hub
            </a>
            <nav class="site-nav" aria-label="Main">
              <ul>
                {navItems.map((item) => (
                  <li>
                    <a href={item.href} aria-current={props.current === item.key ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
                <ViewerNav />
              </ul>
            </nav>
          </div>
        </header>
        {props.hasDemoData ? (
          <div class="demo-banner">
            <div class="wrap">
              Demo network: community facts come from public sources; people, memberships, calls and
              attendance are made up for the demonstration.
            </div>
          </div>
        ) : null}
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            A national collaborative of regional manufacturing communities and their federal, non-profit and
            private allies.
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
