import { sql } from 'drizzle-orm'
import type { MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { holdsTermSql } from '#src/db/terms.ts'
import { clientAddress, proxyTrust } from '#src/http/client-address.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { authHeaders, hasSessionCookie, unauthenticated } from '#src/http/guard.ts'
import type { Role, SignedInViewer } from '#src/http/viewer.ts'
import { anonymous } from '#src/http/viewer.ts'
import { useApiToken } from './api-tokens.ts'

type UserRef = { id: string; email: string; name: string }

/** The roles of a signed-in account on `onDate`: staff and board terms, and the seats held that day. */
export async function loadUserViewer(db: DbOrTx, user: UserRef, onDate: string): Promise<SignedInViewer> {
  return (await loadUserViewers(db, [user], onDate)).get(user.id) ?? viewerOf(user, undefined)
}

type RolesRow = {
  user_id: string
  person_id: string | null
  is_staff: boolean
  is_board: boolean
  is_applicant: boolean
  seats: { role: 'representative' | 'alternate'; organization_id: string }[]
}

/** loadUserViewer for many accounts in one query, by user id (every account given has an entry). */
export async function loadUserViewers(
  db: DbOrTx,
  users: readonly UserRef[],
  onDate: string,
): Promise<Map<string, SignedInViewer>> {
  if (users.length === 0) return new Map()
  const rows = await queryRows<RolesRow>(
    db,
    sql`select p.user_id, p.id as person_id,
        ${holdsTermSql('staff', sql`p.id`, onDate)} as is_staff,
        ${holdsTermSql('board', sql`p.id`, onDate)} as is_board,
        exists (select 1 from applications a where a.applicant_id = p.id
          and a.status in ('draft', 'submitted', 'needs_info', 'with_board')) as is_applicant,
        coalesce((select json_agg(json_build_object('role', st.role, 'organization_id', st.organization_id))
          from seats st where st.person_id = p.id and st.starts_on <= ${onDate}::date
            and (st.ends_on is null or st.ends_on > ${onDate}::date)), '[]') as seats
      from people p where p.user_id in (${sql.join(
        users.map((u) => sql`${u.id}`),
        sql`, `,
      )})`,
  )
  const byUser = new Map(rows.map((row) => [row.user_id, row]))
  return new Map(users.map((user) => [user.id, viewerOf(user, byUser.get(user.id))]))
}

function viewerOf(user: UserRef, row: RolesRow | undefined): SignedInViewer {
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

/** Finds out who is asking: an API token, a session cookie, or nobody. */
export function loadViewer(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const isTrustedProxy = proxyTrust(deps.trustedProxies ?? [])
  return createMiddleware<AppEnv>(async (c, next) => {
    // The socket address; X-Forwarded-For only when the socket is a trusted proxy (TRUSTED_PROXIES).
    const socket = c.env?.incoming?.socket?.remoteAddress ?? '127.0.0.1'
    c.set('clientIp', clientAddress(socket, c.req.header('X-Forwarded-For'), isTrustedProxy))
    c.set('viewer', anonymous)
    c.set('origin', deps.origin)
    c.set('timeZone', deps.clock.timeZone)
    const authorization = c.req.header('Authorization')
    if (authorization) {
      const match = authorization.match(/^Bearer\s+(\S+)$/i)
      const token = match?.[1]
        ? await useApiToken(deps.database.db, { token: match[1], request: `${c.req.method} ${c.req.path}` })
        : undefined
      if (!token) return unauthenticated(c, 'The API token is not valid.', 'invalid_token')
      c.set('viewer', { kind: 'token', tokenId: token.id, name: token.name, scopes: token.scopes })
      return next()
    }
    // Public pages are read anonymously most of the time: skip the session lookup without a cookie.
    if (hasSessionCookie(c)) {
      const session = await deps.auth.api.getSession({ headers: authHeaders(c) })
      if (session) c.set('viewer', await loadUserViewer(deps.database.db, session.user, deps.clock.today()))
    }
    return next()
  })
}
