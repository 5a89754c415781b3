import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { queryRows } from '../../src/db/sql.ts'
import { createApiToken } from '../../src/features/access/api-tokens.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { logger } from '../../src/lib/logger.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { TEST_CSRF } from '../support/http.ts'
import { listenOn, sendChunked } from '../support/listen.ts'
import { pageText } from '../support/page-text.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const MB = 1024 * 1024
const BOUNDARY = 'hub-test-boundary'
/** The start of a multipart form with one file field, as `curl -F f=@-` sends it. */
const fileHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="f"; filename="-"\r\nContent-Type: application/octet-stream\r\n\r\n`
const formHeaders = {
  'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
  Origin: TEST_ORIGIN,
  Cookie: `hub_csrf=${TEST_CSRF}`,
}

describe(`request bodies are bounded while they stream, on a listening server (${testEngine})`, () => {
  let database: TestDatabase
  let t: TestApp
  let server: Awaited<ReturnType<typeof listenOn>>
  let writeToken: string

  const healthy = async () => (await fetch(`${server.url}/healthz`)).status

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    server = await listenOn(t.app)
    const staff = await personByEmail(database.db, 'staff@example.org')
    writeToken = (
      await createApiToken(database.db, {
        name: 'Body limit probe',
        scopes: ['organizations:write'],
        createdBy: staff?.id ?? '',
      })
    ).token
  })
  afterAll(async () => {
    await server?.close()
    await t?.stop()
    await database?.drop()
  })

  it('refuses an anonymous chunked upload to the sign-in form with 413 long before its end, and keeps serving', async () => {
    const answer = await sendChunked(`${server.url}/sign-in`, {
      headers: formHeaders,
      head: fileHead,
      total: 64 * MB,
    })
    expect(answer.status).toBe(413)
    expect(await pageText(new Response(answer.body))).toContain('The form is over 64 KB; the limit is 64 KB.')
    expect(answer.bytesSent).toBeLessThan(64 * MB)
    expect(await healthy()).toBe(200)
    // An ordinary sign-in form still gets through.
    const page = await fetch(`${server.url}/sign-in`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: TEST_ORIGIN,
        Cookie: `hub_csrf=${TEST_CSRF}`,
      },
      body: new URLSearchParams({
        _csrf: TEST_CSRF,
        email: 'nobody@example.org',
        password: 'not the password',
      }),
    })
    expect(page.status).toBe(400)
  })

  it('gives the upload routes the upload limit: 20 MB a file, not the 64 KB of a form', async () => {
    const id = '00000000-0000-4000-8000-000000000000'
    // Over 64 KB but within the upload limit: past the limit, to the route's own checks (a sign-in).
    const within = await sendChunked(`${server.url}/applications/${id}/evidence`, {
      headers: { ...formHeaders, Cookie: '' },
      head: fileHead,
      total: MB,
    })
    expect(within.status).not.toBe(413)
    const over = await sendChunked(`${server.url}/applications/${id}/evidence`, {
      headers: formHeaders,
      head: fileHead,
      total: 40 * MB,
    })
    expect(over.status).toBe(413)
    expect(await pageText(new Response(over.body))).toContain('the limit is 20 MB a file')
    expect(await healthy()).toBe(200)
  })

  it('refuses a chunked JSON body over 512 KB on the API, even with a valid token, and changes nothing', async () => {
    const before = await queryRows<{ summary: string | null }>(
      database.db,
      sql`select summary from organizations where slug = 'south-kansas'`,
    )
    const answer = await sendChunked(`${server.url}/api/v1/organizations/south-kansas`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${writeToken}` },
      head: '{"summary":"',
      total: 8 * MB,
    })
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: 'TOO_LARGE',
        message: 'The request body is over 512 KB; the limit is 512 KB. Nothing was saved.',
      },
    })
    expect(
      await queryRows(database.db, sql`select summary from organizations where slug = 'south-kansas'`),
    ).toEqual(before)
    // A small chunked body is read as before.
    const small = await sendChunked(`${server.url}/api/v1/organizations/south-kansas`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${writeToken}` },
      chunk: Buffer.from(JSON.stringify({ website: 'https://south-kansas.example.org' })),
      total: 1,
    })
    expect(small.status).toBe(200)
  })

  it('answers a malformed multipart body with 400 and a message, logging no unexpected error', async () => {
    const unexpected = vi.spyOn(logger, 'error')
    try {
      const bodies = {
        'a boundary that the body does not use': `--another\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${TEST_CSRF}\r\n--another--\r\n`,
        'a body cut short': `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${TEST_CSRF}\r\n--${BOUNDARY}\r\nContent-Disposition: form-da`,
      }
      for (const [what, body] of Object.entries(bodies)) {
        const res = await fetch(`${server.url}/sign-in`, { method: 'POST', headers: formHeaders, body })
        expect(res.status, what).toBe(400)
        expect(await pageText(res), what).toContain('The form could not be read')
      }
      // Chunked, with no closing boundary at all.
      const cut = await sendChunked(`${server.url}/sign-in`, {
        headers: formHeaders,
        head: fileHead,
        chunk: Buffer.alloc(1024, 0x61),
        total: 1024,
      })
      expect(cut.status).toBe(400)
      expect(unexpected).not.toHaveBeenCalled()
    } finally {
      unexpected.mockRestore()
    }
    expect(await healthy()).toBe(200)
  })
})
