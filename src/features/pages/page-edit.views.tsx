import type { FieldErrors } from '#src/http/form.ts'
import { Select, TextArea, VisibilitySelect } from '#src/ui/fields.tsx'
import {
  CsrfInput,
  ErrorSummary,
  Field,
  Flashes,
  type FlashMessage,
  PublicationFields,
} from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { PlacedPage } from './page-places.ts'
import { previewScript } from './preview-script.ts'

export type EditorState = {
  /** Undefined for a new page. */
  page?: { id: string; path: string; isHome: boolean; isLive: boolean; hasChildren: boolean }
  values: Record<string, string>
  errors: FieldErrors
  /** Sanitized HTML of the body, when Preview was asked for. */
  previewHtml?: string
  brokenLinks: string[]
  flash?: FlashMessage
  parents: PlacedPage[]
  timeZone: string
}

/** The page editor: title, address, parent, Markdown body with its preview, publication and visibility. */
export function PageEditPage(props: EditorState) {
  const { values, errors, page } = props
  const heading = page ? (page.isHome ? 'Edit the home page’s text' : `Edit “${values.title}”`) : 'New page'
  return (
    <Layout title={heading}>
      <div class="wrap page-editor">
        <StaffNav current="pages" />
        <p class="meta">
          <a href="/staff/pages">All pages</a>
          {page ? (
            <>
              {' · '}
              <a href={`/staff/pages/${page.id}/revisions`}>Revisions</a>
              {page.isHome ? null : (
                <>
                  {' · '}
                  <a href={`/staff/pages/new?parent=${page.id}`}>Add a sub-page</a>
                </>
              )}
              {page.isLive ? (
                <>
                  {' · '}
                  <a href={page.path}>View the page</a>
                </>
              ) : null}
            </>
          ) : null}
        </p>
        <h1>{heading}</h1>
        <Flashes flash={props.flash} />
        <ErrorSummary errors={errors} />
        {props.brokenLinks.length > 0 ? (
          <div class="flash warning" role="status" id="broken-links">
            <p>
              {props.brokenLinks.length === 1 ? 'This link leads' : 'These links lead'} nowhere on the Hub (no
              page and no page of the Hub has that address). The page is saved all the same; correct the{' '}
              {props.brokenLinks.length === 1 ? 'link' : 'links'} or create the page.
            </p>
            <ul>
              {props.brokenLinks.map((href) => (
                <li>
                  <code>{href}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <form method="post" action={page ? `/staff/pages/${page.id}` : '/staff/pages/new'} class="page-form">
          <CsrfInput />
          <div class="page-form-main">
            <Field
              id="title"
              name="title"
              label="Title"
              value={values.title}
              error={errors.title}
              maxlength={200}
            />
            {page?.isHome ? null : (
              <>
                <Field
                  id="slug"
                  name="slug"
                  label="Address (slug)"
                  required={false}
                  hint={
                    page
                      ? `Now ${page.path}. Changing it keeps the old address working: it redirects here.`
                      : 'Leave empty to make it from the title. It stays when the title changes.'
                  }
                  value={values.slug}
                  error={errors.slug}
                  maxlength={80}
                />
                <Select
                  id="parentId"
                  name="parentId"
                  label="Parent page"
                  empty="None: a top-level page"
                  value={values.parentId}
                  error={errors.parentId}
                  options={props.parents.map((p) => ({
                    value: p.id,
                    label: `${'— '.repeat(p.depth)}${p.title}`,
                  }))}
                />
              </>
            )}
            <TextArea
              id="summary"
              name="summary"
              label={page?.isHome ? 'Introduction' : 'Summary'}
              hint="One or two sentences: link previews and search results show them."
              value={values.summary ?? ''}
              error={errors.summary}
              maxlength={500}
            />
            <TextArea
              id="bodyMarkdown"
              name="bodyMarkdown"
              label="Body (Markdown)"
              hint="Headings with ##, lists with -, links as [text](/path), tables with | columns |. Scripts and other active content are removed."
              value={values.bodyMarkdown ?? ''}
              error={errors.bodyMarkdown}
              rows={18}
            />
            <p>
              <button
                type="submit"
                name="action"
                value="preview"
                class="button secondary"
                id="preview-button"
              >
                Preview
              </button>
            </p>
            <section class="page-preview" aria-labelledby="preview-heading" aria-live="polite">
              <h2 id="preview-heading">Preview</h2>
              <div class="page-body" id="preview-output" data-preview-url="/staff/pages/preview">
                {props.previewHtml !== undefined ? (
                  // Sanitized by renderMarkdown before it reaches this view.
                  <div class="page-preview-html" dangerouslySetInnerHTML={{ __html: props.previewHtml }} />
                ) : (
                  <p class="note">Press Preview to see the body as visitors will.</p>
                )}
              </div>
            </section>
          </div>
          <div class="page-form-side">
            {page?.isHome ? null : (
              <PublicationFields
                names={{ date: 'publishDate', time: 'publishTime' }}
                values={{ status: values.status, date: values.publishDate, time: values.publishTime }}
                errors={{ status: errors.status, date: errors.publishDate, time: errors.publishTime }}
                timeZone={props.timeZone}
                dateHint="Needed to schedule the page; empty, a published page keeps the day it went out."
              >
                <VisibilitySelect value={values.visibility} error={errors.visibility} />
                <div class="field choice">
                  <input
                    id="showInNav"
                    name="showInNav"
                    type="checkbox"
                    value="yes"
                    checked={values.showInNav !== undefined && values.showInNav !== ''}
                  />
                  <label for="showInNav">Show in the navigation (top-level pages)</label>
                </div>
                <Field
                  id="navOrder"
                  name="navOrder"
                  type="number"
                  inputmode="numeric"
                  label="Position in the navigation"
                  required={false}
                  value={values.navOrder}
                  error={errors.navOrder}
                />
              </PublicationFields>
            )}
            {page?.isHome ? <p class="note">The home page is always published, for everyone.</p> : null}
            <Field
              id="note"
              name="note"
              label="What changed (for the revisions)"
              required={false}
              value={values.note}
              error={errors.note}
              maxlength={200}
            />
            <button type="submit" name="action" value="save" class="button">
              Save
            </button>
          </div>
        </form>
        {page && !page.isHome && !page.hasChildren ? (
          <form method="post" action={`/staff/pages/${page.id}/delete`} class="danger-zone">
            <CsrfInput />
            <h2>Delete this page</h2>
            <p>Its revisions go with it; its address will answer “not found”.</p>
            <button type="submit" class="button secondary">
              Delete the page
            </button>
          </form>
        ) : null}
      </div>
      <script src={previewScript.src} defer />
    </Layout>
  )
}
