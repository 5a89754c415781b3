import type { Context } from 'hono'
import { jsx } from 'hono/jsx'
import { ErrorPage } from './error-page.tsx'
import { renderDocument } from './layout.tsx'

export async function renderErrorPage(c: Context, status: number, message: string): Promise<Response> {
  const html = await renderDocument(jsx(ErrorPage, { status, message }))
  return c.html(html, status as 404)
}
