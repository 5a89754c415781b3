import type { Context, Hono } from 'hono'
import type { AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { isAppError } from '#src/lib/errors.ts'
import { commitImport } from './import-commit.ts'
import { callUrl, importUrl } from './import-parts.tsx'
import { findCommittedImport } from './import-preview.ts'
import { by, type ImportRouteParts, type LoadedImport } from './import-route-parts.tsx'
import { discardImport, undoImport } from './import-undo.ts'
import { getImport } from './read-imports.ts'

/** Commit, discard and undo an import; a refusal because of where it stands shows the import with the reason. */
export function importActionRoutes(app: Hono<AppEnv>, parts: ImportRouteParts) {
  const { db, loadImport, importPage, closedBecause } = parts

  /** Runs a change on an import; a refusal because of where it stands shows the import with the reason. */
  const change = async (
    c: Context<AppEnv>,
    loaded: LoadedImport,
    work: () => Promise<Response>,
  ): Promise<Response> => {
    try {
      return await work()
    } catch (error) {
      if (!isAppError(error) || error.code === 'NOT_FOUND') throw error
      const fresh = (await getImport(db, loaded.imp.id)) ?? loaded.imp
      return importPage(c, loaded.call, fresh, 409, { notice: { isError: true, text: error.userMessage } })
    }
  }

  app.post(
    '/staff/calls/:date/attendance/imports/:id/commit',
    requirePermission('attendance:manage'),
    async (c) => {
      const loaded = await loadImport(c)
      const { call, imp, viewer } = loaded
      const closed = closedBecause(call)
      if (closed) return importPage(c, call, imp, 409, { notice: { isError: true, text: closed } })
      return change(c, loaded, async () => {
        const result = await commitImport(db, { importId: imp.id, by: by(viewer) })
        if (result === 'unchanged') {
          const twin = await findCommittedImport(db, call.id, imp.sha256)
          return c.redirect(`${importUrl(call.localDate, twin?.id ?? imp.id)}?notice=unchanged`, 303)
        }
        return c.redirect(`${importUrl(call.localDate, imp.id)}?notice=committed`, 303)
      })
    },
  )

  app.post(
    '/staff/calls/:date/attendance/imports/:id/discard',
    requirePermission('attendance:manage'),
    async (c) => {
      const loaded = await loadImport(c)
      return change(c, loaded, async () => {
        await discardImport(db, { importId: loaded.imp.id, by: by(loaded.viewer) })
        return c.redirect(`${callUrl(loaded.call.localDate)}?notice=discarded`, 303)
      })
    },
  )

  app.post(
    '/staff/calls/:date/attendance/imports/:id/undo',
    requirePermission('attendance:manage'),
    async (c) => {
      const loaded = await loadImport(c)
      return change(c, loaded, async () => {
        await undoImport(db, { importId: loaded.imp.id, by: by(loaded.viewer) })
        return c.redirect(`${importUrl(loaded.call.localDate, loaded.imp.id)}?notice=undone`, 303)
      })
    },
  )
}
