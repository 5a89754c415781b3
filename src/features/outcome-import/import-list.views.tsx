import { Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber } from '#src/ui/format.ts'
import { ImportStatusCell, Stamp } from '#src/ui/import-status.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { OutcomeImportItem } from './records.ts'
import { UploadForm, type UploadFormProps } from './upload-form.views.tsx'

export const IMPORT_PATH = '/staff/outcomes/import'
export const importUrl = (id: string) => `${IMPORT_PATH}/${id}`

export type ImportListPageProps = UploadFormProps & {
  imports: OutcomeImportItem[]
  timeZone: string
  flash?: FlashMessage
}

/** A year's outcome figures from a spreadsheet: what it may look like, the upload, and the imports so far. */
export function ImportListPage(props: ImportListPageProps) {
  return (
    <Layout title="Import outcome figures">
      <div class="wrap">
        <StaffNav current="outcome-import" />
        <h1>Import outcome figures</h1>
        <p class="lede">
          Bring in a year's outcome figures from a spreadsheet. You see what the file would record before
          anything is written; each organization's figures become its verified report for the year, and a
          committed file can be undone as a whole.
        </p>
        <Flashes flash={props.flash} />
        <UploadForm {...props} />
        <h2 id="imports-heading">Imports so far</h2>
        <ImportList imports={props.imports} timeZone={props.timeZone} />
      </div>
    </Layout>
  )
}

function ImportList(props: { imports: OutcomeImportItem[]; timeZone: string }) {
  if (props.imports.length === 0) return <p>No spreadsheet of outcome figures has been imported yet.</p>
  return (
    <section class="table-wrap" aria-labelledby="imports-heading" tabindex={0}>
      <table>
        <caption class="visually-hidden">Outcome imports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Year</th>
            <th scope="col">Status</th>
            <th scope="col">Rows</th>
            <th scope="col">Reports</th>
            <th scope="col">Uploaded</th>
          </tr>
        </thead>
        <tbody>
          {props.imports.map((item) => (
            <tr>
              <td class="file-cell">
                <a href={importUrl(item.id)}>{item.fileName}</a>
              </td>
              <td>{item.periodStart.slice(0, 4)}</td>
              <ImportStatusCell item={item} timeZone={props.timeZone} />
              <td>{formatNumber(item.rowCount)}</td>
              <td>{formatNumber(item.written)}</td>
              <td class="note">
                <Stamp at={item.createdAt} by={item.createdBy} timeZone={props.timeZone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
