/** One import's page: its source, its summary, the participants to match by hand, and commit, discard or undo. */
import { formatFileSize } from '#src/features/files/index.ts'
import { CsrfInput, Flash, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatDate, formatNumber, plural } from '#src/ui/format.ts'
import { ImportBadge, Stamp } from '#src/ui/import-status.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { CallLinks, Figure, formatLabels, importUrl } from './import-parts.tsx'
import type { ImportCall, ImportRow, ImportView } from './import-types.ts'
import { ParticipantTable } from './participant-table.views.tsx'
import type { Candidate } from './resolve-form.views.tsx'
import { ReviewForm, type ReviewState } from './review-form.views.tsx'
import type { Suggestion } from './suggest.ts'

/** Unresolved participants shown in the review form at once: a long review list comes in turns. */
const FORMS_AT_ONCE = 20

/** The participants the review form shows (and reads back when it is sent): the first unmatched ones. */
export const shownForReview = <R extends Pick<ImportRow, 'match'>>(rows: readonly R[]): R[] =>
  rows.filter((r) => r.match === null).slice(0, FORMS_AT_ONCE)

export type ImportPageProps = {
  call: ImportCall
  imp: ImportView
  candidates: Candidate[]
  /** Ranked suggestions for each unmatched participant, by position. */
  suggestions: Map<number, Suggestion[]>
  closed?: string
  notice?: FlashMessage
  /** A refused review: the choices as sent, and the problem beside each participant concerned. */
  review?: ReviewState
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
          <ImportBadge status={imp.status} />
        </div>
        <p class="lede">
          {imp.status === 'preview'
            ? 'Nothing is recorded yet. Check who matched, decide about the others, then commit.'
            : imp.status === 'committed'
              ? 'The attendance of the matched people is recorded for the call.'
              : 'This import was undone: the attendance it recorded is removed. Its record and file stay.'}
        </p>
        <Flashes flash={props.notice} />
        {props.review ? (
          <Flash isError>
            <p>
              Nothing was changed:{' '}
              <a href={`#resolve-${Object.keys(props.review.errors)[0]}`}>
                see the {plural(Object.keys(props.review.errors).length, 'participant')} marked below
              </a>
              .
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
                <ReviewForm
                  call={call}
                  imp={imp}
                  rows={shownForReview(imp.rows)}
                  suggestions={props.suggestions}
                  candidates={props.candidates}
                  state={props.review}
                />
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
        <Stamp at={imp.createdAt} by={imp.createdBy} timeZone={tz} />
        {imp.via === 'cli' ? ' from the command line' : null}
      </dd>
      {imp.committedAt ? (
        <>
          <dt>Committed</dt>
          <dd>
            <Stamp at={imp.committedAt} by={imp.committedBy} timeZone={tz} />
          </dd>
        </>
      ) : null}
      {imp.undoneAt ? (
        <>
          <dt>Undone</dt>
          <dd>
            <Stamp at={imp.undoneAt} by={imp.undoneBy} timeZone={tz} />
          </dd>
        </>
      ) : null}
    </dl>
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
