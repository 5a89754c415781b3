import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { formatFileSize } from '#src/features/files/index.ts'
import { renderMarkdown } from '#src/lib/markdown.ts'
import { isWebAddress } from '#src/lib/web-address.ts'
import { formatDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { LibraryItem } from './find-item.ts'
import { kindLabels, statusLabels, visibilityLabels } from './labels.ts'

/** /library/:slug: one briefing or resource, its text, files and links. */
export function LibraryItemPage(props: {
  item: LibraryItem
  canSeeMembers: boolean
  canManage: boolean
  hasDemoData?: boolean
  /** The funding opportunities staff pinned here that the viewer may see (the grants feature's list). */
  pinnedFunding?: Child
}) {
  const { item } = props
  const isPublic = item.status === 'published' && item.visibility === 'public'
  const links = item.links.filter((l) => isWebAddress(l.url))
  return (
    <Layout
      title={item.title}
      current="/library"
      hasDemoData={props.hasDemoData}
      description={item.summary || undefined}
      canonicalPath={isPublic ? `/library/${item.slug}` : undefined}
      ogType="article"
    >
      <article class="wrap">
        <p>
          <a href="/library">← Library</a>
        </p>
        <h1>{item.title}</h1>
        {item.status !== 'published' ? (
          <div class="flash warning" role="status">
            {statusLabels[item.status]}: only staff and the person who offered it can see this page.
          </div>
        ) : null}
        {item.summary ? <p class="lede">{item.summary}</p> : null}
        <dl class="facts">
          <dt>Kind</dt>
          <dd>{kindLabels[item.kind]}</dd>
          {item.publishedOn ? (
            <>
              <dt>Published</dt>
              <dd>{formatDate(item.publishedOn)}</dd>
            </>
          ) : null}
          <dt>Who can read it</dt>
          <dd>{visibilityLabels[item.visibility]}</dd>
          {item.callDate ? (
            <>
              <dt>Presented on</dt>
              <dd>
                {props.canSeeMembers ? (
                  <a href={`/calls/${item.callDate}`}>the call of {formatDate(item.callDate)}</a>
                ) : (
                  <>the call of {formatDate(item.callDate)}</>
                )}
              </dd>
            </>
          ) : null}
          {item.focusIndustries.length > 0 ? (
            <>
              <dt>Focus industries</dt>
              <dd>
                {item.focusIndustries.map((f, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <a href={`/library?focus=${encodeURIComponent(f)}`}>{f}</a>
                  </>
                ))}
              </dd>
            </>
          ) : null}
          {item.tags.length > 0 ? (
            <>
              <dt>Tags</dt>
              <dd>
                {item.tags.map((t, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <a href={`/library?tag=${encodeURIComponent(t)}`}>{t}</a>
                  </>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
        <div class="content">{raw(renderMarkdown(item.bodyMarkdown))}</div>
        {item.attachments.length > 0 ? (
          <section aria-labelledby="files-heading">
            <h2 id="files-heading">Files</h2>
            <ul>
              {item.attachments.map((a) => (
                <li>
                  <a href={`/library/${item.slug}/files/${a.fileId}`} download>
                    {a.name}
                  </a>{' '}
                  <span class="note">({formatFileSize(a.size)})</span>
                  {props.canManage && a.contentType === 'application/pdf' && !a.hasText ? (
                    <span class="note">
                      {' '}
                      The text of this PDF could not be read, so search does not find it.
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {links.length > 0 ? (
          <section aria-labelledby="links-heading">
            <h2 id="links-heading">Links</h2>
            <ul>
              {links.map((l) => (
                <li>
                  <a href={l.url} rel="noopener noreferrer">
                    {l.title}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {props.pinnedFunding}
        {props.canManage ? (
          <p>
            <a class="button secondary" href={`/staff/library/${item.id}`}>
              Edit this item
            </a>
          </p>
        ) : null}
      </article>
    </Layout>
  )
}
