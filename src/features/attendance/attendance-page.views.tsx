import { CsrfInput, Flash } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { ImportBadge, Stamp } from '#src/ui/import-status.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { CallLinks, callSentence, callUrl, formatLabels, importUrl, SummaryCounts } from './import-parts.tsx'
import type { ImportCall, ImportListItem } from './import-types.ts'
import { MAX_REPORT_BYTES } from './report-size.ts'
import { OpensOn } from './upcoming-call.views.tsx'
import { uploadScript } from './upload-progress.ts'

export type AttendancePageProps = {
  call: ImportCall
  imports: ImportListItem[]
  /** Why this call takes no new attendance (cancelled, or still to come). */
  closed?: string
  /** The call is still to come: the page says when its upload opens. */
  upcoming?: boolean
  notice?: string
  uploadError?: string
}

/** A call's attendance imports, and the form to upload a report. */
export function AttendancePage(props: AttendancePageProps) {
  const { call } = props
  return (
    <Layout title={`Attendance of the call of ${formatDate(call.localDate)}`}>
      <div class="wrap attendance-page">
        <CallLinks call={call} />
        <h1>Attendance of the call of {formatDate(call.localDate)}</h1>
        <p class="lede">
          {callSentence(call)}. Upload the attendance report the meeting tool made: you see who matched before
          anything is recorded.
        </p>
        {props.notice ? <Flash>{props.notice}</Flash> : null}
        {props.uploadError && props.closed ? <Flash isError>{props.uploadError}</Flash> : null}
        {props.uploadError && !props.closed ? (
          <Flash isError>
            <p>
              Nothing was imported: <a href="#report">see the problem with the file</a>.
            </p>
          </Flash>
        ) : null}

        <h2 id="upload-heading">Upload a report</h2>
        {props.upcoming ? (
          <OpensOn call={call} what="The upload of its report" />
        ) : props.closed ? (
          <p>{props.closed}</p>
        ) : (
          <UploadForm call={call} error={props.uploadError} />
        )}

        <h2 id="imports-heading">Imports for this call</h2>
        <ImportList call={call} imports={props.imports} />
        <p>
          Attendance kept in a spreadsheet before the Hub, for many calls at once:{' '}
          <a href="/staff/attendance/history">import past attendance</a>.
        </p>
      </div>
    </Layout>
  )
}

function UploadForm(props: { call: ImportCall; error?: string }) {
  const describedBy = props.error ? 'report-error report-hint' : 'report-hint'
  return (
    <>
      <form
        method="post"
        action={`${callUrl(props.call.localDate)}/imports`}
        enctype="multipart/form-data"
        class="form-card upload-form"
        aria-labelledby="upload-heading"
        data-upload-progress
        data-max-bytes={String(MAX_REPORT_BYTES)}
        novalidate
      >
        <CsrfInput />
        <div class="field">
          <label for="report">
            Report file: a Zoom participants CSV, a Teams attendance report or a Google Meet attendance CSV
          </label>
          <input
            id="report"
            name="report"
            type="file"
            class="report-input"
            accept=".csv,.tsv,.txt"
            required
            aria-invalid={props.error ? 'true' : undefined}
            aria-describedby={describedBy}
          />
          {props.error ? (
            <p class="error" id="report-error">
              {props.error}
            </p>
          ) : null}
          <p class="hint" id="report-hint">
            Download it from the meeting: in Zoom from Reports, Usage, Participants (with or without the
            meeting data); in Teams from the meeting’s Attendance tab; in Google Meet from the attendance
            email. Up to 5 MB.
          </p>
        </div>
        <div class="upload-progress" data-progress-box hidden>
          <progress max="100" aria-labelledby="upload-status" />
        </div>
        <p class="upload-status" id="upload-status" role="status" data-progress-status />
        <button type="submit" class="button">
          Upload and preview
        </button>
      </form>
      <script src={uploadScript.src} defer />
    </>
  )
}

function ImportList(props: { call: ImportCall; imports: ImportListItem[] }) {
  if (props.imports.length === 0) return <p>No report has been imported for this call yet.</p>
  return (
    <section class="table-wrap" aria-labelledby="imports-heading" tabindex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col">Participants</th>
            <th scope="col">Imported</th>
          </tr>
        </thead>
        <tbody>
          {props.imports.map((item) => (
            <tr>
              <td class="file-cell">
                <a href={importUrl(props.call.localDate, item.id)}>{item.fileName}</a>
                <br />
                <span class="note">{formatLabels[item.format]}</span>
              </td>
              <td>
                <ImportBadge status={item.status} />
                {item.undoneAt ? (
                  <>
                    <br />
                    <span class="note">
                      undone <Stamp at={item.undoneAt} timeZone={props.call.timeZone} />
                    </span>
                  </>
                ) : item.committedAt ? (
                  <>
                    <br />
                    <span class="note">
                      <Stamp at={item.committedAt} timeZone={props.call.timeZone} />
                    </span>
                  </>
                ) : null}
              </td>
              <td>
                <SummaryCounts summary={item.summary} />
              </td>
              <td>
                <Stamp at={item.createdAt} by={item.createdBy} timeZone={props.call.timeZone} />
                {item.via === 'cli' ? <span class="note"> (command line)</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
