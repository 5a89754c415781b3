import type { Hono } from 'hono'
import type { AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { isAppError } from '#src/lib/errors.ts'
import { importUrl } from './import-parts.tsx'
import { shownForReview } from './import-preview.views.tsx'
import { by, type ImportRouteParts } from './import-route-parts.tsx'
import { matchCandidates } from './match-candidates.ts'
import { getImport } from './read-imports.ts'
import { resolveParticipants } from './resolve-participant.ts'
import { readReviewChoices } from './review-choices.ts'

/** Staff save the review form: every unmatched participant's choice at once, all or nothing. */
export function reviewRoutes(app: Hono<AppEnv>, parts: ImportRouteParts) {
  const { db, loadImport, importPage, closedBecause } = parts

  app.post(
    '/staff/calls/:date/attendance/imports/:id/matches',
    requirePermission('attendance:manage'),
    async (c) => {
      const { call, imp, viewer } = await loadImport(c)
      const refused = (text: string) => importPage(c, call, imp, 409, { notice: { isError: true, text } })
      if (imp.status === 'undone')
        return refused('This import is undone: its participants can no longer be matched.')
      const closed = closedBecause(call)
      if (closed) return refused(closed)
      const rows = shownForReview(imp.rows)
      const read = readReviewChoices(await formFields(c), rows, await matchCandidates(db, call.localDate))
      if (!read.ok) return importPage(c, call, imp, 400, { review: read.state })
      if (read.choices.length > 0) {
        try {
          await resolveParticipants(db, { importId: imp.id, choices: read.choices, by: by(viewer) })
        } catch (error) {
          if (!isAppError(error) || error.code === 'NOT_FOUND') throw error
          return refused(error.userMessage)
        }
      }
      const after = await getImport(db, imp.id)
      const next = after?.rows.find((r) => r.match === null)
      const anchor = next ? '#needs-decision' : '#actions'
      return c.redirect(`${importUrl(call.localDate, imp.id)}?reviewed=${read.choices.length}${anchor}`, 303)
    },
  )
}
