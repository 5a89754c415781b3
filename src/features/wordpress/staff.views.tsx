import { ButtonForm, CsrfInput, Flash, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatInstantInZone } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { FirstRows, SummaryView } from './summary.views.tsx'
import type { ImportListItem } from './undo-import.ts'
import { uploadScript } from './upload-script.ts'
import type { StoredPreview } from './upload-store.ts'

/** The staff page: upload an export, and the imports made, each with its undo. */
export function WordpressPage(props: {
  imports: ImportListItem[]
  timeZone: string
  flash?: FlashMessage
  uploadError?: string
}) {
  return (
    <Layout title="Import from WordPress">
      <div class="wrap">
        <StaffNav current="wordpress" />
        <h1>Import from WordPress</h1>
        <p class="lede">
          Bring the old site’s posts and pages into the Hub from its export (Tools, Export, All content, in
          WordPress.com or WordPress). You see what will change before anything is written; old addresses then
          redirect to the new ones.
        </p>
        <Flashes flash={props.flash} />
        {props.uploadError ? <Flash isError>{props.uploadError}</Flash> : null}
        <h2 id="upload-heading">Upload an export</h2>
        <form
          method="post"
          action="/staff/wordpress/uploads"
          enctype="multipart/form-data"
          class="form-card upload-form"
          aria-labelledby="upload-heading"
          data-file-upload
          data-upload-reading="Reading the export and comparing it with the Hub… (about a minute for 200 MB)"
        >
          <CsrfInput />
          <div class="field">
            <label for="export">WordPress export file (.xml, up to 256 MB)</label>
            <input id="export" name="export" type="file" accept=".xml,application/xml,text/xml" required />
          </div>
          <div class="upload-progress" data-progress-box hidden>
            <progress max="100" aria-labelledby="upload-status" />
          </div>
          <p class="upload-status" id="upload-status" role="status" data-progress-status />
          <noscript>
            <p>
              This upload needs JavaScript (the file is streamed as it is). Without it, run{' '}
              <code>hub wordpress import FILE.xml</code> on the server.
            </p>
          </noscript>
          <button type="submit" class="button">
            Upload and preview
          </button>
        </form>
        <script src={uploadScript.src} defer />
        <h2 id="imports-heading">Imports</h2>
        <ImportList imports={props.imports} timeZone={props.timeZone} />
      </div>
    </Layout>
  )
}

function ImportList(props: { imports: ImportListItem[]; timeZone: string }) {
  if (props.imports.length === 0) return <p>Nothing has been imported from WordPress yet.</p>
  return (
    <section class="table-wrap" aria-labelledby="imports-heading" tabindex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Imported</th>
            <th scope="col">What it did</th>
            <th scope="col">Undo</th>
          </tr>
        </thead>
        <tbody>
          {props.imports.map((i) => (
            <tr>
              <td>
                {i.fileName}
                <br />
                <small>{i.siteUrl}</small>
              </td>
              <td>
                {formatInstantInZone(i.importedAt, props.timeZone)}
                {i.importedBy ? ` by ${i.importedBy}` : ' from the command line'}
              </td>
              <td>
                {i.summary.posts?.created ?? 0} posts and {i.summary.pages?.created ?? 0} pages new,{' '}
                {(i.summary.posts?.updated ?? 0) + (i.summary.pages?.updated ?? 0)} updated
              </td>
              <td>
                {i.undoneAt ? (
                  `Undone ${formatInstantInZone(i.undoneAt, props.timeZone)}`
                ) : (
                  <ButtonForm
                    action={`/staff/wordpress/imports/${i.id}/undo`}
                    buttonClass="button secondary"
                    ariaLabel={`Undo the import of ${i.fileName}`}
                  >
                    Undo
                  </ButtonForm>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">
        Undo removes the posts and pages an import created, with their redirects; what it only updated keeps
        the change.
      </p>
    </section>
  )
}

/** The preview of an uploaded export: what committing it would do. */
export function PreviewPage(props: { token: string; preview: StoredPreview }) {
  const { summary } = props.preview
  const nothing =
    summary.posts.created + summary.posts.updated + summary.pages.created + summary.pages.updated === 0
  return (
    <Layout title={`Preview: ${props.preview.fileName}`}>
      <div class="wrap">
        <StaffNav current="wordpress" />
        <h1>Preview of {props.preview.fileName}</h1>
        <p class="lede">
          Nothing is written yet. Committing imports everything below in one step; you can undo it afterwards.
        </p>
        {nothing ? (
          <Flash>Everything in this file is already in the Hub: committing changes nothing.</Flash>
        ) : null}
        <h2>What the file holds</h2>
        <SummaryView summary={summary} />
        <h2>First items</h2>
        <FirstRows rows={props.preview.firstRows} />
        <div class="actions-row">
          <ButtonForm action={`/staff/wordpress/uploads/${props.token}/commit`} formClass="inline-form">
            Commit the import
          </ButtonForm>
          <ButtonForm
            action={`/staff/wordpress/uploads/${props.token}/discard`}
            formClass="inline-form"
            buttonClass="button secondary"
          >
            Discard
          </ButtonForm>
        </div>
      </div>
    </Layout>
  )
}
