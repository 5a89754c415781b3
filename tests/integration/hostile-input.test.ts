import { type SQL, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import type { Db } from '../../src/db/client.ts'
import { queryRows } from '../../src/db/sql.ts'
import { createApiToken } from '../../src/features/access/api-tokens.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { applyEntries } from '../support/hostile/apply.ts'
import { attendanceEntries } from '../support/hostile/attendance.ts'
import { attendanceHistoryEntries } from '../support/hostile/attendance-history.ts'
import { attendanceQuestionEntries } from '../support/hostile/attendance-questions.ts'
import { calendarFeedsEntries } from '../support/hostile/calendar-feeds.ts'
import { callsEntries } from '../support/hostile/calls.ts'
import { fundingEntries } from '../support/hostile/funding.ts'
import { outcomeFactsEntries } from '../support/hostile/outcome-facts.ts'
import { outcomeImportEntries } from '../support/hostile/outcome-import.ts'
import { outcomesEntries } from '../support/hostile/outcomes.ts'
import { peopleEntries } from '../support/hostile/people.ts'
import { presentationsEntries } from '../support/hostile/presentations.ts'
import { remindersEntries } from '../support/hostile/reminders.ts'
import { reviewEntries } from '../support/hostile/review.ts'
import { rollCallEntries } from '../support/hostile/roll-call.ts'
import { seatEntries } from '../support/hostile/seats.ts'
import { sharingEntries } from '../support/hostile/sharing.ts'
import { siteContentEntries } from '../support/hostile/site-content.ts'
import type { Ctx, Entry } from '../support/hostile/types.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { signInAs, TEST_PASSWORD } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const ORG_A = 'amp-socal'

const SCRIPT = '<script>alert(1)</script><img src=x onerror=alert(2)>'
const SCRIPT_ESCAPED = ['&lt;script&gt;alert(1)&lt;/script&gt;', '&lt;img src=x onerror=alert(2)&gt;']
const SCRIPT_RAW = ['<script>alert(', '<img src=x']
const OVER_LONG = 'a'.repeat(10_001)
/** SQL meta-characters, which must be stored as typed (no NUL: PostgreSQL text cannot hold it). */
const SQL_META = [
  "'; DROP TABLE organizations; --",
  `Robert"); DROP TABLE organizations;-- "quoted"`,
  'back\\slash \\\' \\" \\\\ and \\n',
  '100% _under_ %% __ like-wildcards',
  'O\'Brien & Sons\' "Works" -- /* not a comment */ ; $1 $$ ?',
]

const rows = async <T>(db: Db, query: SQL) => queryRows<T>(db, query)

/**
 * Every state-changing route, with a valid request and its free-text fields. A new route
 * without an entry fails the test: add it here so that its form is covered too.
 */
const TABLE: Record<string, Entry> = {
  ...applyEntries,
  ...reviewEntries,
  ...seatEntries,
  ...callsEntries,
  ...attendanceEntries,
  ...attendanceHistoryEntries,
  ...attendanceQuestionEntries,
  ...calendarFeedsEntries,
  ...rollCallEntries,
  ...presentationsEntries,
  ...sharingEntries,
  ...remindersEntries,
  ...siteContentEntries,
  ...peopleEntries,
  ...outcomesEntries,
  ...outcomeFactsEntries,
  ...outcomeImportEntries,
  ...fundingEntries,
  'POST /organizations/:slug/edit': {
    sample: () => ({
      path: `/organizations/${ORG_A}/edit`,
      fields: {
        summary: 'A regional partnership.',
        website: 'https://amp-socal.example.org',
        focusIndustries: 'Aerospace and defense',
        partners: 'Port of Long Beach',
      },
    }),
    freeText: {
      summary: {
        tooLong: 'Write at most 2,000 characters (this summary has 10,001).',
        readBack: async (db) =>
          (
            await rows<{ v: string }>(db, sql`select summary as v from organizations where slug = ${ORG_A}`)
          ).map((r) => r.v),
      },
      focusIndustries: {
        tooLong: 'Each focus industry can be at most 100 characters; line 1 has 10,001.',
        readBack: async (db) =>
          (
            await rows<{ v: string[] }>(
              db,
              sql`select focus_industries as v from organizations where slug = ${ORG_A}`,
            )
          ).flatMap((r) => r.v),
      },
      partners: {
        tooLong: 'Each partner name can be at most 200 characters; line 1 has 10,001.',
        readBack: async (db) =>
          (
            await rows<{ v: string }>(
              db,
              sql`select p.name as v from organization_partners p join organizations o on o.id = p.organization_id
                where o.slug = ${ORG_A} order by p.position`,
            )
          ).map((r) => r.v),
      },
    },
    shownAt: () => [`/organizations/${ORG_A}`, `/organizations/${ORG_A}/edit`],
  },
  'POST /sign-in': {
    sample: () => ({
      path: '/sign-in',
      fields: { email: 'staff@example.org', password: TEST_PASSWORD, next: '/' },
    }),
  },
  'POST /sign-in/link': { sample: () => ({ path: '/sign-in/link', fields: { email: 'staff@example.org' } }) },
  'POST /sign-out': { sample: () => ({ path: '/sign-out', fields: {} }) },
  'POST /forgot-password': {
    sample: () => ({ path: '/forgot-password', fields: { email: 'staff@example.org' } }),
  },
  'POST /reset-password': {
    sample: () => ({
      path: '/reset-password',
      fields: {
        token: 'not-a-real-reset-token',
        newPassword: 'a new password 123',
        confirmPassword: 'a new password 123',
      },
    }),
  },
  'POST /account/email': {
    sample: () => ({ path: '/account/email', fields: { newEmail: 'robin.new@example.org' } }),
  },
  'POST /account/password': {
    sample: () => ({
      path: '/account/password',
      fields: {
        currentPassword: TEST_PASSWORD,
        newPassword: 'another password 456',
        confirmPassword: 'another password 456',
      },
    }),
  },
  'POST /staff/invitations': {
    sample: (ctx) => ({
      path: '/staff/invitations',
      fields: { fullName: 'Invited Person', email: `invitee.${ctx.next()}@example.org` },
    }),
    freeText: {
      fullName: {
        tooLong: 'Enter the full name, 1 to 200 characters.',
        readBack: async (db, sent) =>
          (
            await rows<{ v: string }>(
              db,
              sql`select p.full_name as v from invitations i join people p on p.id = i.person_id
                where lower(p.email) = lower(${sent.email ?? ''})`,
            )
          ).map((r) => r.v),
      },
    },
    shownAt: () => ['/staff/invitations'],
  },
  'POST /invitations/:token': {
    sample: () => ({
      path: '/invitations/not-a-real-invitation-token',
      fields: { newPassword: 'a new password 123', confirmPassword: 'a new password 123' },
    }),
  },
  'POST /staff/api-tokens': {
    sample: () => ({
      path: '/staff/api-tokens',
      fields: { name: 'Reporting dashboard', scopes: 'organizations:read' },
    }),
    freeText: {
      name: {
        tooLong: 'Use at most 100 characters for the name.',
        readBack: async (db) =>
          (
            await rows<{ v: string }>(
              db,
              sql`select name as v from api_tokens order by created_at desc limit 1`,
            )
          ).map((r) => r.v),
      },
    },
    shownAt: () => ['/staff/api-tokens'],
  },
  'POST /staff/api-tokens/:id/revoke': {
    sample: (ctx) => ({ path: `/staff/api-tokens/${ctx.tokenId}/revoke`, fields: {} }),
  },
}

const isStateChanging = (method: string) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)

const crossSiteMessage = 'did not come from a page of '

describe(`hostile input on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let routes: { method: string; path: string }[]
  let tokenId: string
  let counter = 0
  let inputs = 0
  const routesTried = new Set<string>()
  const ctx: Ctx = {
    get tokenId() {
      return tokenId
    },
    next: () => ++counter,
  }

  /** Every table's rows, hashed: equal before and after means nothing was stored or changed. */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = await rows<{ name: string }>(
      database.db,
      sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'auth_rate_limits'
        order by table_name`,
    )
    const result: Record<string, string> = {}
    for (const { name } of tables) {
      const [row] = await rows<{ h: string }>(
        database.db,
        sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.identifier(name)} t`,
      )
      result[name] = row?.h ?? ''
    }
    return result
  }

  const changedTables = (a: Record<string, string>, b: Record<string, string>) =>
    Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k])

  /** A form request with full control over what it carries. */
  function rawRequest(
    method: string,
    path: string,
    options: { origin?: string; csrfField?: string; csrfCookie?: string; fields: Record<string, string> },
  ) {
    const body = new URLSearchParams(options.fields)
    if (options.csrfField !== undefined) body.set('_csrf', options.csrfField)
    const cookies = new Map(staff.cookies)
    if (options.csrfCookie === undefined) cookies.delete('hub_csrf')
    else cookies.set('hub_csrf', options.csrfCookie)
    const headers: Record<string, string> = {
      'Content-Type': 'application/x-www-form-urlencoded',
      Cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    }
    if (options.origin) headers.Origin = options.origin
    return t.app.request(path, { method, body, headers })
  }

  const entryOf = (route: { method: string; path: string }) => TABLE[`${route.method} ${route.path}`]

  /** The smallest number of inputs the table makes this test try: it cannot quietly drop to none. */
  const floor = () =>
    routes.reduce((n, route) => {
      const entry = entryOf(route)
      const freeText = Object.keys(entry?.freeText ?? {}).length
      return n + 4 + freeText * (2 + SQL_META.length)
    }, 0)

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })
    const staffPerson = await personByEmail(database.db, 'staff@example.org')
    tokenId = (
      await createApiToken(database.db, {
        name: 'A token to revoke',
        scopes: ['organizations:read'],
        createdBy: staffPerson?.id ?? '',
      })
    ).id
    const seen = new Set<string>()
    routes = []
    for (const r of t.app.routes) {
      const key = `${r.method} ${r.path}`
      if (!isStateChanging(r.method) || seen.has(key)) continue
      seen.add(key)
      routes.push({ method: r.method, path: r.path })
    }
  })
  afterAll(async () => {
    process.stdout.write(
      `hostile-input: ${inputs} inputs tried on ${routesTried.size} routes (${testEngine})\n`,
    )
    await t?.stop()
    await database?.drop()
  })

  it('has a sample request for every state-changing route, so that new forms get covered', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('POST /organizations/:slug/edit')
    const missing = routes.filter((r) => !entryOf(r)).map((r) => `${r.method} ${r.path}`)
    expect(missing, 'state-changing routes without an entry in the hostile-input table').toEqual([])
  })

  it('refuses cross-site requests with 403 and changes nothing', async () => {
    const failures: string[] = []
    for (const route of routes) {
      const entry = entryOf(route)
      if (!entry) continue
      routesTried.add(`${route.method} ${route.path}`)
      const attacks = [
        { name: 'without an Origin header', origin: undefined, csrfField: TEST_CSRF, csrfCookie: TEST_CSRF },
        {
          name: 'from a foreign Origin',
          origin: 'https://evil.example',
          csrfField: TEST_CSRF,
          csrfCookie: TEST_CSRF,
        },
        {
          name: 'with our Origin and no form token',
          origin: TEST_ORIGIN,
          csrfField: undefined,
          csrfCookie: TEST_CSRF,
        },
        {
          name: 'with a form token that does not match the cookie',
          origin: TEST_ORIGIN,
          csrfField: 'forged-token-0123456789abcdef',
          csrfCookie: TEST_CSRF,
        },
      ]
      // One fingerprint around the four attacks on a route (hashing every table is the slow part).
      const before = await fingerprint()
      for (const attack of attacks) {
        const { path, fields } = entry.sample(ctx)
        const res = await rawRequest(route.method, path, { ...attack, fields })
        inputs++
        const body = await res.text()
        const what = `${route.method} ${path} ${attack.name}`
        if (res.status !== 403) failures.push(`${what}: answered ${res.status}, expected 403`)
        else if (!body.includes(crossSiteMessage) && !body.includes('CROSS_SITE'))
          failures.push(`${what}: 403 but not the cross-site refusal`)
      }
      const changed = changedTables(before, await fingerprint())
      if (changed.length > 0)
        failures.push(
          `${route.method} ${route.path}: a refused cross-site request changed ${changed.join(', ')}`,
        )
      // The same request from our own page gets past the cross-site check (as someone signed out).
      const { path, fields } = entry.sample(ctx)
      const control = await new Session(t.app).post(path, fields)
      const controlBody = await control.text()
      if (controlBody.includes(crossSiteMessage))
        failures.push(`${route.method} ${path}: refused as cross-site even from our own page`)
    }
    expect(failures).toEqual([])
  }, 240_000)

  it('stores script markup as text and shows it escaped on the pages that show it', async () => {
    const failures: string[] = []
    for (const route of routes) {
      const entry = entryOf(route)
      for (const field of Object.keys(entry?.freeText ?? {})) {
        if (!entry?.freeText?.[field]) continue
        const { path, fields } = entry.sample(ctx)
        const sent = { ...fields, [field]: SCRIPT }
        const res = await staff.post(path, sent)
        inputs++
        const what = `${route.method} ${path} ${field}`
        if (res.status >= 400) {
          failures.push(`${what}: markup refused with ${res.status}, expected it stored as text`)
          continue
        }
        const stored = await entry.freeText[field].readBack(database.db, sent)
        if (!stored.includes(SCRIPT)) failures.push(`${what}: stored ${JSON.stringify(stored)}`)
        const pages = [...(entry.shownAt?.(sent) ?? [])]
        const answers: [string, string][] = []
        if (res.headers.get('content-type')?.includes('text/html'))
          answers.push([`the answer to ${path}`, await res.text()])
        for (const page of pages) {
          const shown = await staff.get(page)
          answers.push([page, await shown.text()])
          // The public pages are also cached for anonymous visitors: check that copy too
          // (pages that send anonymous visitors to sign in have no such copy).
          const anonymousCopy = await t.app.request(page)
          if (
            !(anonymousCopy.status === 303 && anonymousCopy.headers.get('location')?.startsWith('/sign-in'))
          )
            answers.push([`${page} (anonymous)`, await anonymousCopy.text()])
        }
        if (pages.length === 0) failures.push(`${what}: the table names no page that shows this field`)
        for (const [where, html] of answers) {
          for (const raw of SCRIPT_RAW)
            if (html.includes(raw)) failures.push(`${what}: ${where} has the raw "${raw}"`)
        }
        for (const [where, html] of answers.filter(([w]) => !w.startsWith('the answer'))) {
          for (const escaped of SCRIPT_ESCAPED)
            if (!html.includes(escaped)) failures.push(`${what}: ${where} does not show "${escaped}"`)
        }
      }
    }
    expect(failures).toEqual([])
  }, 240_000)

  it('refuses an over-long value with 400 naming the field, and stores nothing', async () => {
    const failures: string[] = []
    for (const route of routes) {
      const entry = entryOf(route)
      for (const [field, spec] of Object.entries(entry?.freeText ?? {})) {
        if (!entry) continue
        const { path, fields } = entry.sample(ctx)
        const before = await fingerprint()
        const res = await staff.post(path, { ...fields, [field]: OVER_LONG })
        inputs++
        const html = await res.text()
        const changed = changedTables(before, await fingerprint())
        const what = `${route.method} ${path} ${field}`
        if (res.status !== 400) failures.push(`${what}: answered ${res.status}, expected 400`)
        if (!html.includes(spec.tooLong)) failures.push(`${what}: the answer lacks "${spec.tooLong}"`)
        if (!html.includes(`name="${field}"`))
          failures.push(`${what}: the answer has no ${field} field to fix`)
        if (changed.length > 0) failures.push(`${what}: changed ${changed.join(', ')}`)
      }
    }
    expect(failures).toEqual([])
  }, 240_000)

  it('stores SQL meta-characters literally', async () => {
    const failures: string[] = []
    for (const route of routes) {
      const entry = entryOf(route)
      for (const [field, spec] of Object.entries(entry?.freeText ?? {})) {
        if (!entry) continue
        for (const value of SQL_META) {
          const { path, fields } = entry.sample(ctx)
          const sent = { ...fields, [field]: value }
          const res = await staff.post(path, sent)
          inputs++
          const what = `${route.method} ${path} ${field} = ${JSON.stringify(value)}`
          if (res.status >= 400) {
            failures.push(`${what}: refused with ${res.status}`)
            continue
          }
          const stored = await spec.readBack(database.db, sent)
          if (!stored.includes(value)) failures.push(`${what}: read back ${JSON.stringify(stored)}`)
        }
      }
    }
    const [organizations] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from organizations`,
    )
    expect(organizations?.n).toBeGreaterThan(0)
    expect(failures).toEqual([])
  }, 240_000)

  it('tried at least as many inputs as the table calls for', () => {
    expect(floor()).toBeGreaterThanOrEqual(4 + 3 * (2 + SQL_META.length))
    expect(inputs).toBeGreaterThanOrEqual(floor())
  })
})
