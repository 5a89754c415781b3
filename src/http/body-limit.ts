import type { Context, Env, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { AppError } from '#src/lib/errors.ts'
import { errorResponse } from './errors.ts'

/** How large a request body may be, and how to say so. */
export type BodyLimit = {
  maxBytes: number
  /** The limit as a person reads it: "64 KB", "20 MB a file". */
  label: string
  /** What the body is called in the refusal: "form", "upload", "request body". */
  noun: string
  /** The route streams its body itself (a file sent as it is): a form body gets the fallback's limit. */
  raw?: true
}

/** A limit for the routes that match `method` (any when left out) and `path`. */
export type BodyLimitRule = BodyLimit & {
  method?: string
  /** A route as Hono writes it ('/applications/:id/evidence'), or a prefix ending in '/*' ('/api/*'). */
  path: string
}

/** The rules, first match wins; `fallback` for every other route. */
export type BodyLimitTable = { rules: BodyLimitRule[]; fallback: BodyLimit }

const patternOf = (path: string): RegExp => {
  const isPrefix = path.endsWith('/*')
  const segments = (isPrefix ? path.slice(0, -2) : path)
    .split('/')
    .map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  return new RegExp(`^${segments.join('/')}${isPrefix ? '(?:/.*)?' : '/?'}$`)
}

/**
 * The limit of one request, from the table.
 * @example bodyLimitOf(table, 'POST', '/applications/4f…/evidence') // the upload limit
 */
export function bodyLimitOf(table: BodyLimitTable, method: string, path: string): BodyLimit {
  const compiled = compiledRules(table)
  return compiled.find((r) => (!r.method || r.method === method) && r.pattern.test(path)) ?? table.fallback
}

const compiledCache = new WeakMap<BodyLimitTable, (BodyLimitRule & { pattern: RegExp })[]>()
function compiledRules(table: BodyLimitTable) {
  let compiled = compiledCache.get(table)
  if (!compiled) {
    compiled = table.rules.map((rule) => ({ ...rule, pattern: patternOf(rule.path) }))
    compiledCache.set(table, compiled)
  }
  return compiled
}

/** A size for people: 812 KB, 40.0 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** The refusal of a body over its limit: JSON for the API, the error page otherwise. */
async function tooLarge(c: Context, limit: BodyLimit): Promise<Response> {
  const declared = Number(c.req.header('Content-Length') ?? Number.NaN)
  const size = Number.isFinite(declared) && declared > limit.maxBytes ? formatBytes(declared) : undefined
  const message = `The ${limit.noun} is ${size ?? `over ${formatBytes(limit.maxBytes)}`}; the limit is ${limit.label}. Nothing was saved.`
  return errorResponse(c, 'TOO_LARGE', message)
}

const isForm = (type: string) => /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)

/**
 * Bounds every request body while it streams, before anything reads it: the limit comes from
 * `table` by method and route. A body over it is refused with 413 (a declared length at once,
 * a chunked body as soon as it passes the limit), and the rest is never held in memory. A form
 * body is then parsed once here, so a malformed one (a bad boundary, cut short) is a 400 with a
 * message, wherever it would have been read; the routes and the cross-site check read the
 * parsed form from Hono's cache.
 * @example app.use(limitBodies(routeBodyLimits)) // before anything that reads a body
 */
export function limitBodies<E extends Env>(table: BodyLimitTable): MiddlewareHandler<E> {
  return createMiddleware<E>(async (c, next) => {
    if (!c.req.raw.body) return next()
    const found = bodyLimitOf(table, c.req.method, c.req.path)
    // A route that streams a large body itself never has a large form parsed into memory for it.
    const limit = found.raw && isForm(c.req.header('Content-Type') ?? '') ? table.fallback : found
    const bounded = bodyLimit({ maxSize: limit.maxBytes, onError: (c) => tooLarge(c, limit) })
    return bounded(c, async () => {
      if (isForm(c.req.header('Content-Type') ?? '')) {
        try {
          await c.req.parseBody()
        } catch (error) {
          throw new AppError('BAD_INPUT', {
            userMessage:
              'The form could not be read: its body is malformed or cut short. Reload the page and send it again.',
            cause: error,
          })
        }
      }
      await next()
    })
  })
}
