import type { ImportStatus, MatchMethod, ReportFormat } from '#src/db/schema/index.ts'
import { formatFileSize } from '#src/features/files/index.ts'
import { seatLabels } from '#src/features/seats/index.ts'
import { CsrfInput, Flash } from '#src/ui/form-parts.tsx'
import { formatDate, formatInstantInZone, formatNumber, formatTimeInZone, plural } from '#src/ui/format.ts'
import { isoInstant } from '#src/ui/format-instant.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { ImportCall, ImportListItem, ImportRow, ImportSummary, ImportView } from './imports.ts'
import { MAX_REPORT_BYTES } from './report-size.ts'
import { uploadScriptPath } from './upload-progress.ts'

/** Unresolved participants shown with a form at once: each form lists every person, so a long review list comes in turns. */
const FORMS_AT_ONCE = 20

export const callUrl = (date: string) => `/staff/calls/${date}/attendance`
export const importUrl = (date: string, id: string) => `${callUrl(date)}/imports/${id}`

export const formatLabels: Record<ReportFormat, string> = {
  zoom: 'Zoom participants',
  'zoom-unique': 'Zoom participants (unique users)',
  teams: 'Microsoft Teams attendance report',
  meet: 'Google Meet attendance',
}

const statusLabels: Record<ImportStatus, string> = {
  preview: 'Preview, not committed',
  committed: 'Committed',
  undone: 'Undone',
}

const matchLabels: Record<MatchMethod, string> = {
  email: 'email',
  alias: 'alias (remembered)',
  name: 'name',
  manual: 'manual',
  guest: 'guest',
}

/** The calendar day of an instant in a zone: 'November 26, 2026'. */
export function formatDayIn(instant: string, timeZone: string): string {
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return instant
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(d)
}

/** A wall-clock time in the call's zone, without the zone: '1:02 PM'. */
function formatClock(instant: string, timeZone: string): string {
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return instant
  return new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(d)
}

/** Time present: 3994 -> '66 min 34 s'; whole minutes lose the seconds. */
export function formatPresence(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  if (minutes === 0) return `${rest} s`
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`
}

const Stamp = (props: { at: string | null; who: string | null; timeZone: string }) =>
  props.at ? (
    <>
      <time datetime={isoInstant(props.at)}>{formatInstantInZone(props.at, props.timeZone)}</time>
      {props.who ? ` by ${props.who}` : null}
    </>
  ) : null

/** Links from a call's attendance pages to the call and its roll call. */
function CallLinks(props: { call: ImportCall; back?: boolean }) {
  const date = props.call.localDate
  return (
    <p class="call-links">
      {props.back ? (
        <>
          <a href={callUrl(date)}>← Attendance of the call</a> ·{' '}
        </>
      ) : null}
      <a href={`/calls/${date}`}>The call of {formatDate(date)}</a> ·{' '}
      <a href={`/staff/calls/${date}/roll-call`}>Roll call</a>
    </p>
  )
}

function callSentence(call: ImportCall): string {
  const when = `${formatDate(call.localDate)} at ${formatTimeInZone(call.startsAt, call.timeZone)}, ${call.durationMinutes} minutes`
  return call.status === 'cancelled' ? `${when} (cancelled)` : when
}

function SummaryCounts(props: { summary: ImportSummary }) {
  const s = props.summary
  return (
    <span class="note">
      {formatNumber(s.participants)} {plural(s.participants, 'participant')}: {formatNumber(s.matched)}{' '}
      matched, {formatNumber(s.unmatched)} unmatched, {formatNumber(s.guests)} {plural(s.guests, 'guest')};{' '}
      {formatNumber(s.counting)} counting for {formatNumber(s.organizations)}{' '}
      {plural(s.organizations, 'organisation')}
    </span>
  )
}

export type AttendancePageProps = {
  call: ImportCall
  imports: ImportListItem[]
  /** Why this call takes no new attendance (cancelled, or still to come). */
  closed?: string
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
        {props.closed ? <p>{props.closed}</p> : <UploadForm call={call} error={props.uploadError} />}

        <h2 id="imports-heading">Imports for this call</h2>
        <ImportList call={call} imports={props.imports} />
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
      <script src={uploadScriptPath} defer />
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
                <span class={`badge import-${item.status}`}>{statusLabels[item.status]}</span>
                {item.undoneAt ? (
                  <>
                    <br />
                    <span class="note">
                      undone <Stamp at={item.undoneAt} who={null} timeZone={props.call.timeZone} />
                    </span>
                  </>
                ) : item.committedAt ? (
                  <>
                    <br />
                    <span class="note">
                      <Stamp at={item.committedAt} who={null} timeZone={props.call.timeZone} />
                    </span>
                  </>
                ) : null}
              </td>
              <td>
                <SummaryCounts summary={item.summary} />
              </td>
              <td>
                <Stamp at={item.createdAt} who={item.createdBy} timeZone={props.call.timeZone} />
                {item.via === 'cli' ? <span class="note"> (command line)</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export type Candidate = { id: string; fullName: string; email: string; seatLabel: string | null }

export type ImportPageProps = {
  call: ImportCall
  imp: ImportView
  candidates: Candidate[]
  closed?: string
  notice?: { text: string; isError?: boolean }
  /** A refused match, shown beside the participant's form with the choice kept. */
  resolveError?: { position: number; value: string; message: string }
}

/** One import: its source, its summary, the participants to match by hand, and commit, discard or undo. */
export function ImportPage(props: ImportPageProps) {
  const { call, imp } = props
  const unresolved = imp.rows.filter((r) => r.match === null)
  const canMatch = imp.status !== 'undone' && !props.closed
  const title = `${imp.status === 'preview' ? 'Preview of' : 'Import of'} ${imp.fileName}`
  return (
    <Layout title={title}>
      <div class="wrap import-page">
        <CallLinks call={call} back />
        <div class="profile-head">
          <h1>{title}</h1>
          <span class={`badge import-${imp.status}`}>{statusLabels[imp.status]}</span>
        </div>
        <p class="lede">
          {imp.status === 'preview'
            ? 'Nothing is recorded yet. Check who matched, decide about the others, then commit.'
            : imp.status === 'committed'
              ? 'The attendance of the matched people is recorded for the call.'
              : 'This import was undone: the attendance it recorded is removed. Its record and file stay.'}
        </p>
        {props.notice ? <Flash isError={props.notice.isError}>{props.notice.text}</Flash> : null}
        {props.resolveError ? (
          <Flash isError>
            <p>
              Nothing was changed:{' '}
              <a href={`#match-${props.resolveError.position}`}>see the participant marked below</a>.
            </p>
          </Flash>
        ) : null}

        {imp.dateWarning && imp.status === 'preview' ? (
          <div class="flash attention" role="status">
            <p>{imp.dateWarning}</p>
          </div>
        ) : null}

        <ImportFacts call={call} imp={imp} />

        <h2 id="summary-heading">Summary</h2>
        <ul class="figures import-figures" aria-labelledby="summary-heading">
          <Figure value={imp.summary.participants} label="participants" />
          <Figure value={imp.summary.matched} label="matched" />
          <Figure value={imp.summary.unmatched} label="unmatched" />
          <Figure value={imp.summary.guests} label="guests" />
          <Figure value={imp.summary.counting} label="counting rows" />
          <Figure value={imp.summary.organizations} label="organisations counted" />
        </ul>
        <p class="note">
          A participant counts for an organisation when they hold its representative or alternate seat on{' '}
          {formatDate(call.localDate)} and were present at least {imp.minimumMinutes} minutes.
          {imp.status === 'preview' ? ' Nothing counts until the import is committed.' : ''}
          {imp.status === 'undone' ? ' Since the import was undone, none of these rows counts any more.' : ''}
        </p>

        {unresolved.length > 0 && imp.status !== 'undone' ? (
          <section aria-labelledby="needs-decision-heading" id="needs-decision">
            <h2 id="needs-decision-heading">Needs a decision ({formatNumber(unresolved.length)})</h2>
            {canMatch ? (
              <>
                <p>
                  Say who each of these participants is. The name (and email) is remembered, so the next
                  report matches them by itself.
                  {unresolved.length > FORMS_AT_ONCE
                    ? ` The first ${FORMS_AT_ONCE} are shown; the next ones appear as you decide.`
                    : ''}
                </p>
                <ol class="resolve-list">
                  {unresolved.slice(0, FORMS_AT_ONCE).map((row) => (
                    <ResolveForm
                      call={call}
                      imp={imp}
                      row={row}
                      candidates={props.candidates}
                      error={props.resolveError?.position === row.position ? props.resolveError : undefined}
                    />
                  ))}
                </ol>
              </>
            ) : (
              <p>{props.closed}</p>
            )}
          </section>
        ) : null}

        <ImportActions call={call} imp={imp} unresolved={unresolved.length} closed={props.closed} />

        <h2 id="participants-heading">All participants</h2>
        <ParticipantTable
          call={call}
          rows={imp.rows}
          countsLabel={imp.status === 'committed' ? 'Counts' : 'Would count'}
          changeBase={canMatch ? `${importUrl(call.localDate, imp.id)}/participants` : undefined}
        />
      </div>
    </Layout>
  )
}

export type ParticipantPageProps = {
  call: ImportCall
  imp: ImportView
  row: ImportRow
  candidates: Candidate[]
  error?: { value: string; message: string }
}

/** Changing who one participant of an import is, when the automatic or earlier match was wrong. */
export function ParticipantPage(props: ParticipantPageProps) {
  const { call, imp, row } = props
  const title = `Who is ${row.name}?`
  return (
    <Layout title={title}>
      <div class="wrap import-page">
        <p class="call-links">
          <a href={importUrl(call.localDate, imp.id)}>
            ← {imp.status === 'preview' ? 'Preview of' : 'Import of'} {imp.fileName}
          </a>
        </p>
        <h1>{title}</h1>
        <p class="lede">
          {row.match === null
            ? 'Nobody is matched to this participant yet.'
            : row.match === 'guest'
              ? 'This participant is marked as a guest.'
              : `Matched to ${row.personName ?? 'someone'} (${matchLabels[row.match].toLowerCase()}).`}{' '}
          The choice is remembered for the next reports: other unmatched rows with the same name or email in
          this import follow it too.
          {imp.status === 'committed' ? ' The call’s attendance changes at once.' : ''}
        </p>
        {props.error ? (
          <Flash isError>
            <p>
              Nothing was changed: <a href={`#match-${row.position}`}>{props.error.message}</a>
            </p>
          </Flash>
        ) : null}
        <ol class="resolve-list">
          <ResolveForm
            call={call}
            imp={imp}
            row={row}
            candidates={props.candidates}
            error={props.error}
            submitLabel="Save"
          />
        </ol>
      </div>
    </Layout>
  )
}

const Figure = (props: { value: number; label: string }) => (
  <li class="figure">
    <span class="value">{formatNumber(props.value)}</span>
    <span class="label">{props.label}</span>
  </li>
)

function ImportFacts(props: { call: ImportCall; imp: ImportView }) {
  const { imp, call } = props
  const tz = call.timeZone
  return (
    <dl class="facts import-facts">
      <dt>File</dt>
      <dd>
        {imp.fileName} ({formatFileSize(imp.size)}) ·{' '}
        <a href={`${importUrl(call.localDate, imp.id)}/source`} download>
          Download the source file
        </a>
      </dd>
      <dt>Format</dt>
      <dd>{formatLabels[imp.format]}</dd>
      <dt>SHA-256</dt>
      <dd>
        <details class="hash">
          <summary class="hash-summary">
            <code title={imp.sha256}>{imp.sha256.slice(0, 12)}…</code>
          </summary>
          <code class="full-hash">{imp.sha256}</code>
        </details>
      </dd>
      <dt>Uploaded</dt>
      <dd>
        <Stamp at={imp.createdAt} who={imp.createdBy} timeZone={tz} />
        {imp.via === 'cli' ? ' from the command line' : null}
      </dd>
      {imp.committedAt ? (
        <>
          <dt>Committed</dt>
          <dd>
            <Stamp at={imp.committedAt} who={imp.committedBy} timeZone={tz} />
          </dd>
        </>
      ) : null}
      {imp.undoneAt ? (
        <>
          <dt>Undone</dt>
          <dd>
            <Stamp at={imp.undoneAt} who={imp.undoneBy} timeZone={tz} />
          </dd>
        </>
      ) : null}
    </dl>
  )
}

function ResolveForm(props: {
  call: ImportCall
  imp: ImportView
  row: ImportRow
  candidates: Candidate[]
  error?: { value: string; message: string }
  /** The button's word: 'Match' on the review list, 'Save' when changing a match. */
  submitLabel?: string
}) {
  const { row, error } = props
  const id = `match-${row.position}`
  const seatHolders = props.candidates.filter((p) => p.seatLabel)
  const others = props.candidates.filter((p) => !p.seatLabel)
  const selected =
    error?.value ?? (props.submitLabel ? (row.match === 'guest' ? 'guest' : (row.personId ?? '')) : '')
  return (
    <li class="resolve-item" id={`resolve-${row.position}`}>
      <form
        method="post"
        action={`${importUrl(props.call.localDate, props.imp.id)}/participants/${row.position}`}
        class="resolve-form"
      >
        <CsrfInput />
        <p class="resolve-who">
          <strong id={`${id}-name`}>{row.name}</strong>
          {row.rawName !== row.name ? <span class="note"> (in the report: {row.rawName})</span> : null}
          <br />
          <span class="note">
            {row.email ?? 'no email'} · {formatPresence(row.seconds)}
          </span>
        </p>
        <div class="field">
          <label for={id}>Who is {row.name}?</label>
          <select
            id={id}
            name="personId"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            <option value="">Choose a person…</option>
            <option value="guest" selected={selected === 'guest'}>
              Guest (not part of the network)
            </option>
            {seatHolders.length > 0 ? (
              <optgroup label={`Holding a seat on ${formatDate(props.call.localDate)}`}>
                {seatHolders.map((p) => (
                  <option value={p.id} selected={selected === p.id}>
                    {p.fullName} · {p.seatLabel}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {others.length > 0 ? (
              <optgroup label="Everyone else">
                {others.map((p) => (
                  <option value={p.id} selected={selected === p.id}>
                    {p.fullName} · {p.email}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
          {error ? (
            <p class="error" id={`${id}-error`}>
              {error.message}
            </p>
          ) : null}
        </div>
        <button type="submit" class="button small resolve-button" aria-describedby={`${id}-name`}>
          {props.submitLabel ?? 'Match'}
        </button>
      </form>
    </li>
  )
}

function ImportActions(props: { call: ImportCall; imp: ImportView; unresolved: number; closed?: string }) {
  const { imp, call } = props
  const base = importUrl(call.localDate, imp.id)
  if (imp.status === 'undone') return null
  return (
    <section id="actions" aria-labelledby="actions-heading" tabindex={-1}>
      <h2 id="actions-heading">{imp.status === 'preview' ? 'Commit or discard' : 'Undo'}</h2>
      {imp.status === 'preview' ? (
        <div class="grid-2 import-actions">
          <form method="post" action={`${base}/commit`} class="card">
            <CsrfInput />
            <p class="action-help">
              Records the attendance of the {formatNumber(imp.summary.matched)} matched{' '}
              {plural(imp.summary.matched, 'person', 'people')} for this call, all at once.
              {props.unresolved > 0
                ? ` The ${formatNumber(props.unresolved)} unmatched ${plural(props.unresolved, 'participant')} can still be matched afterwards.`
                : ''}{' '}
              A report of the same call already committed is merged with it.
            </p>
            {props.closed ? (
              <p class="action-help">{props.closed}</p>
            ) : (
              <button type="submit" class="button">
                Commit import
              </button>
            )}
          </form>
          <form method="post" action={`${base}/discard`} class="card">
            <CsrfInput />
            <p class="action-help">
              Drops this preview and its stored file. Nothing is recorded; the matches you made are kept.
            </p>
            <button type="submit" class="button secondary">
              Discard
            </button>
          </form>
        </div>
      ) : (
        <form method="post" action={`${base}/undo`} class="card import-undo">
          <CsrfInput />
          <p class="action-help">
            Removes from the call the attendance this import recorded, all at once. Attendance from the roll
            call and from other reports stays. The import and its file stay on record.
          </p>
          <button type="submit" class="button secondary">
            Undo this import
          </button>
        </form>
      )}
    </section>
  )
}

function SeatCell(props: { row: ImportRow }) {
  if (props.row.seats.length === 0) return <span class="note">None</span>
  return (
    <>
      {props.row.seats.map((seat, i) => (
        <>
          {i > 0 ? <br /> : null}
          {seatLabels[seat.role]}, {seat.organizationName}
        </>
      ))}
    </>
  )
}

/** An email that may break after its @ in a narrow column. */
function Email(props: { email: string }) {
  const at = props.email.lastIndexOf('@')
  if (at < 0) return <>{props.email}</>
  return (
    <>
      {props.email.slice(0, at + 1)}
      <wbr />
      {props.email.slice(at + 1)}
    </>
  )
}

function ParticipantTable(props: {
  call: ImportCall
  rows: ImportRow[]
  countsLabel: string
  /** Where a matched participant's match is changed (…/participants/:position); none when it can't be. */
  changeBase?: string
}) {
  const tz = props.call.timeZone
  const ordered = [
    ...props.rows.filter((r) => r.match === null),
    ...props.rows.filter((r) => r.match !== null),
  ]
  return (
    <section class="table-wrap" aria-labelledby="participants-heading" tabindex={0}>
      <table class="participants">
        <thead>
          <tr>
            <th scope="col">Participant</th>
            <th scope="col">Email</th>
            <th scope="col" class="num">
              Time present
            </th>
            <th scope="col">Matched to</th>
            <th scope="col">How</th>
            <th scope="col">Seat on {formatDate(props.call.localDate)}</th>
            <th scope="col">{props.countsLabel}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((row) => (
            <tr id={`row-${row.position}`} class={row.match === null ? 'row-unmatched' : undefined}>
              <td>
                {row.name}
                {row.rawName !== row.name ? (
                  <>
                    <br />
                    <span class="note">{row.rawName}</span>
                  </>
                ) : null}
              </td>
              <td class="email-cell">
                {row.email ? <Email email={row.email} /> : <span class="note">None</span>}
              </td>
              <td class="num">
                {formatPresence(row.seconds)}
                {row.firstJoin && row.lastLeave ? (
                  <>
                    <br />
                    <span class="note">
                      {formatClock(row.firstJoin, tz)}–{formatClock(row.lastLeave, tz)}
                    </span>
                  </>
                ) : null}
              </td>
              <td>
                {row.personName ?? (row.match === 'guest' ? 'Guest' : <span class="note">Nobody yet</span>)}
                {row.match !== null && props.changeBase ? (
                  <>
                    <br />
                    <a href={`${props.changeBase}/${row.position}`} aria-label={`Change who ${row.name} is`}>
                      Change
                    </a>
                  </>
                ) : null}
              </td>
              <td>{row.match ? matchLabels[row.match] : <span class="note">Needs a decision</span>}</td>
              <td>
                <SeatCell row={row} />
              </td>
              <td>
                {row.counts ? (
                  <strong class="counts-yes">Yes</strong>
                ) : (
                  <>
                    <span class="counts-no">No</span>
                    {row.reason ? <span class="note">: {row.reason}</span> : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
