import { isUuid } from '#src/lib/ids.ts'

/** The roles a person can be filtered by, on today: 'none' is someone with none of the others. */
export const personRoles = ['staff', 'board', 'representative', 'alternate', 'applicant', 'none'] as const
export type PersonRole = (typeof personRoles)[number]

export const personRoleLabels: Record<PersonRole, string> = {
  staff: 'Staff',
  board: 'Advisory Board',
  representative: 'Representative',
  alternate: 'Alternate',
  applicant: 'Applicant',
  none: 'No role',
}

/** How many people a page of the list shows. */
export const PEOPLE_PAGE_SIZE = 50

export type PeopleFilters = {
  /** Text in the name or the email address. */
  q: string
  role: PersonRole | ''
  /** An organisation's id: people who work for it or hold (or held) one of its seats. */
  organization: string
  /** No account yet (never invited, or the invitation not accepted). */
  cannotSignIn: boolean
  /** No usable email address. */
  noEmail: boolean
  /** 1-based. */
  page: number
}

/**
 * The list's filters from the address: anything unknown is dropped (a filter that could not
 * match is no filter), so a hand-edited address never fails.
 */
export function parsePeopleFilters(query: Record<string, string | undefined>): PeopleFilters {
  const role = personRoles.find((r) => r === query.role) ?? ''
  const organization = query.organization && isUuid(query.organization) ? query.organization : ''
  const page = Number.parseInt(query.page ?? '1', 10)
  return {
    q: (query.q ?? '').trim().slice(0, 200),
    role,
    organization,
    cannotSignIn: query.account === 'cannot-sign-in',
    noEmail: query.email === 'none',
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  }
}

/** The address of the list with these filters (and page). */
export function peopleListHref(filters: PeopleFilters, page = filters.page): string {
  const params = new URLSearchParams()
  if (filters.q) params.set('q', filters.q)
  if (filters.role) params.set('role', filters.role)
  if (filters.organization) params.set('organization', filters.organization)
  if (filters.cannotSignIn) params.set('account', 'cannot-sign-in')
  if (filters.noEmail) params.set('email', 'none')
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `/staff/people?${query}` : '/staff/people'
}

export const isFiltered = (f: PeopleFilters) =>
  Boolean(f.q || f.role || f.organization || f.cannotSignIn || f.noEmail)
