import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import type { AppEnv } from '#src/http/deps.ts'

/** Serves the app on a real socket (any free port on 127.0.0.1), as `hub serve` does. */
export async function listenOn(app: Hono<AppEnv>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type ChunkedAnswer = {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  /** How much of the body had been written when the answer came (or the connection ended). */
  bytesSent: number
}

/**
 * Sends a body with `Transfer-Encoding: chunked` (no Content-Length), `chunk` bytes at a time,
 * up to `total` bytes or until the server answers, as `curl -H 'Transfer-Encoding: chunked'` does.
 */
export function sendChunked(
  url: string,
  options: {
    method?: string
    headers?: Record<string, string>
    total: number
    chunk?: Buffer
    /** Written once before the filler (a multipart header, say). */
    head?: string
  },
): Promise<ChunkedAnswer> {
  const chunk = options.chunk ?? Buffer.alloc(64 * 1024, 0x61)
  return new Promise((resolve, reject) => {
    let bytesSent = 0
    let answered = false
    const req = http.request(url, {
      method: options.method ?? 'POST',
      headers: { ...options.headers, 'Transfer-Encoding': 'chunked' },
    })
    req.on('response', (res) => {
      answered = true
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (part: string) => {
        body += part
      })
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, bytesSent })
        req.destroy()
      })
      res.on('error', reject)
    })
    // The server may close the connection once it has answered: that is not a failure here.
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    const write = () => {
      while (!answered && bytesSent < options.total) {
        bytesSent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', write)
      }
      if (!answered) req.end()
    }
    if (options.head) {
      req.write(options.head)
      bytesSent += Buffer.byteLength(options.head)
    }
    write()
  })
}
