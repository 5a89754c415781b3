import { TextArea } from '#src/ui/fields.tsx'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { CsrfInput, Flash } from '#src/ui/form-parts.tsx'
import { formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { SharingEntry } from './list-sharing.ts'
import type { Quarter } from './sharing-form.ts'
import { SharingRecordCard } from './sharing-record.tsx'

export const showFilters = ['all', 'questioned', 'unanswered'] as const
export type ShowFilter = (typeof showFilters)[number]

const showLabels: Record<ShowFilter, string> = {
  all: 'All records',
  questioned: 'Questioned',
  unanswered: 'Awaiting an answer',
}

export type QuestionDraft = { value: string; error?: string }

/** The question form of one record; `isFolded` puts it behind a disclosure (the list of records). */
function QuestionForm(props: { record: SharingEntry; draft?: QuestionDraft; isFolded: boolean }) {
  const { record, draft } = props
  const id = `question-${record.id}`
  const error = draft?.error
  const form = (
    <form method="post" action={`/staff/sharing/${record.id}/question`} class="sharing-ask-form" novalidate>
      <CsrfInput />
      <TextArea
        id={id}
        name="question"
        label={record.question ? 'New question' : 'Question'}
        required
        value={draft?.value ?? ''}
        error={error}
        hint={
          <>
            {record.organization.name}’s representative and alternate see it on their sharing page and get an
            email.
            {record.question ? ' It replaces the question above and its answer.' : ''} Up to 2,000 characters.
          </>
        }
      />
      <button type="submit" class="button">
        Ask the question
      </button>
    </form>
  )
  if (!props.isFolded || error) return form
  return (
    <details class="sharing-disclosure">
      <summary>{record.question ? 'Ask a new question' : 'Question this record'}</summary>
      {form}
    </details>
  )
}

export type StaffSharingPageProps = {
  year: number
  years: number[]
  quarter: Quarter | null
  show: ShowFilter
  records: SharingEntry[]
  flash?: FlashMessage
}

/** Staff: every sharing record of the network in a year or a quarter, to read and to question. */
export function StaffSharingPage(props: StaffSharingPageProps) {
  const period = props.quarter ? `Q${props.quarter} ${props.year}` : String(props.year)
  const count = props.records.length
  const what = props.show === 'all' ? '' : props.show === 'questioned' ? ' questioned' : ' awaiting an answer'
  return (
    <Layout title="Sharing records of the network">
      <div class="wrap sharing-page">
        <h1>Sharing records of the network</h1>
        <p class="lede">
          What the organisations recorded sharing with their stakeholders. Question a record to ask its
          representative and alternate about it: they answer on their own sharing page.
        </p>
        {props.flash ? <Flash isError={props.flash.isError}>{props.flash.text}</Flash> : null}
        <form method="get" action="/staff/sharing" class="filters" aria-label="Filter the records">
          <div>
            <label for="filter-year">Year</label>
            <select id="filter-year" name="year">
              {props.years.map((y) => (
                <option value={String(y)} selected={y === props.year}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="filter-quarter">Quarter</label>
            <select id="filter-quarter" name="quarter">
              <option value="" selected={props.quarter === null}>
                All quarters
              </option>
              {([1, 2, 3, 4] as const).map((q) => (
                <option value={String(q)} selected={q === props.quarter}>
                  Q{q}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="filter-show">Show</label>
            <select id="filter-show" name="show">
              {showFilters.map((s) => (
                <option value={s} selected={s === props.show}>
                  {showLabels[s]}
                </option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="submit" class="button">
              Show
            </button>
          </div>
        </form>
        <p class="results-count" role="status">
          {count === 0
            ? `No${what} record in ${period}.`
            : `${formatNumber(count)}${what} ${plural(count, 'record')} in ${period}.`}
        </p>
        <div class="sharing-list">
          {props.records.map((r) => (
            <SharingRecordCard record={r} headingLevel={2} showOrganization>
              <QuestionForm record={r} isFolded />
            </SharingRecordCard>
          ))}
        </div>
      </div>
    </Layout>
  )
}

/** Staff: one sharing record and the form to question it (also the page a refused question comes back to). */
export function StaffSharingRecordPage(props: {
  record: SharingEntry
  draft?: QuestionDraft
  flash?: FlashMessage
}) {
  const { record } = props
  const year = record.sharedOn.slice(0, 4)
  return (
    <Layout title={`Sharing record of ${record.organization.name}`}>
      <div class="wrap sharing-page">
        <p>
          <a href={`/staff/sharing?year=${year}`}>← Sharing records of the network</a>
        </p>
        <h1>Sharing record of {record.organization.name}</h1>
        {props.flash ? <Flash isError={props.flash.isError}>{props.flash.text}</Flash> : null}
        {props.draft?.error ? <Flash isError>Nothing was asked: correct the question below.</Flash> : null}
        <SharingRecordCard record={record} headingLevel={2}>
          <QuestionForm record={record} draft={props.draft} isFolded={false} />
        </SharingRecordCard>
      </div>
    </Layout>
  )
}
