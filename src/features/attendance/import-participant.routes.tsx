import type { Hono } from 'hono'
import type { AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { AppError, isAppError } from '#src/lib/errors.ts'
import { importUrl } from './import-parts.tsx'
import { by, type ImportRouteParts, positionShape, uuidShape } from './import-route-parts.tsx'
import type { ImportView } from './import-types.ts'
import { matchCandidates } from './match-candidates.ts'
import { getImport } from './read-imports.ts'
import { resolveParticipant } from './resolve-participant.ts'
import type { ReviewState } from './review-form.views.tsx'

/** The review form again with one participant's choice refused. */
const reviewRefusal = (position: number, choice: string, message: string): ReviewState => ({
  values: { [position]: { choice, other: '' } },
  errors: { [position]: message },
})

/** Staff say who a participant of an import is: from the review list, or on the participant's own page. */
export function participantRoutes(app: Hono<AppEnv>, parts: ImportRouteParts) {
  const { db, loadImport, importPage, participantPage, closedBecause } = parts

  /** The participant the path names, or undefined. */
  const participantOf = (imp: ImportView, positionText: string | undefined) =>
    positionText && positionShape.test(positionText)
      ? imp.rows.find((r) => r.position === Number(positionText))
      : undefined

  app.get(
    '/staff/calls/:date/attendance/imports/:id/participants/:position',
    requirePermission('attendance:manage'),
    async (c) => {
      const loaded = await loadImport(c)
      const row = participantOf(loaded.imp, c.req.param('position'))
      if (!row) throw notFound('This import has no such participant.')
      if (loaded.imp.status === 'undone')
        throw new AppError('CONFLICT', {
          userMessage: 'This import is undone: its participants can no longer be matched.',
        })
      const closed = closedBecause(loaded.call)
      if (closed) throw new AppError('CONFLICT', { userMessage: closed })
      return participantPage(c, loaded, row, 200)
    },
  )

  app.post(
    '/staff/calls/:date/attendance/imports/:id/participants/:position',
    requirePermission('attendance:manage'),
    async (c) => {
      const loaded = await loadImport(c)
      const { call, imp, viewer } = loaded
      const row = participantOf(imp, c.req.param('position'))
      if (!row) throw notFound('This import has no such participant.')
      if (imp.status === 'undone')
        return importPage(c, call, imp, 409, {
          notice: {
            isError: true,
            text: 'This import is undone: its participants can no longer be matched.',
          },
        })
      const closed = closedBecause(call)
      if (closed) return importPage(c, call, imp, 409, { notice: { isError: true, text: closed } })
      const chosen = ((await formFields(c)).personId ?? '').trim()
      // A participant already matched is changed on its own page, which shows the refusal.
      const refuse = (message: string) =>
        row.match === null
          ? importPage(c, call, imp, 400, { review: reviewRefusal(row.position, chosen, message) })
          : participantPage(c, loaded, row, 400, { value: chosen, message })
      if (chosen === '') return refuse(`Choose who ${row.name} is, or mark them as a guest.`)
      if (chosen !== 'guest') {
        const candidates = uuidShape.test(chosen) ? await matchCandidates(db, call.localDate) : []
        if (!candidates.some((p) => p.id === chosen))
          return refuse('Choose a person from the list, or mark them as a guest.')
      }
      try {
        await resolveParticipant(db, {
          importId: imp.id,
          position: row.position,
          personId: chosen,
          by: by(viewer),
        })
      } catch (error) {
        if (!isAppError(error) || error.code === 'NOT_FOUND') throw error
        return importPage(c, call, imp, error.code === 'BAD_INPUT' ? 400 : 409, {
          review: reviewRefusal(row.position, chosen, error.userMessage),
        })
      }
      const after = await getImport(db, imp.id)
      const next = after?.rows.find((r) => r.match === null)
      const anchor = next ? `#resolve-${next.position}` : '#actions'
      return c.redirect(`${importUrl(call.localDate, imp.id)}?matched=${row.position}${anchor}`, 303)
    },
  )
}
