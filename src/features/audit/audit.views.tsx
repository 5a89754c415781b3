import { BreakableText } from '#src/ui/breakable-text.tsx'
import { plural } from '#src/ui/format.ts'
import { formatAuditValue } from '#src/ui/format-instant.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { TimeAt } from '#src/ui/time-at.tsx'
import {
  type AuditAction,
  type AuditEntry,
  type AuditFilterField,
  type AuditQuery,
  auditActionLabels,
  auditActions,
  auditQueryString,
} from './audit.ts'

type Props = {
  query: AuditQuery
  tables: string[]
  /** Undefined when the filters have errors and nothing was looked up. */
  page?: { entries: AuditEntry[]; hasOlder: boolean; hasNewer: boolean }
}

const fieldId = (field: AuditFilterField) => `filter-${field}`
const errorId = (field: AuditFilterField) => `filter-${field}-error`

function FieldError(props: { query: AuditQuery; field: AuditFilterField }) {
  const message = props.query.errors[props.field]
  return message ? (
    <p class="error" id={errorId(props.field)}>
      {message}
    </p>
  ) : null
}

/** Attributes that tie an input to its error message, when it has one. */
const errorAttributes = (query: AuditQuery, field: AuditFilterField) =>
  query.errors[field] ? { 'aria-invalid': 'true' as const, 'aria-describedby': errorId(field) } : {}

function TextFilter(props: {
  query: AuditQuery
  field: AuditFilterField
  label: string
  type?: 'text' | 'date'
  /** The id of a hint that describes the field. */
  hintId?: string
}) {
  const { query, field } = props
  const attributes = errorAttributes(query, field)
  const describedBy = [props.hintId, attributes['aria-describedby']].filter(Boolean).join(' ')
  return (
    <div class="field">
      <label for={fieldId(field)}>{props.label}</label>
      <input
        id={fieldId(field)}
        name={field}
        type={props.type ?? 'text'}
        value={query.values[field]}
        {...attributes}
        aria-describedby={describedBy || undefined}
      />
      <FieldError query={query} field={field} />
    </div>
  )
}

function SelectFilter(props: {
  query: AuditQuery
  field: AuditFilterField
  label: string
  options: { value: string; label: string }[]
}) {
  const { query, field } = props
  const value = query.values[field]
  // A value typed into the address that is not in the list is kept as an option, so it is not lost.
  const options =
    value && !props.options.some((o) => o.value === value)
      ? [...props.options, { value, label: value }]
      : props.options
  return (
    <div class="field">
      <label for={fieldId(field)}>{props.label}</label>
      <select id={fieldId(field)} name={field} {...errorAttributes(query, field)}>
        <option value="">All</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError query={query} field={field} />
    </div>
  )
}

function Value(props: { value: unknown; isRecorded: boolean }) {
  if (!props.isRecorded) return <em>not recorded</em>
  return (
    <code>
      <BreakableText text={formatAuditValue(props.value)} />
    </code>
  )
}

function ChangedFields(props: { entry: AuditEntry }) {
  const { entry } = props
  const before = entry.before ?? {}
  const after = entry.after ?? {}
  const changed = entry.changed ?? []
  return (
    <table aria-label={plural(changed.length, 'The changed field')}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changed.map((field) => (
          <tr>
            <th scope="row">
              <code>
                <BreakableText text={field} />
              </code>
            </th>
            {/* Secrets (password hashes, tokens) are left out of the log: they show as not recorded. */}
            <td>
              <Value value={before[field]} isRecorded={field in before} />
            </td>
            <td>
              <Value value={after[field]} isRecorded={field in after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function AllFields(props: { row: Record<string, unknown>; summary: string }) {
  const fields = Object.keys(props.row).sort()
  return (
    <details>
      <summary>
        {props.summary} ({fields.length} {plural(fields.length, 'field')})
      </summary>
      <table>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr>
              <th scope="row">
                <code>
                  <BreakableText text={field} />
                </code>
              </th>
              <td>
                <Value value={props.row[field]} isRecorded={true} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

const actionLabel = (action: string) => auditActionLabels[action as AuditAction] ?? action

function Entry(props: { entry: AuditEntry }) {
  const { entry } = props
  const title =
    entry.action === 'api_call'
      ? `API call: ${entry.detail ?? ''}`
      : `${actionLabel(entry.action)} in ${entry.tableName ?? 'an unknown table'}`
  return (
    <li>
      <h3>{title}</h3>
      <dl class="meta">
        <div>
          <dt>When:</dt>{' '}
          <dd>
            <TimeAt at={entry.at} />
          </dd>
        </div>
        <div>
          <dt>Who:</dt> <dd>{entry.actorLabel}</dd>
        </div>
        {entry.recordId ? (
          <div>
            <dt>Record:</dt>{' '}
            <dd>
              <BreakableText text={entry.recordId} />
            </dd>
          </div>
        ) : null}
        {entry.detail && entry.action !== 'api_call' ? (
          <div>
            <dt>Detail:</dt> <dd>{entry.detail}</dd>
          </div>
        ) : null}
      </dl>
      {entry.action === 'update' && (entry.changed?.length ?? 0) > 0 ? <ChangedFields entry={entry} /> : null}
      {entry.action === 'insert' && entry.after ? (
        <AllFields row={entry.after} summary="The new record" />
      ) : null}
      {entry.action === 'delete' && entry.before ? (
        <AllFields row={entry.before} summary="The deleted record" />
      ) : null}
    </li>
  )
}

function resultsLine(props: Props, isFiltered: boolean): string {
  if (!props.page) return 'Correct the filters above to see entries.'
  const n = props.page.entries.length
  if (n === 0) return isFiltered ? 'No entry matches these filters.' : 'The log has no entries here.'
  const which = isFiltered ? ' matching these filters' : ''
  return `Showing ${n} ${plural(n, 'entry', 'entries')}${which}, newest first.`
}

export function AuditPage(props: Props) {
  const { query, page } = props
  const isFiltered = Object.values(query.values).some(Boolean)
  const first = page?.entries[0]
  const last = page?.entries.at(-1)
  return (
    <Layout title="Audit log">
      <div class="wrap">
        <StaffNav current="audit" />
        <h1>Audit log</h1>
        <p class="lede">
          Every change to the Hub's records and every call made with an API token: who, when, and what
          changed. The log can be read here; nobody can change it.
        </p>
        <form class="filters" method="get" action="/staff/audit" aria-label="Filter the audit log">
          <TextFilter query={query} field="actor" label="Who" hintId="filter-hint" />
          <SelectFilter
            query={query}
            field="table"
            label="Table"
            options={props.tables.map((t) => ({ value: t, label: t }))}
          />
          <TextFilter query={query} field="record" label="Record id" />
          <SelectFilter
            query={query}
            field="action"
            label="Action"
            options={auditActions.map((a) => ({ value: a, label: auditActionLabels[a] }))}
          />
          <TextFilter query={query} field="from" label="From (day)" type="date" />
          <TextFilter query={query} field="to" label="To (day)" type="date" />
          <div class="actions field">
            <button class="button" type="submit">
              Apply filters
            </button>
            {isFiltered ? (
              <a class="button secondary" href="/staff/audit">
                Clear
              </a>
            ) : null}
          </div>
        </form>
        <p class="note" id="filter-hint">
          “Who” finds a person by name or email, an API token by name, or any part of the recorded actor (such
          as system). Days are the network’s days; both ends are included.
        </p>
        <p class="results-count" id="results-count" role="status">
          {resultsLine(props, isFiltered)}
        </p>
        {page && page.entries.length > 0 ? (
          <>
            <h2 id="entries-heading">Entries</h2>
            <ol class="org-list" aria-labelledby="entries-heading">
              {page.entries.map((entry) => (
                <Entry entry={entry} />
              ))}
            </ol>
          </>
        ) : null}
        {page && (page.hasNewer || page.hasOlder) ? (
          <nav aria-label="Pages of the audit log">
            <p>
              {page.hasNewer ? (
                <a
                  class="button secondary"
                  rel="prev"
                  href={`/staff/audit${auditQueryString(query.filters, first ? { after: first.id } : {})}`}
                >
                  ← Newer entries
                </a>
              ) : null}{' '}
              {page.hasOlder ? (
                <a
                  class="button secondary"
                  rel="next"
                  href={`/staff/audit${auditQueryString(query.filters, last ? { before: last.id } : {})}`}
                >
                  Older entries →
                </a>
              ) : null}
            </p>
          </nav>
        ) : null}
      </div>
    </Layout>
  )
}
