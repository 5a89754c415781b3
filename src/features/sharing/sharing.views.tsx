import type { QuarterStatus, SharingQuarter } from '#src/features/obligations/index.ts'
import type { OrganizationRef } from '#src/features/seats/index.ts'
import { TextArea } from '#src/ui/fields.tsx'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { CsrfInput, Flash } from '#src/ui/form-parts.tsx'
import { formatDate, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { SharingEntry } from './list-sharing.ts'
import {
  type BriefingOption,
  type Quarter,
  quarterMonthsText,
  type SharingErrors,
  type SharingForm,
} from './sharing-form.ts'
import { SharingRecordCard } from './sharing-record.tsx'
import { RecordSharingForm } from './sharing-record-form.tsx'

export type AnswerDraft = { id: string; value: string; error: string }

export type OrganizationSharingPageProps = {
  org: OrganizationRef
  today: string
  year: number
  /** Years the page can show, oldest first. */
  years: number[]
  quarters: SharingQuarter[]
  /** The year's records, newest first. */
  records: SharingEntry[]
  /** Records of any year with a question awaiting an answer. */
  openQuestions: SharingEntry[]
  briefings: BriefingOption[]
  /** The first day the organisation was admitted; null when it never was. */
  admittedOn: string | null
  /** The first day the form accepts. */
  earliest: string
  form: { values: SharingForm; errors: SharingErrors; fileWasChosen: boolean }
  answer?: AnswerDraft
  flash?: FlashMessage
  isStaff: boolean
  isListed: boolean
}

function quarterStatusText(q: SharingQuarter, today: string): string {
  const labels: Record<QuarterStatus, string> = {
    done: `Done: ${q.records} ${plural(q.records, 'record')}`,
    due:
      q.startsOn > today ? 'Not yet: the quarter has not started' : `Not yet: due by ${formatDate(q.endsOn)}`,
    missed: 'Missed: nothing recorded',
    not_required: 'Not required: not admitted then',
    no_records: 'No records: before the network kept them',
  }
  return labels[q.status]
}

function QuarterTiles(props: { quarters: SharingQuarter[]; today: string; labelledBy: string }) {
  return (
    <ol class="sharing-quarters" aria-labelledby={props.labelledBy}>
      {props.quarters.map((q) => (
        <li class={`sharing-quarter is-${q.status}`}>
          <span class="sharing-quarter-name">Q{q.quarter}</span>
          <span class="sharing-quarter-months">{quarterMonthsText(q.quarter)}</span>
          <span class="sharing-quarter-status">{quarterStatusText(q, props.today)}</span>
        </li>
      ))}
    </ol>
  )
}

function AnswerForm(props: { org: OrganizationRef; record: SharingEntry; draft?: AnswerDraft }) {
  const { record, draft } = props
  const id = `answer-${record.id}`
  const error = draft?.error
  const form = (
    <form
      method="post"
      action={`/organizations/${props.org.slug}/sharing/${record.id}/answer#sharing-${record.id}`}
      class="sharing-answer"
      novalidate
    >
      <CsrfInput />
      <TextArea
        id={id}
        name="answer"
        label={record.answer ? 'Your new answer' : 'Your answer'}
        required
        value={draft?.value ?? ''}
        error={error}
        hint="Staff read it on their sharing page. Up to 2,000 characters."
      />
      <button type="submit" class="button">
        {record.answer ? 'Replace the answer' : 'Send the answer'}
      </button>
    </form>
  )
  if (!record.answer || error) return form
  return (
    <details class="sharing-disclosure">
      <summary>Change the answer</summary>
      {form}
    </details>
  )
}

function YearLinks(props: { slug: string; years: number[]; year: number }) {
  if (props.years.length < 2) return null
  return (
    <nav class="sharing-years" aria-label="Years">
      <ul>
        {props.years.map((y) => (
          <li>
            <a
              class="sharing-year"
              href={`/organizations/${props.slug}/sharing?year=${y}`}
              aria-current={y === props.year ? 'page' : undefined}
            >
              {y}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** An organisation's quarterly sharing: the quarters of a year, the form to record, the records. */
export function OrganizationSharingPage(props: OrganizationSharingPageProps) {
  const { org, year, form } = props
  const open = props.openQuestions
  const shownQuarters = [...props.quarters].reverse().filter((q) => q.startsOn <= props.today)
  return (
    <Layout title={`Quarterly sharing of ${org.name}`}>
      <div class="wrap sharing-page">
        <p>
          {props.isListed ? <a href={`/organizations/${org.slug}`}>← Public profile</a> : null}
          {props.isStaff ? (
            <>
              {props.isListed ? ' · ' : null}
              <a href="/staff/sharing">Sharing records of the network</a>
            </>
          ) : null}
        </p>
        <h1>Quarterly sharing of {org.name}</h1>
        <p class="lede">
          At least once a quarter, share the collaborative’s briefings and resources with your stakeholders (
          {org.category === 'bff' ? 'inside your own organisation' : 'your regional collaboration'}) and
          record it here. Staff may ask about a record; you answer on this page.
        </p>
        {props.flash ? <Flash isError={props.flash.isError}>{props.flash.text}</Flash> : null}
        {open.length > 0 && !props.answer ? (
          <div class="flash attention" role="status">
            Staff asked about {open.length === 1 ? 'a record' : `${open.length} records`}:{' '}
            {open.map((r, i) => (
              <>
                {i > 0 ? ', ' : null}
                <a
                  href={`${r.sharedOn.startsWith(String(year)) ? '' : `/organizations/${org.slug}/sharing?year=${r.sharedOn.slice(0, 4)}`}#sharing-${r.id}`}
                >
                  the sharing of {formatDate(r.sharedOn)}
                </a>
              </>
            ))}
            . Answer under {open.length === 1 ? 'it' : 'each'}.
          </div>
        ) : null}
        <YearLinks slug={org.slug} years={props.years} year={year} />

        <h2 id="glance-heading">{year} by quarter</h2>
        {props.admittedOn === null ? (
          <p>{org.name} has not been admitted, so it has no sharing to record.</p>
        ) : (
          <QuarterTiles quarters={props.quarters} today={props.today} labelledBy="glance-heading" />
        )}

        {props.admittedOn !== null ? (
          <section aria-labelledby="record-heading" class="sharing-form-section">
            <h2 id="record-heading">Record a sharing action</h2>
            <RecordSharingForm
              org={org}
              today={props.today}
              earliest={props.earliest}
              briefings={props.briefings}
              values={form.values}
              errors={form.errors}
              fileWasChosen={form.fileWasChosen}
            />
          </section>
        ) : null}

        <h2 id="records-heading">Records of {year}</h2>
        {props.records.length === 0 ? <p>Nothing is recorded for {year} yet.</p> : null}
        {shownQuarters.map((q) => {
          const records = props.records.filter((r) => r.sharedOn >= q.startsOn && r.sharedOn <= q.endsOn)
          if (records.length === 0 && props.records.length === 0) return null
          return (
            <section class="sharing-quarter-records" aria-labelledby={`q${q.quarter}-heading`}>
              <h3 id={`q${q.quarter}-heading`}>
                Q{q.quarter}: {quarterMonthsText(q.quarter as Quarter)}
              </h3>
              {records.length === 0 ? (
                <p class="note">Nothing recorded in this quarter.</p>
              ) : (
                records.map((r) => (
                  <SharingRecordCard record={r} headingLevel={4}>
                    {r.question ? (
                      <AnswerForm
                        org={org}
                        record={r}
                        draft={props.answer?.id === r.id ? props.answer : undefined}
                      />
                    ) : null}
                    {props.isStaff ? (
                      <p class="sharing-staff-link">
                        <a href={`/staff/sharing/${r.id}`}>Question this record</a>
                      </p>
                    ) : null}
                  </SharingRecordCard>
                ))
              )}
            </section>
          )
        })}
      </div>
    </Layout>
  )
}
