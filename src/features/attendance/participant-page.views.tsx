import { Flash } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { importUrl, matchLabels } from './import-parts.tsx'
import type { ImportCall, ImportRow, ImportView } from './import-types.ts'
import { type Candidate, ResolveForm } from './resolve-form.views.tsx'

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
