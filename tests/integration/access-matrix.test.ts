import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import type { Permission } from '#src/http/permissions.ts'
import { writeAs } from '../../src/db/actor.ts'
import { people } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { createApiToken } from '../../src/features/access/api-tokens.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const viewers = [
  'anonymous',
  'staff',
  'board',
  'representativeA',
  'alternateA',
  'noRole',
  'apiToken',
] as const
type ViewerName = (typeof viewers)[number]

/**
 * Who may pass each permission, written down here and not read from permissions.ts, so that a
 * wrong rule there fails this test. organization:edit-own is about org A (AMP SoCal), whose
 * seats the representative and the alternate hold; org B is checked on its own below.
 */
const EXPECTED: Record<Permission, Record<ViewerName, boolean>> = {
  public: {
    anonymous: true,
    staff: true,
    board: true,
    representativeA: true,
    alternateA: true,
    noRole: true,
    apiToken: true,
  },
  'account:self': {
    anonymous: false,
    staff: true,
    board: true,
    representativeA: true,
    alternateA: true,
    noRole: true,
    apiToken: false,
  },
  'organization:edit-own': {
    anonymous: false,
    staff: true,
    board: false,
    representativeA: true,
    alternateA: true,
    noRole: false,
    apiToken: false,
  },
  'audit:read': staffOnly(),
  // The matrix's token has only the organizations:read scope.
  'audit:read-api': staffOnly(),
  'application:own': {
    anonymous: false,
    staff: true,
    board: true,
    representativeA: true,
    alternateA: true,
    noRole: true,
    apiToken: false,
  },
  'application:review': staffOnly(),
  // Per record for sessions; the matrix's token lacks the organizations:write scope.
  'organizations:write-api': {
    anonymous: false,
    staff: true,
    board: false,
    representativeA: true,
    alternateA: true,
    noRole: false,
    apiToken: false,
  },
  'application:vote': {
    anonymous: false,
    staff: false,
    board: true,
    representativeA: false,
    alternateA: false,
    noRole: false,
    apiToken: false,
  },
  // The matrix's token has only the organizations:read scope.
  'applications:read-api': staffOnly(),
  // Per record: the representative only for their own organisation.
  'seats:manage': {
    anonymous: false,
    staff: true,
    board: false,
    representativeA: true,
    alternateA: false,
    noRole: false,
    apiToken: false,
  },
  'organization:admin': staffOnly(),
  'file:download': {
    anonymous: false,
    staff: true,
    board: true,
    representativeA: true,
    alternateA: true,
    noRole: true,
    apiToken: false,
  },
  'outbox:read': staffOnly(),
  'people:invite': staffOnly(),
  'api-tokens:manage': staffOnly(),
  'calls:read': {
    anonymous: false,
    staff: true,
    board: true,
    representativeA: true,
    alternateA: true,
    noRole: false,
    apiToken: false,
  },
  'calls:manage': staffOnly(),
  'attendance:manage': staffOnly(),
  'obligations:own': {
    anonymous: false,
    staff: true,
    board: false,
    representativeA: true,
    alternateA: true,
    noRole: false,
    apiToken: false,
  },
  'obligations:network': {
    anonymous: false,
    staff: true,
    board: true,
    representativeA: false,
    alternateA: false,
    noRole: false,
    apiToken: false,
  },
  'obligations:manage': staffOnly(),
  'site:manage': staffOnly(),
  'content:members': {
    anonymous: false,
    staff: true,
    board: true,
    representativeA: true,
    alternateA: true,
    noRole: false,
    apiToken: false,
  },
  'library:contribute': {
    anonymous: false,
    staff: true,
    board: false,
    representativeA: true,
    alternateA: true,
    noRole: false,
    apiToken: false,
  },
  'library:manage': staffOnly(),
  'outcomes:own': {
    anonymous: false,
    staff: true,
    board: false,
    representativeA: true,
    alternateA: true,
    noRole: false,
    apiToken: false,
  },
  'outcomes:manage': staffOnly(),
}

function staffOnly(): Record<ViewerName, boolean> {
  return {
    anonymous: false,
    staff: true,
    board: false,
    representativeA: false,
    alternateA: false,
    noRole: false,
    apiToken: false,
  }
}

const ORG_A = 'amp-socal'
const ORG_B = 'south-kansas'

type Route = { method: string; path: string; permission: string | undefined; guardIsFirst: boolean }

/**
 * The app's routes, one per method and path. Hono lists one entry per handler; the
 * middleware registered with `use` (method ALL, path /*) are not routes. The guard is
 * the handler carrying the `permission` that requirePermission attaches.
 */
function routesOf(app: TestApp['app']): Route[] {
  const grouped = new Map<string, { method: string; path: string; handlers: unknown[] }>()
  for (const entry of app.routes) {
    if (entry.method === 'ALL' && entry.path === '/*') continue
    const key = `${entry.method} ${entry.path}`
    const group = grouped.get(key) ?? { method: entry.method, path: entry.path, handlers: [] }
    group.handlers.push(entry.handler)
    grouped.set(key, group)
  }
  return [...grouped.values()].map((g) => {
    const guardIndex = g.handlers.findIndex(
      (h) => typeof h === 'function' && typeof (h as { permission?: unknown }).permission === 'string',
    )
    const guard = g.handlers[guardIndex] as { permission: string } | undefined
    return { method: g.method, path: g.path, permission: guard?.permission, guardIsFirst: guardIndex === 0 }
  })
}

const isStateChanging = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method)

describe(`the access matrix on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let routes: Route[]
  const sessions = new Map<ViewerName, Session>()
  const emails = new Map<ViewerName, string>()
  let apiToken: string
  let orgAId: string
  let checks = 0

  /** A real value for each path parameter, and something sensible for a wildcard. */
  function fill(path: string, slug = ORG_A): string {
    return path
      .replace(/:(\w+)(\{[^}]*\})?\??/g, (_m, name: string) => {
        if (name === 'slug') return slug
        if (name === 'id' || name.endsWith('Id')) return orgAId
        return 'not-a-real-value'
      })
      .replace(/\*/g, 'ok')
  }

  /** Sends the request as the viewer: GETs with its cookies, other methods as a form with a valid token. */
  async function send(viewer: ViewerName, method: string, path: string): Promise<Response> {
    const session = sessions.get(viewer) as Session
    const headers: Record<string, string> =
      viewer === 'apiToken' ? { Authorization: `Bearer ${apiToken}` } : {}
    if (method === 'ALL' || method === 'GET') return session.get(path, headers)
    if (method === 'POST') return session.post(path, {}, headers)
    return t.app.request(path, {
      method,
      body: new URLSearchParams({ _csrf: TEST_CSRF }),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: TEST_ORIGIN,
        Cookie: session.cookieHeader,
        ...headers,
      },
    })
  }

  /** A route may sign its viewer out (sign-out does): sign them back in before the next check. */
  async function keepSignedIn(viewer: ViewerName) {
    const email = emails.get(viewer)
    const session = sessions.get(viewer)
    if (!email || !session) return
    const current = await t.auth.api.getSession({ headers: new Headers({ cookie: session.cookieHeader }) })
    if (!current) await signInAs(session, database.db, t.auth, { email })
  }

  const outcome = (res: Response) => {
    const location = res.headers.get('location') ?? ''
    const toSignIn = res.status >= 300 && res.status < 400 && location.startsWith('/sign-in')
    return {
      denied: res.status === 401 || res.status === 403 || toSignIn,
      crashed: res.status >= 500,
      said: `${res.status}${location ? ` → ${location}` : ''}`,
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    routes = routesOf(t.app)

    const seatHolders = await queryRows<{ role: string; email: string }>(
      database.db,
      sql`select s.role, p.email from seats s join organizations o on o.id = s.organization_id
        join people p on p.id = s.person_id where o.slug = ${ORG_A} and s.starts_on <= ${DEMO_TODAY}::date
          and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    const holder = (role: string) => {
      const email = seatHolders.find((s) => s.role === role)?.email
      if (!email) throw new Error(`${ORG_A} has no ${role} on ${DEMO_TODAY}`)
      return email
    }
    const [orgA] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from organizations where slug = ${ORG_A}`,
    )
    orgAId = orgA?.id ?? ''

    // A signed-in account with no role: a person with no staff, board or seat record.
    await writeAs(database.db, 'system', (tx) =>
      tx.insert(people).values({ fullName: 'Noor Roleless', email: 'no.role@example.org' }),
    )
    emails.set('staff', 'staff@example.org')
    emails.set('board', 'board@example.org')
    emails.set('representativeA', holder('representative'))
    emails.set('alternateA', holder('alternate'))
    emails.set('noRole', 'no.role@example.org')
    for (const viewer of viewers) sessions.set(viewer, new Session(t.app))
    for (const [viewer, email] of emails)
      await signInAs(sessions.get(viewer) as Session, database.db, t.auth, { email })
    const staffPersonId = (await personByEmail(database.db, 'staff@example.org'))?.id ?? ''
    apiToken = (
      await createApiToken(database.db, {
        name: 'Access matrix',
        scopes: ['organizations:read'],
        createdBy: staffPersonId,
      })
    ).token
  })
  afterAll(async () => {
    process.stdout.write(
      `access matrix: ${routes?.length ?? 0} routes, ${checks} checks (${viewers.length} viewers) on ${testEngine}\n`,
    )
    await t?.stop()
    await database?.drop()
  })

  it('finds the routes of the app, with the public pages and the profile form among them', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`)
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /',
        'GET /directory',
        'GET /organizations/:slug',
        'GET /organizations/:slug/edit',
        'POST /organizations/:slug/edit',
        'GET /api/v1/organizations',
      ]),
    )
  })

  it('gives every route a permission guard, as its first handler', () => {
    const unguarded = routes.filter((r) => !r.permission).map((r) => `${r.method} ${r.path}`)
    expect(unguarded, 'routes without requirePermission(…)').toEqual([])
    const late = routes.filter((r) => !r.guardIsFirst).map((r) => `${r.method} ${r.path}`)
    expect(late, 'routes whose guard is not the first handler').toEqual([])
  })

  it('knows who may pass every permission the routes use', () => {
    const unknown = routes
      .filter((r) => r.permission && !(r.permission in EXPECTED))
      .map((r) => `${r.method} ${r.path} requires "${r.permission}", which the expected table lacks`)
    expect(unknown).toEqual([])
  })

  it('allows and refuses every viewer on every route as the expected table says', async () => {
    const wrong: string[] = []
    for (const route of routes) {
      const expected = EXPECTED[route.permission as Permission]
      if (!expected) continue
      const path = fill(route.path)
      for (const viewer of viewers) {
        const res = await send(viewer, route.method, path)
        checks++
        const got = outcome(res)
        const shouldPass = expected[viewer]
        if (got.crashed) wrong.push(`${route.method} ${path} as ${viewer}: crashed with ${got.said}`)
        else if (shouldPass && got.denied)
          wrong.push(
            `${route.method} ${path} (${route.permission}) as ${viewer}: refused (${got.said}), expected allowed`,
          )
        else if (!shouldPass && !got.denied)
          wrong.push(
            `${route.method} ${path} (${route.permission}) as ${viewer}: allowed (${got.said}), expected refused`,
          )
        if (isStateChanging(route.method) || route.path.includes('sign-out')) await keepSignedIn(viewer)
      }
    }
    expect(wrong, 'access matrix mismatches').toEqual([])
    expect(checks).toBe(routes.length * viewers.length)
  }, 240_000)

  it("refuses org A's representative and alternate the profile of org B, which staff may edit", async () => {
    const editRoutes = routes.filter((r) => r.permission === 'organization:edit-own')
    expect(editRoutes.length).toBeGreaterThanOrEqual(2)
    const expectedForB: Partial<Record<ViewerName, boolean>> = {
      representativeA: false,
      alternateA: false,
      staff: true,
      board: false,
      noRole: false,
    }
    const wrong: string[] = []
    for (const route of editRoutes) {
      const path = fill(route.path, ORG_B)
      for (const [viewer, shouldPass] of Object.entries(expectedForB) as [ViewerName, boolean][]) {
        const got = outcome(await send(viewer, route.method, path))
        checks++
        if (got.crashed || got.denied === shouldPass)
          wrong.push(
            `${route.method} ${path} as ${viewer}: ${got.said}, expected ${shouldPass ? 'allowed' : 'refused'}`,
          )
        if (isStateChanging(route.method)) await keepSignedIn(viewer)
      }
    }
    expect(wrong).toEqual([])
  })
})
