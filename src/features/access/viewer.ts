import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'

export const roles = ['staff', 'board', 'representative', 'alternate', 'applicant'] as const
export type Role = (typeof roles)[number]

/** Who is making a request, with roles derived from the records on the day (never stored as flags). */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user'
      userId: string
      email: string
      name: string
      personId: string | null
      roles: Role[]
      /** Organisations whose representative or alternate seat this person holds today. */
      seatOrganizationIds: string[]
    }
  | { kind: 'token'; tokenId: string; name: string; scopes: string[] }

export type SignedInViewer = Extract<Viewer, { kind: 'user' }>

export const anonymous: Viewer = { kind: 'anonymous' }

/** The roles of a signed-in account on `onDate`: staff and board terms, and the seats held that day. */
export async function loadUserViewer(
  db: DbOrTx,
  user: { id: string; email: string; name: string },
  onDate: string,
): Promise<SignedInViewer> {
  const [row] = await queryRows<{
    person_id: string | null
    is_staff: boolean
    is_board: boolean
    is_applicant: boolean
    seats: { role: 'representative' | 'alternate'; organization_id: string }[]
  }>(
    db,
    sql`select p.id as person_id,
        exists (select 1 from staff_members s where s.person_id = p.id and s.starts_on <= ${onDate}::date
          and (s.ends_on is null or s.ends_on > ${onDate}::date)) as is_staff,
        exists (select 1 from board_members b where b.person_id = p.id and b.starts_on <= ${onDate}::date
          and (b.ends_on is null or b.ends_on > ${onDate}::date)) as is_board,
        exists (select 1 from applications a where a.applicant_id = p.id
          and a.status in ('draft', 'submitted', 'needs_info', 'with_board')) as is_applicant,
        coalesce((select json_agg(json_build_object('role', st.role, 'organization_id', st.organization_id))
          from seats st where st.person_id = p.id and st.starts_on <= ${onDate}::date
            and (st.ends_on is null or st.ends_on > ${onDate}::date)), '[]') as seats
      from people p where p.user_id = ${user.id}`,
  )
  const viewerRoles: Role[] = []
  if (row?.is_staff) viewerRoles.push('staff')
  if (row?.is_board) viewerRoles.push('board')
  const seats = row?.seats ?? []
  if (seats.some((s) => s.role === 'representative')) viewerRoles.push('representative')
  if (seats.some((s) => s.role === 'alternate')) viewerRoles.push('alternate')
  if (row?.is_applicant) viewerRoles.push('applicant')
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    name: user.name,
    personId: row?.person_id ?? null,
    roles: viewerRoles,
    seatOrganizationIds: [...new Set(seats.map((s) => s.organization_id))],
  }
}

export const hasRole = (viewer: Viewer, role: Role): boolean =>
  viewer.kind === 'user' && viewer.roles.includes(role)
