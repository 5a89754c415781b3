import { renderMarkdown } from '#src/lib/markdown.ts'
import { Layout } from '#src/ui/layout.tsx'

type Link = { href: string; label: string }

/** A page of the site as visitors read it: breadcrumbs when nested, the body, its sub-pages. */
export function PublicPage(props: {
  title: string
  summary: string
  bodyMarkdown: string
  path: string
  /** The nav entry to mark current: the top-level page this one sits under. */
  current: string
  trail: Link[]
  subpages: Link[]
  isMembersOnly: boolean
}) {
  return (
    <Layout
      title={props.title}
      description={props.summary || undefined}
      canonicalPath={props.path}
      current={props.current}
    >
      <div class="wrap site-page">
        {props.trail.length > 0 ? (
          <nav aria-label="Breadcrumb" class="breadcrumbs">
            <ol>
              <li>
                <a href="/">Home</a>
              </li>
              {props.trail.map((item) => (
                <li>
                  <a href={item.href}>{item.label}</a>
                </li>
              ))}
              <li>
                <a href={props.path} aria-current="page">
                  {props.title}
                </a>
              </li>
            </ol>
          </nav>
        ) : null}
        <article>
          <h1>{props.title}</h1>
          {props.isMembersOnly ? <p class="badge">Members only</p> : null}
          {props.summary ? <p class="lede">{props.summary}</p> : null}
          {/* Staff's Markdown, through renderMarkdown's one allow-list. */}
          <div class="page-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(props.bodyMarkdown) }} />
        </article>
        {props.subpages.length > 0 ? (
          <nav aria-labelledby="subpages-heading" class="subpages">
            <h2 id="subpages-heading">In this section</h2>
            <ul>
              {props.subpages.map((child) => (
                <li>
                  <a href={child.href}>{child.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </Layout>
  )
}
