import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type ApiError = { error: { code: string; message: string } }

describe(`an API client without credentials is asked for a token (${testEngine})`, () => {
  let database: TestDatabase
  let t: TestApp

  const patch = (headers: Record<string, string>) =>
    t.app.request('/api/v1/organizations/south-kansas', {
      method: 'PATCH',
      body: JSON.stringify({ summary: 'Changed by someone unknown' }),
      headers: { 'Content-Type': 'application/json', ...headers },
    })

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('answers a write with neither token nor cookie with 401 and WWW-Authenticate: Bearer', async () => {
    const bare: Record<string, string>[] = [
      {},
      { Origin: 'https://client.example' },
      { Cookie: `hub_csrf=${TEST_CSRF}` },
    ]
    for (const headers of bare) {
      const res = await patch(headers)
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="api"')
      expect(((await res.json()) as ApiError).error).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Sign in or send an API token.',
      })
    }
  })

  it('answers a read that needs credentials, and a bad token, with 401 and WWW-Authenticate', async () => {
    const read = await t.app.request('/api/v1/applications')
    expect(read.status).toBe(401)
    expect(read.headers.get('www-authenticate')).toBe('Bearer realm="api"')
    const bad = await patch({ Authorization: 'Bearer hub_not-a-token-of-ours' })
    expect(bad.status).toBe(401)
    expect(bad.headers.get('www-authenticate')).toBe('Bearer realm="api", error="invalid_token"')
    expect(((await bad.json()) as ApiError).error.message).toBe('The API token is not valid.')
  })

  it('still refuses a signed-in browser request without the form token as cross-site', async () => {
    const staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })
    const res = await patch({ Cookie: staff.cookieHeader, Origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(((await res.json()) as ApiError).error.code).toBe('CROSS_SITE')
    expect(res.headers.get('www-authenticate')).toBeNull()
  })

  it('still refuses a cookie-less form posted to a page from another site (no sign-in from elsewhere)', async () => {
    const res = await t.app.request('/sign-in', {
      method: 'POST',
      body: new URLSearchParams({ email: 'staff@example.org', password: 'whatever it is' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
    })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain(
      'did not come from a page of American Manufacturing Community Collaborative, so it was refused',
    )
    // From our own page it gets through to the sign-in itself.
    const ours = await new Session(t.app).post('/sign-in', {
      email: 'nobody@example.org',
      password: 'not the password',
    })
    expect(ours.status).toBe(400)
    expect(ours.headers.get('www-authenticate')).toBeNull()
  })
})
