import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { AppError } from '#src/lib/errors.ts'
import { memberCsv } from './member-csv.ts'
import { MemberDirectoryPage } from './member-directory.views.tsx'
import { contactsOf, listMembers, memberFiltersSchema, memberStates } from './member-list.ts'
import { type VCardVersion, vCards } from './vcard.ts'

const download = (type: string, name: string) => ({
  'Content-Type': `${type}; charset=utf-8`,
  'Content-Disposition': `attachment; filename="${name}"`,
  'Cache-Control': 'private, no-store',
  'X-Content-Type-Options': 'nosniff',
})

/** The member directory and its exports: seat holders, the board and staff (content:members). */
export function memberDirectoryRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const db = deps.database.db

  /** The filtered list, or a 400 naming what was expected. */
  async function membersFor(query: Record<string, string>) {
    const read = memberFiltersSchema.safeParse(query)
    if (!read.success)
      throw new AppError('BAD_INPUT', { userMessage: read.error.issues[0]?.message ?? 'Bad filter.' })
    const today = deps.clock.today()
    return { filters: read.data, entries: await listMembers(db, { today, filters: read.data }) }
  }

  app.get('/members', requirePermission('content:members'), async (c) => {
    const [{ filters, entries }, states] = await Promise.all([
      membersFor(c.req.query()),
      memberStates(db, deps.clock.today()),
    ])
    return renderPage(c, <MemberDirectoryPage entries={entries} filters={filters} states={states} />)
  })

  app.get('/members.csv', requirePermission('content:members'), async (c) => {
    const { entries } = await membersFor(c.req.query())
    return c.body(memberCsv(entries), 200, download('text/csv', 'members.csv'))
  })

  app.get('/members.vcf', requirePermission('content:members'), async (c) => {
    const { version: asked, ...filters } = c.req.query()
    const version: VCardVersion | undefined =
      asked === '3.0' ? '3.0' : asked === '4.0' || !asked ? '4.0' : undefined
    if (!version) throw new AppError('BAD_INPUT', { userMessage: 'Ask for vCard version 3.0 or 4.0.' })
    const { entries } = await membersFor(filters)
    return c.body(vCards(contactsOf(entries), version), 200, download('text/vcard', 'members.vcf'))
  })

  return app
}
