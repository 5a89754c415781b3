import { Select } from '#src/ui/fields.tsx'
import { formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { PersonListItem } from './list-people.ts'
import {
  isFiltered,
  PEOPLE_PAGE_SIZE,
  type PeopleFilters,
  peopleListHref,
  personRoleLabels,
  personRoles,
} from './people-filters.ts'
import { AccountBadge, RoleBadges } from './people-parts.tsx'

type Props = {
  filters: PeopleFilters
  organizations: { id: string; name: string }[]
  people: PersonListItem[]
  total: number
}

function Checkbox(props: { name: string; value: string; checked: boolean; label: string }) {
  const id = `people-${props.name}`
  return (
    <div class="choice">
      <input type="checkbox" id={id} name={props.name} value={props.value} checked={props.checked} />
      <label for={id}>{props.label}</label>
    </div>
  )
}

function PeopleTable(props: { people: PersonListItem[] }) {
  return (
    <section class="table-wrap" tabindex={0} aria-label="People (scrolls sideways on a small screen)">
      <table class="people-table">
        <caption class="visually-hidden">People, by name</caption>
        <thead>
          <tr>
            <th scope="col">Name and email</th>
            <th scope="col">Roles today</th>
            <th scope="col">Account</th>
          </tr>
        </thead>
        <tbody>
          {props.people.map((p) => (
            <tr>
              <th scope="row">
                <a href={`/staff/people/${p.id}`}>{p.fullName}</a>
                <br />
                <span>{p.hasEmail ? p.email : <em>no email address</em>}</span>
              </th>
              <td>
                <RoleBadges roles={p.roles} seats={p.seats} />
              </td>
              <td>
                <AccountBadge state={p.account} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function Pages(props: { filters: PeopleFilters; pageCount: number }) {
  const { filters, pageCount } = props
  if (pageCount <= 1) return null
  return (
    <nav class="pagination" aria-label="Pages of the list">
      <ul>
        {filters.page > 1 ? (
          <li>
            <a href={peopleListHref(filters, filters.page - 1)} rel="prev">
              Previous<span class="visually-hidden"> page</span>
            </a>
          </li>
        ) : null}
        <li aria-current="page">
          Page {filters.page} of {pageCount}
        </li>
        {filters.page < pageCount ? (
          <li>
            <a href={peopleListHref(filters, filters.page + 1)} rel="next">
              Next<span class="visually-hidden"> page</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

/** /staff/people: everyone on record, filtered by role, organisation, account and email, a page at a time. */
export function PeopleListPage(props: Props) {
  const { filters, total } = props
  const pageCount = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE))
  const first = (filters.page - 1) * PEOPLE_PAGE_SIZE + 1
  const shown =
    total === 0
      ? isFiltered(filters)
        ? 'Nobody matches these filters.'
        : 'Nobody is on record yet.'
      : `${formatNumber(total)} ${plural(total, 'person', 'people')}${isFiltered(filters) ? ' match' : ''}; showing ${formatNumber(Math.min(first, total))} to ${formatNumber(Math.min(first + props.people.length - 1, total))}.`
  return (
    <Layout title="People">
      <div class="wrap">
        <StaffNav current="people" />
        <h1>People</h1>
        <p class="lede">
          Everyone on record: staff, the Advisory Board, seat holders, applicants and the people staff
          invited. Open a person to see their seats and terms, their account, and to invite them.
        </p>
        <form class="filters" method="get" action="/staff/people" aria-label="Filter the people">
          <div class="field">
            <label for="people-q">Name or email</label>
            <input id="people-q" name="q" type="search" value={filters.q} />
          </div>
          <Select
            id="people-role"
            name="role"
            label="Role today"
            value={filters.role}
            empty="Any role"
            options={personRoles.map((r) => ({ value: r, label: personRoleLabels[r] }))}
          />
          <Select
            id="people-organization"
            name="organization"
            label="Organisation"
            value={filters.organization}
            empty="Any organisation"
            options={props.organizations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <Checkbox
            name="account"
            value="cannot-sign-in"
            checked={filters.cannotSignIn}
            label="Cannot sign in yet"
          />
          <Checkbox name="email" value="none" checked={filters.noEmail} label="No email address" />
          <div class="actions field">
            <button class="button" type="submit">
              Apply filters
            </button>
            {isFiltered(filters) ? (
              <a class="button secondary" href="/staff/people">
                Clear
              </a>
            ) : null}
          </div>
        </form>
        <p class="results-count" role="status">
          {shown}
        </p>
        {props.people.length > 0 ? <PeopleTable people={props.people} /> : null}
        <Pages filters={filters} pageCount={pageCount} />
        <p>
          <a href="/staff/invitations">Invite someone who is not on record yet</a>
        </p>
      </div>
    </Layout>
  )
}
