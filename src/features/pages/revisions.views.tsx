import { ButtonForm, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatInstantInZone } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { DiffLine } from './line-diff.ts'
import type { Revision } from './revisions.ts'

type PageRef = { id: string; title: string }

/** The compare form's id: the radios in the table belong to it (a GET: no token). */
const COMPARE_FORM = 'compare-revisions'

/** One revision's radio for one side of the comparison. */
function CompareChoice(props: { side: 'from' | 'to'; revision: number; checked: boolean }) {
  const { side, revision } = props
  return (
    <input
      type="radio"
      form={COMPARE_FORM}
      name={side}
      value={String(revision)}
      id={`${side}-${revision}`}
      aria-label={`Compare ${side} revision ${revision}`}
      checked={props.checked}
    />
  )
}

/** A page's revisions: who saved each, when and why; pick two to compare; restore one. */
export function RevisionsPage(props: {
  page: PageRef
  revisions: Revision[]
  timeZone: string
  flash?: FlashMessage
}) {
  const { page, revisions } = props
  const newest = revisions[0]?.number ?? 0
  return (
    <Layout title={`Revisions of “${page.title}”`}>
      <div class="wrap revisions-page">
        <StaffNav current="pages" />
        <p class="meta">
          <a href={`/staff/pages/${page.id}`}>Back to the editor</a>
        </p>
        <h1>Revisions of “{page.title}”</h1>
        <Flashes flash={props.flash} />
        {/* The radios belong to the compare form below (a GET: no token); each restore is its own POST form. */}
        <div class="table-wrap">
          <table class="revisions-table">
            <caption class="visually-hidden">Every save of the page, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Revision</th>
                <th scope="col">Saved</th>
                <th scope="col">By</th>
                <th scope="col">Note</th>
                <th scope="col">Compare from</th>
                <th scope="col">Compare to</th>
                <th scope="col">Restore</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((r) => (
                <tr>
                  <th scope="row">
                    <span class="revision-label">Revision </span>
                    {r.number}
                  </th>
                  <td data-label="Saved">{formatInstantInZone(r.savedAt, props.timeZone)}</td>
                  <td data-label="By">{r.savedByName ?? 'Someone no longer listed'}</td>
                  <td data-label="Note">{r.note}</td>
                  <td data-label="Compare from">
                    <CompareChoice
                      side="from"
                      revision={r.number}
                      checked={r.number === Math.max(1, newest - 1)}
                    />
                  </td>
                  <td data-label="Compare to">
                    <CompareChoice side="to" revision={r.number} checked={r.number === newest} />
                  </td>
                  <td data-label="Restore">
                    {r.number === newest ? (
                      'Current'
                    ) : (
                      <ButtonForm
                        action={`/staff/pages/${page.id}/revisions/${r.number}/restore`}
                        buttonClass="button secondary"
                        ariaLabel={`Restore revision ${r.number}`}
                      >
                        Restore
                      </ButtonForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <form method="get" action={`/staff/pages/${page.id}/compare`} id={COMPARE_FORM} class="compare-form">
          <button type="submit" class="button">
            Compare the two revisions
          </button>
        </form>
      </div>
    </Layout>
  )
}

function DiffBlock(props: { label: string; lines: DiffLine[] }) {
  const changed = props.lines.some((l) => l.kind !== 'same')
  return (
    <section class="diff-section" aria-label={props.label}>
      <h2>{props.label}</h2>
      {changed ? (
        <ol class="diff">
          {props.lines.map((line) =>
            line.kind === 'same' ? (
              <li class="diff-same">
                <span class="diff-label">Unchanged</span>
                <span class="diff-text">{line.text || ' '}</span>
              </li>
            ) : line.kind === 'added' ? (
              <li class="diff-added">
                <span class="diff-label">Added</span>
                <ins class="diff-text">{line.text || ' '}</ins>
              </li>
            ) : (
              <li class="diff-removed">
                <span class="diff-label">Removed</span>
                <del class="diff-text">{line.text || ' '}</del>
              </li>
            ),
          )}
        </ol>
      ) : (
        <p class="note">No change.</p>
      )}
    </section>
  )
}

/** Two revisions side by side as one list of lines: removed lines struck through, added ones marked. */
export function ComparePage(props: {
  page: PageRef
  from: Revision
  to: Revision
  diffs: { title: DiffLine[]; summary: DiffLine[]; body: DiffLine[] }
  timeZone: string
}) {
  const { page, from, to } = props
  const added = props.diffs.body.filter((l) => l.kind === 'added').length
  const removed = props.diffs.body.filter((l) => l.kind === 'removed').length
  return (
    <Layout title={`Revision ${from.number} and ${to.number} of “${page.title}”`}>
      <div class="wrap compare-page">
        <StaffNav current="pages" />
        <p class="meta">
          <a href={`/staff/pages/${page.id}/revisions`}>All revisions</a> ·{' '}
          <a href={`/staff/pages/${page.id}`}>Back to the editor</a>
        </p>
        <h1>
          Revision {from.number} compared with revision {to.number}
        </h1>
        <p>
          From revision {from.number} ({from.note}, {formatInstantInZone(from.savedAt, props.timeZone)}) to
          revision {to.number} ({to.note}, {formatInstantInZone(to.savedAt, props.timeZone)}): in the body,{' '}
          {added} {added === 1 ? 'line' : 'lines'} added and {removed} {removed === 1 ? 'line' : 'lines'}{' '}
          removed.
        </p>
        <DiffBlock label="Title" lines={props.diffs.title} />
        <DiffBlock label="Summary" lines={props.diffs.summary} />
        <DiffBlock label="Body" lines={props.diffs.body} />
        {from.number !== to.number ? (
          <ButtonForm
            action={`/staff/pages/${page.id}/revisions/${from.number}/restore`}
            buttonClass="button secondary"
          >
            Restore revision {from.number}
          </ButtonForm>
        ) : null}
      </div>
    </Layout>
  )
}
