import { Select } from '#src/ui/fields.tsx'
import { Field } from '#src/ui/form-parts.tsx'
import { formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { MemberContact, MemberEntry, MemberFilters } from './member-list.ts'

function Contact(props: { label: string; person: MemberContact | null }) {
  const { person } = props
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>
        {person ? (
          <>
            {person.fullName}
            {person.title ? <>, {person.title}</> : null}
            <br />
            <a href={`mailto:${person.email}`}>{person.email}</a>
          </>
        ) : (
          'Vacant'
        )}
      </dd>
    </div>
  )
}

/** The query string of the current filters, for the export links. */
const filterQuery = (filters: MemberFilters): string => {
  const params = new URLSearchParams()
  if (filters.q) params.set('q', filters.q)
  if (filters.state) params.set('state', filters.state)
  const query = params.toString()
  return query ? `?${query}` : ''
}

/** /members: who represents each admitted organisation, for the network's members only. */
export function MemberDirectoryPage(props: {
  entries: MemberEntry[]
  filters: MemberFilters
  states: string[]
  error?: string
}) {
  const { entries, filters } = props
  const query = filterQuery(filters)
  const vcard = (version: string) => `/members.vcf${query ? `${query}&` : '?'}version=${version}`
  return (
    <Layout title="Member directory" current="/members">
      <div class="wrap member-directory-page">
        <h1>Member directory</h1>
        <p>
          Who represents each organisation of the network, with their contact details. For members only: do
          not share it outside the network.
        </p>
        <form method="get" action="/members" class="filters" aria-label="Filter the member directory">
          <Field id="q" name="q" label="Organisation or person" value={filters.q} error={props.error} />
          <Select
            id="state"
            name="state"
            label="State"
            value={filters.state}
            empty="All states"
            options={props.states.map((s) => ({ value: s, label: s }))}
          />
          <button type="submit">Filter</button>
        </form>
        <p>
          {formatNumber(entries.length)} {plural(entries.length, 'organisation')}. Download:{' '}
          <a href={`/members.csv${query}`} download>
            CSV
          </a>
          , <a href={vcard('4.0')}>vCard 4.0</a>, <a href={vcard('3.0')}>vCard 3.0</a>
        </p>
        <ul class="member-directory">
          {entries.map((org) => (
            <li>
              <h2>
                <a href={`/organizations/${org.slug}`}>{org.name}</a>
              </h2>
              <p>{org.states.join(', ')}</p>
              <dl>
                <Contact label="Representative" person={org.representative} />
                <Contact label="Alternate" person={org.alternate} />
              </dl>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  )
}
