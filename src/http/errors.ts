import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError, type ErrorCode, errorStatus } from '#src/lib/errors.ts'
import { renderErrorPage } from '#src/ui/render-error.ts'

const isApiPath = (path: string) => path.startsWith('/api/')

/**
 * The one answer to a failure: `{ "error": { code, message, field? } }` under /api/, the error
 * page elsewhere, with the code's status. Routes throw an AppError; `app.onError`, the guard and
 * the cross-site check all answer through here.
 */
export function errorResponse(
  c: Context,
  code: ErrorCode,
  message: string,
  field?: string | null,
): Response | Promise<Response> {
  const status = errorStatus[code] as ContentfulStatusCode
  if (isApiPath(c.req.path)) return c.json({ error: { code, message, ...(field ? { field } : {}) } }, status)
  return renderErrorPage(c, status, message)
}

/** The answer to an AppError. */
export const appErrorResponse = (c: Context, error: AppError) =>
  errorResponse(c, error.code, error.userMessage, error.field)

/** A 404 to throw from a route: "There is no … here." */
export const notFound = (userMessage: string) => new AppError('NOT_FOUND', { userMessage })
