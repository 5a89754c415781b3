import { Hono } from 'hono'
import { requireScope } from '#src/features/access/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { getApplicationForApi, listApplicationsForApi, parseStatusFilter } from './applications-read.ts'
import { organizationsWriteApi } from './organizations-write.api.ts'

/**
 * Membership applications over the JSON API, read-only: staff sessions, or tokens with the
 * applications:read scope. Drafts are not listed. Also mounts the organisation profile write
 * (PATCH /organizations/:id), until app.ts mounts organizationsWriteApi itself.
 */
export function applicationsApi(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  app.get(
    '/applications',
    requirePermission('applications:read-api'),
    requireScope('applications:read'),
    async (c) => {
      c.header('Cache-Control', 'private, no-store')
      const filter = parseStatusFilter(c.req.query('status'))
      if ('error' in filter)
        return c.json(
          { error: { code: 'BAD_INPUT', message: filter.error, fields: { status: filter.error } } },
          400,
        )
      const applications = await listApplicationsForApi(db, { statuses: filter.statuses })
      return c.json({
        data: applications,
        meta: { count: applications.length, filters: { status: filter.statuses } },
      })
    },
  )

  app.get(
    '/applications/:id',
    requirePermission('applications:read-api'),
    requireScope('applications:read'),
    async (c) => {
      c.header('Cache-Control', 'private, no-store')
      const id = c.req.param('id')
      const application = await getApplicationForApi(db, id)
      if (!application)
        return c.json(
          { error: { code: 'NOT_FOUND', message: `No submitted application has the id "${id}".` } },
          404,
        )
      return c.json({ data: application })
    },
  )

  app.route('/', organizationsWriteApi(deps))
  return app
}
