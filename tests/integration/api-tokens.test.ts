import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import type { AppEnv } from '#src/http/deps.ts'
import type { Viewer } from '#src/http/viewer.ts'
import { queryRows } from '../../src/db/sql.ts'
import { requireScope } from '../../src/features/access/api-tokens.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

describe(`API tokens on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let board: Session
  let robinId: string

  const count = async (query = sql`select count(*)::int as n from api_tokens`) =>
    (await queryRows<{ n: number }>(database.db, query))[0]?.n
  /** Posts a form with repeated fields (checkboxes) from a session, as a browser would. */
  const postForm = (session: Session, path: string, fields: [string, string][]) =>
    t.app.request(path, {
      method: 'POST',
      body: new URLSearchParams([['_csrf', TEST_CSRF], ...fields]),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: TEST_ORIGIN,
        Cookie: session.cookieHeader,
      },
    })
  const bearer = (token: string, path = '/api/v1/organizations') =>
    t.app.request(path, { headers: { Authorization: `Bearer ${token}` } })
  const tokenIn = (html: string) => html.match(/id="new-token" type="text" readonly="" value="([^"]+)"/)?.[1]
  const createToken = async (name: string, scopes: string[]) => {
    const res = await postForm(staff, '/staff/api-tokens', [
      ['name', name],
      ...scopes.map((s): [string, string] => ['scopes', s]),
    ])
    expect(res.status).toBe(201)
    const token = tokenIn(await res.text())
    expect(token).toMatch(/^hub_[\w-]{32}$/)
    const [row] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from api_tokens where name = ${name}`,
    )
    return { token: token ?? '', id: row?.id ?? '' }
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })
    board = new Session(t.app)
    await signInAs(board, database.db, t.auth, { email: 'board@example.org' })
    robinId = (await personByEmail(database.db, 'staff@example.org'))?.id ?? ''
  })
  afterAll(async () => {
    await t.stop()
    await database.drop()
  })

  it('shows staff the token list and a form to create one, with a checkbox per scope', async () => {
    const res = await staff.get('/staff/api-tokens')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1>API tokens</h1>')
    expect(html).toContain('No token has been created yet.')
    expect(html).toContain(`<input type="hidden" name="_csrf" value="${TEST_CSRF}"/>`)
    expect(html).toContain('<label for="token-name">Name</label>')
    for (const scope of ['organizations:read', 'audit:read']) {
      const id = `scope-${scope.replace(':', '-')}`
      expect(html).toContain(`<input type="checkbox" id="${id}" name="scopes" value="${scope}"`)
      expect(html).toContain(`<label for="${id}"><code>${scope}</code></label>`)
    }
    // The audit log holds every change: staff are told so before they give a token that scope.
    expect(html).toContain(
      'every change as it was written, members-only and unpublished content and personal details included',
    )
  })

  it('shows a new token once, with a warning, and keeps only its hash', async () => {
    const res = await postForm(staff, '/staff/api-tokens', [
      ['name', 'Reporting dashboard'],
      ['scopes', 'organizations:read'],
      ['scopes', 'audit:read'],
    ])
    expect(res.status).toBe(201)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('Copy the token now: it will not be shown again.')
    expect(html).toContain(
      'The token “Reporting dashboard” was created with the scopes organizations:read, audit:read.',
    )
    const token = tokenIn(html) ?? ''
    expect(token).toMatch(/^hub_[\w-]{32}$/)

    const rows = await queryRows<{ row: Record<string, unknown>; text: string }>(
      database.db,
      sql`select to_jsonb(t) as row, to_jsonb(t)::text as text from api_tokens t`,
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]?.row).toMatchObject({
      name: 'Reporting dashboard',
      prefix: token.slice(0, 10),
      token_hash: createHash('sha256').update(token).digest('hex'),
      scopes: ['organizations:read', 'audit:read'],
      created_by: robinId,
      revoked_at: null,
    })
    const anywhere = await queryRows<{ n: number }>(
      database.db,
      sql`select (select count(*) from api_tokens t where to_jsonb(t)::text like ${`%${token}%`})::int
        + (select count(*) from audit_log a where to_jsonb(a)::text like ${`%${token}%`})::int
        + (select count(*) from audit_log a where to_jsonb(a)::text like ${`%${rows[0]?.row.token_hash}%`})::int as n`,
    )
    expect(anywhere[0]?.n).toBe(0)

    const list = await (await staff.get('/staff/api-tokens')).text()
    expect(list).not.toContain(token)
    expect(list).toContain('<th scope="row">Reporting dashboard</th>')
    expect(list).toContain(`<code>${token.slice(0, 10)}…</code>`)
    expect(list).toContain('by Robin Castellano (staff@example.org)')
    expect(list).toContain('<span class="badge">Active</span>')
    expect(list).toContain('Never')

    const audit = await (await staff.get('/staff/audit?table=api_tokens')).text()
    expect(audit).toContain('Insert in api_tokens')
    expect(audit).toContain('Robin Castellano (staff@example.org)')
    expect(audit).not.toContain('token_hash')
  })

  it('lets a token read the API, and records each call in the audit log against the token', async () => {
    const { token, id } = await createToken('Directory sync', ['organizations:read'])
    const res = await bearer(token)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0)
    await bearer(token, '/api/v1/organizations/amp-socal')

    const calls = await queryRows<{ actor: string; detail: string }>(
      database.db,
      sql`select actor, detail from audit_log where action = 'api_call' order by at, detail`,
    )
    expect(calls).toEqual([
      { actor: `token:${id}`, detail: 'GET /api/v1/organizations' },
      { actor: `token:${id}`, detail: 'GET /api/v1/organizations/amp-socal' },
    ])
    const page = await (await staff.get('/staff/audit?action=api_call')).text()
    expect(page).toContain('API call: GET /api/v1/organizations/amp-socal')
    expect(page).toContain('<dt>Who:</dt> <dd>API token Directory sync</dd>')
    const byName = await (await staff.get('/staff/audit?actor=Directory+sync')).text()
    expect(byName).toContain('Showing 2 entries matching these filters')

    const list = await (await staff.get('/staff/api-tokens')).text()
    const row = list.slice(list.indexOf('<th scope="row">Directory sync</th>'))
    expect(row.slice(0, row.indexOf('</tr>'))).not.toContain('Never')
  })

  it('refuses a revoked token with 401, and records who revoked it', async () => {
    const { token, id } = await createToken('Old integration', ['organizations:read'])
    expect((await bearer(token)).status).toBe(200)

    const res = await staff.post(`/staff/api-tokens/${id}/revoke`, {})
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/staff/api-tokens?revoked=${id}`)
    const list = await (await staff.get(res.headers.get('Location') ?? '')).text()
    expect(list).toContain('The token “Old integration” was revoked.')
    const row = list.slice(list.indexOf('<th scope="row">Old integration</th>'))
    expect(row.slice(0, row.indexOf('</tr>'))).toContain('Revoked')
    expect(row.slice(0, row.indexOf('</tr>'))).not.toContain('<button')

    const refused = await bearer(token)
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'The API token is not valid.' },
    })
    const [revocation] = await queryRows<{ actor: string; changed: string[] }>(
      database.db,
      sql`select actor, changed from audit_log where table_name = 'api_tokens' and record_id = ${id} and action = 'update'`,
    )
    expect(revocation).toEqual({ actor: `person:${robinId}`, changed: ['revoked_at'] })

    const again = await staff.post(`/staff/api-tokens/${id}/revoke`, {})
    expect(again.status).toBe(404)
  })

  it('answers an unknown token with 401 and a JSON error', async () => {
    for (const token of ['hub_not-a-real-token-at-all-000000000000', 'x']) {
      const res = await bearer(token)
      expect(res.status).toBe(401)
      expect(res.headers.get('Content-Type')).toContain('application/json')
      const body = (await res.json()) as { error: { code: string; message: string } }
      expect(body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'The API token is not valid.' } })
    }
  })

  it('refuses a token without the audit:read scope on the audit API', async () => {
    const { token } = await createToken('Organisations only', ['organizations:read'])
    const res = await bearer(token, '/api/v1/audit')
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })

  it('lets a token with the audit:read scope read the audit API', async () => {
    const { token } = await createToken('Auditor', ['audit:read'])
    const res = await bearer(token, '/api/v1/audit')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { data: unknown[] }
    expect(Array.isArray(body.data)).toBe(true)
  })

  it('lets requireScope pass sessions and tokens with the scope, and refuse tokens without it', async () => {
    const probe = (viewer: Viewer) => {
      const app = new Hono<AppEnv>()
      app.use(async (c, next) => {
        c.set('viewer', viewer)
        await next()
      })
      app.get('/probe', requireScope('audit:read'), (c) => c.text('ok'))
      return app.request('/probe')
    }
    const token = (scopes: string[]): Viewer => ({ kind: 'token', tokenId: 'x', name: 'x', scopes })
    expect((await probe(token(['audit:read']))).status).toBe(200)
    const refused = await probe(token(['organizations:read']))
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({
      error: { code: 'FORBIDDEN', message: 'This API token does not have the audit:read scope.' },
    })
    expect((await probe({ kind: 'anonymous' })).status).toBe(200)
  })

  it('explains a missing name or scope next to the field and keeps what was typed', async () => {
    const before = await count()
    const res = await postForm(staff, '/staff/api-tokens', [['name', '   ']])
    expect(res.status).toBe(400)
    let html = await res.text()
    expect(html).toContain('The token was not created: correct the fields marked below.')
    expect(html).toContain(
      '<p class="error" id="token-name-error">Give the token a name, such as “Reporting dashboard”.</p>',
    )
    expect(html).toContain('<p class="form-error" id="token-scopes-error">Choose at least one scope.</p>')

    html = await (
      await postForm(staff, '/staff/api-tokens', [
        ['name', `<b>${'n'.repeat(101)}`],
        ['scopes', 'audit:read'],
      ])
    ).text()
    expect(html).toContain('Use at most 100 characters for the name.')
    expect(html).toContain(`value="&lt;b&gt;${'n'.repeat(101)}"`)
    expect(html).toMatch(/value="audit:read" checked=""/)
    expect(html).not.toMatch(/value="organizations:read" checked=""/)

    html = await (
      await postForm(staff, '/staff/api-tokens', [
        ['name', 'Bad scope'],
        ['scopes', 'admin'],
      ])
    ).text()
    expect(html).toContain('Choose scopes from the list.')
    expect(await count()).toBe(before)
  })

  it('refuses the page and the form to a signed-in member who is not staff, creating nothing', async () => {
    const before = await count()
    const page = await board.get('/staff/api-tokens')
    expect(page.status).toBe(403)
    expect(await page.text()).toContain('Your account does not have access to this page.')
    const post = await postForm(board, '/staff/api-tokens', [
      ['name', 'Sneaky'],
      ['scopes', 'audit:read'],
    ])
    expect(post.status).toBe(403)
    const [someToken] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from api_tokens where revoked_at is null limit 1`,
    )
    const revoke = await board.post(`/staff/api-tokens/${someToken?.id}/revoke`, {})
    expect(revoke.status).toBe(403)
    expect(await count()).toBe(before)
    expect(await count(sql`select count(*)::int as n from api_tokens where revoked_at is not null`)).toBe(1)

    const anonymous = await new Session(t.app).get('/staff/api-tokens')
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('Location')).toBe('/sign-in?next=%2Fstaff%2Fapi-tokens')
  })

  it('refuses a cross-site form post from a staff browser, creating nothing', async () => {
    const before = await count()
    const crossSite = (headers: Record<string, string>, csrf?: string) =>
      t.app.request('/staff/api-tokens', {
        method: 'POST',
        body: new URLSearchParams([
          ...(csrf ? [['_csrf', csrf]] : []),
          ['name', 'Forged'],
          ['scopes', 'audit:read'],
        ]),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: staff.cookieHeader,
          ...headers,
        },
      })
    for (const res of [
      await crossSite({}),
      await crossSite({ Origin: 'https://evil.example' }, TEST_CSRF),
      await crossSite({ Origin: TEST_ORIGIN }),
      await crossSite({ Origin: TEST_ORIGIN }, 'another-token-of-the-same-length'),
    ]) {
      expect(res.status).toBe(403)
      expect(await res.text()).toContain('did not come from a page of ')
    }
    expect(await count()).toBe(before)
  })
})
