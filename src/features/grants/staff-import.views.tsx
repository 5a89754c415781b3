import { CsrfInput, Flash } from '#src/ui/form-parts.tsx'
import { formatDate, formatInstantInZone, formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { GrantImportRow } from './grant-imports-list.ts'
import { extractUploadScript } from './upload-script.ts'

/** What one import did, in a sentence. */
export const importCounts = (
  i: Pick<GrantImportRow, 'records' | 'added' | 'updated' | 'unchanged' | 'closed'>,
) =>
  `${formatNumber(i.records)} ${plural(i.records, 'record')} read: ${formatNumber(i.added)} added, ${formatNumber(i.updated)} updated, ${formatNumber(i.unchanged)} unchanged, ${formatNumber(i.closed)} already closed.`

const unknownText = (unknown: Record<string, number>) => {
  const names = Object.entries(unknown)
  return names.length === 0 ? 'None' : names.map(([name, n]) => `${name} (${formatNumber(n)})`).join(', ')
}

/** /staff/funding: upload a Grants.gov extract, and the imports so far. */
export function StaffFundingPage(props: {
  imports: GrantImportRow[]
  timeZone: string
  /** The import just made, to say what it did. */
  done?: GrantImportRow
  uploadError?: string
}) {
  return (
    <Layout title="Funding opportunities: imports">
      <div class="wrap">
        <StaffNav current="funding-imports" />
        <h1>Funding opportunities: imports</h1>
        <p class="lede">
          Grants.gov publishes every federal opportunity daily as one extract (GrantsDBExtractYYYYMMDDv2.zip).
          Upload it here, or run <code>hub grants import FILE</code> on the server. Importing the same extract
          again changes nothing, and an older extract never replaces newer versions.
        </p>
        {props.done ? (
          <Flash>
            Imported {props.done.fileName} (extract of {formatDate(props.done.extractDate)}).{' '}
            {importCounts(props.done)}
          </Flash>
        ) : null}
        {props.uploadError ? <Flash isError>{props.uploadError}</Flash> : null}
        <h2 id="upload-heading">Upload an extract</h2>
        <form
          method="post"
          action="/staff/funding/uploads"
          enctype="multipart/form-data"
          class="form-card upload-form"
          aria-labelledby="upload-heading"
          data-file-upload
          data-upload-reading="Importing… reading the extract"
          data-upload-progress="lines"
        >
          <CsrfInput />
          <div class="field">
            <label for="extract">Grants.gov extract (.xml or .zip, up to 512 MB)</label>
            <input
              id="extract"
              name="extract"
              type="file"
              accept=".xml,.zip,application/xml,text/xml,application/zip"
              required
            />
          </div>
          <div class="upload-progress" data-progress-box hidden>
            <progress max="100" aria-labelledby="upload-status" />
          </div>
          <p class="upload-status" id="upload-status" role="status" data-progress-status />
          <noscript>
            <p>
              This upload needs JavaScript (the file is streamed as it is). Without it, run{' '}
              <code>hub grants import FILE</code> on the server.
            </p>
          </noscript>
          <button type="submit" class="button">
            Upload and import
          </button>
        </form>
        <script src={extractUploadScript.src} defer />
        <p>
          <a href="/staff/funding/rules">Relevance rules</a>: what makes an opportunity fit a community.
        </p>
        <h2 id="imports-heading">Imports</h2>
        <ImportTable imports={props.imports} timeZone={props.timeZone} />
      </div>
    </Layout>
  )
}

function ImportTable(props: { imports: GrantImportRow[]; timeZone: string }) {
  if (props.imports.length === 0) return <p>No extract has been imported yet.</p>
  return (
    <section class="table-wrap" aria-labelledby="imports-heading" tabindex={0}>
      <table>
        <caption>The latest imports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Extract of</th>
            <th scope="col">Started</th>
            <th scope="col">Result</th>
            <th scope="col">Unknown elements</th>
          </tr>
        </thead>
        <tbody>
          {props.imports.map((i) => (
            <tr>
              <td>{i.fileName}</td>
              <td>{formatDate(i.extractDate)}</td>
              <td>
                {formatInstantInZone(i.startedAt, props.timeZone)}
                <br />
                <small>
                  {i.via === 'web' ? 'uploaded' : i.via === 'cli' ? 'command line' : 'daily fetch'}
                </small>
              </td>
              <td>
                {i.status === 'done'
                  ? importCounts(i)
                  : i.status === 'failed'
                    ? `Refused, nothing written: ${i.problem ?? 'no reason recorded'}`
                    : 'Still running (or stopped before it finished)'}
              </td>
              <td>{unknownText(i.unknownElements)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
