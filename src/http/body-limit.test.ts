import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { isAppError } from '#src/lib/errors.ts'
import { type BodyLimitTable, bodyLimitOf, limitBodies } from './body-limit.ts'
import { routeBodyLimits, UPLOAD_BODY_BYTES } from './route-body-limits.ts'

const table: BodyLimitTable = {
  rules: [
    { method: 'POST', path: '/files/:id', maxBytes: 4096, label: '4 KB a file', noun: 'upload' },
    { path: '/api/*', maxBytes: 2048, label: '2 KB', noun: 'request body' },
  ],
  fallback: { maxBytes: 1024, label: '1 KB', noun: 'form' },
}

/** A tiny app with the limit in front, handlers that read the body, and the Hub's error mapping. */
function appWith(limits: BodyLimitTable) {
  const app = new Hono()
  let handled = 0
  app.use(limitBodies(limits))
  app.post('/form', async (c) => {
    handled++
    const body = await c.req.parseBody()
    return c.json({ fields: Object.keys(body).sort() })
  })
  app.post('/files/:id', async (c) => {
    handled++
    return c.json({ bytes: (await c.req.arrayBuffer()).byteLength })
  })
  app.patch('/api/thing', async (c) => {
    handled++
    return c.json({ got: await c.req.json() })
  })
  app.onError((error, c) => {
    if (isAppError(error)) return c.json({ error: { code: error.code, message: error.userMessage } }, 400)
    throw error
  })
  return { app, handled: () => handled }
}

/** A body of `chunks` chunks of `size` bytes with no declared length; counts what was pulled. */
function chunkedBody(size: number, chunks: number) {
  let pulled = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= size * chunks) return controller.close()
      pulled += size
      controller.enqueue(new Uint8Array(size).fill(0x61))
    },
  })
  return { stream, pulled: () => pulled }
}

const streamed = (path: string, stream: ReadableStream, type: string, method = 'POST') =>
  new Request(`http://hub.test${path}`, {
    method,
    body: stream,
    headers: { 'Content-Type': type },
    duplex: 'half',
  } as RequestInit)

describe('body limits', () => {
  it('refuses a chunked body as soon as it passes the limit, without reading the rest', async () => {
    const { app, handled } = appWith(table)
    // 1,000 chunks of 1 KB: the limit is 1 KB, so the second chunk is one too many.
    const body = chunkedBody(1024, 1000)
    const res = await app.request(streamed('/form', body.stream, 'application/x-www-form-urlencoded'))
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('The form is over 1 KB; the limit is 1 KB.')
    expect(body.pulled()).toBeLessThan(10 * 1024)
    expect(handled()).toBe(0)
  })

  it('refuses a declared length over the limit at once, saying the size', async () => {
    const { app, handled } = appWith(table)
    const res = await app.request('/files/1', {
      method: 'POST',
      body: 'x',
      headers: {
        'Content-Type': 'multipart/form-data; boundary=b',
        'Content-Length': String(40 * 1024 * 1024),
      },
    })
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('The upload is 40.0 MB; the limit is 4 KB a file.')
    expect(handled()).toBe(0)
  })

  it('answers the API in JSON', async () => {
    const { app } = appWith(table)
    const res = await app.request(
      streamed('/api/thing', chunkedBody(1024, 100).stream, 'application/json', 'PATCH'),
    )
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({
      error: {
        code: 'TOO_LARGE',
        message: 'The request body is over 2 KB; the limit is 2 KB. Nothing was saved.',
      },
    })
  })

  it('lets a body within the limit through to the route, which reads it whole', async () => {
    const { app } = appWith(table)
    const form = await app.request(
      streamed('/form', new Blob(['a=1&b=2']).stream(), 'application/x-www-form-urlencoded'),
    )
    expect(await form.json()).toEqual({ fields: ['a', 'b'] })
    const upload = await app.request(
      streamed('/files/7', chunkedBody(1024, 4).stream, 'application/octet-stream'),
    )
    expect(await upload.json()).toEqual({ bytes: 4096 })
  })

  it('answers a malformed multipart body with a 400 and a message', async () => {
    const { app, handled } = appWith(table)
    for (const body of ['--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end', 'no parts at all']) {
      const res = await app.request('/form', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
      })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
        'The form could not be read',
      )
    }
    expect(handled()).toBe(0)
  })

  it('finds the limit of a route by method and path, parameters standing for one segment', () => {
    expect(bodyLimitOf(table, 'POST', '/files/abc').maxBytes).toBe(4096)
    expect(bodyLimitOf(table, 'PUT', '/files/abc').maxBytes).toBe(1024)
    expect(bodyLimitOf(table, 'POST', '/files/abc/more').maxBytes).toBe(1024)
    expect(bodyLimitOf(table, 'PATCH', '/api/v1/organizations/x').maxBytes).toBe(2048)
    expect(bodyLimitOf(table, 'POST', '/apiary').maxBytes).toBe(1024)
  })

  it("gives the Hub's uploads the upload limit and every ordinary form 64 KB", () => {
    const id = '4f1c2b3a-0000-4000-8000-000000000000'
    for (const path of [
      '/staff/calls/2026-11-09/attendance/imports',
      `/applications/${id}/evidence`,
      '/organizations/great-lakes/sharing',
      '/staff/library/new',
      `/staff/library/${id}`,
      '/library/contribute',
      '/presentations/2026/great-lakes/edit',
    ])
      expect(bodyLimitOf(routeBodyLimits, 'POST', path).maxBytes).toBe(UPLOAD_BODY_BYTES)
    for (const path of [
      '/sign-in',
      `/applications/${id}/submit`,
      '/organizations/great-lakes/sharing/x/answer',
      '/staff/library/contributors',
      `/staff/library/${id}/status`,
    ])
      expect(bodyLimitOf(routeBodyLimits, 'POST', path).maxBytes).toBe(64 * 1024)
    expect(bodyLimitOf(routeBodyLimits, 'PATCH', '/api/v1/organizations/x').maxBytes).toBe(512 * 1024)
  })
})
