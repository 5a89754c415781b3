import { DATE_FORMATS } from '#src/lib/spreadsheet/cells.ts'
import { ButtonForm, CsrfInput, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber } from '#src/ui/format.ts'
import { ImportStatusCell, Stamp } from '#src/ui/import-status.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { HistoryImportItem } from './records.ts'

export const HISTORY_PATH = '/staff/attendance/history'
export const historyUrl = (id: string) => `${HISTORY_PATH}/${id}`

export type HistoryPageProps = {
  imports: HistoryImportItem[]
  timeZone: string
  flash?: FlashMessage
  uploadError?: string
}

/** Past attendance from a spreadsheet: what it may look like, the upload, and the imports so far. */
export function HistoryPage(props: HistoryPageProps) {
  return (
    <Layout title="Import past attendance">
      <div class="wrap">
        <StaffNav current="attendance-history" />
        <h1>Import past attendance</h1>
        <p class="lede">
          Bring in the attendance the network kept in spreadsheets before the Hub. You see what the file would
          record before anything is written; a committed file can be undone as a whole.
        </p>
        <Flashes flash={props.flash} />
        <h2 id="upload-heading">Upload a spreadsheet</h2>
        <ul>
          <li>A CSV file or an Excel workbook (.xlsx, its first sheet), up to 10 MB and 50,000 rows.</li>
          <li>
            A header row, then one row per call and organisation, or per call and person. Columns are found by
            their header, in any order and case: <strong>date</strong> (or call date);{' '}
            <strong>organisation</strong> (its name, short name or slug) or <strong>email</strong> /{' '}
            <strong>name</strong> of a person; optionally <strong>minutes</strong> (or duration) and{' '}
            <strong>attended</strong> (yes, no, 1, 0 or x).
          </li>
          <li>Dates are written {DATE_FORMATS}.</li>
          <li>
            A row for an organisation records its representative of that date (its alternate when the seat was
            empty), present for the whole call unless minutes are given: that is what the obligations count.
          </li>
          <li>
            Each date needs a call on record: add past calls on <a href="/calls">the calls pages</a> or with{' '}
            <code>hub calls backfill</code>. Presence already recorded by a report or a roll call is kept, not
            doubled.
          </li>
        </ul>
        <form
          method="post"
          action={HISTORY_PATH}
          enctype="multipart/form-data"
          class="form-card upload-form"
          aria-labelledby="upload-heading"
        >
          <CsrfInput />
          <div class="field">
            <label for="sheet">Spreadsheet (.csv or .xlsx)</label>
            <input
              id="sheet"
              name="sheet"
              type="file"
              accept=".csv,.tsv,.txt,.xlsx"
              required
              aria-invalid={props.uploadError ? 'true' : undefined}
              aria-describedby={props.uploadError ? 'sheet-error' : undefined}
            />
            {props.uploadError ? (
              <p class="error" id="sheet-error">
                {props.uploadError}
              </p>
            ) : null}
          </div>
          <button type="submit" class="button">
            Upload and preview
          </button>
        </form>
        <h2 id="imports-heading">Imports so far</h2>
        <ImportList imports={props.imports} timeZone={props.timeZone} />
      </div>
    </Layout>
  )
}

function ImportList(props: { imports: HistoryImportItem[]; timeZone: string }) {
  if (props.imports.length === 0) return <p>No spreadsheet of past attendance has been imported yet.</p>
  return (
    <section class="table-wrap" aria-labelledby="imports-heading" tabindex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col">Rows</th>
            <th scope="col">Written</th>
            <th scope="col">Uploaded</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {props.imports.map((item) => (
            <tr>
              <td class="file-cell">
                <a href={historyUrl(item.id)}>{item.fileName}</a>
                {item.via === 'cli' ? <span class="note"> (command line)</span> : null}
              </td>
              <ImportStatusCell item={item} timeZone={props.timeZone} />
              <td>{formatNumber(item.rowCount)}</td>
              <td>{formatNumber(item.written)}</td>
              <td class="note">
                <Stamp at={item.createdAt} by={item.createdBy} timeZone={props.timeZone} />
              </td>
              <td>
                {item.status === 'committed' ? (
                  <ButtonForm
                    action={`${historyUrl(item.id)}/undo`}
                    buttonClass="button secondary"
                    ariaLabel={`Undo ${item.fileName}`}
                  >
                    Undo
                  </ButtonForm>
                ) : item.status === 'preview' ? (
                  <a href={historyUrl(item.id)}>Review</a>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
