import type { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { isAppError } from '#src/lib/errors.ts'
import { formatDate } from '#src/ui/format.ts'
import { checkSwapForm } from './seat-forms.ts'
import { afterChange, renderSeatsPage, seatManager } from './seat-route-parts.tsx'
import { swapSeats } from './swap-seats.ts'

/** The representative and the alternate swap roles: POST /organizations/:slug/seats/swap. */
export function swapSeatsRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  app.post('/organizations/:slug/seats/swap', requirePermission('seats:manage'), async (c) => {
    const { org, viewer } = await seatManager(deps, c)
    const form = checkSwapForm(await formFields(c))
    const swap = { values: { effectiveOn: form.effectiveOn }, error: form.error }
    if (form.error) return renderSeatsPage(deps, c, org, 400, { swap })
    try {
      await swapSeats(deps.database.db, `person:${viewer.personId}`, {
        organizationId: org.id,
        effectiveOn: form.effectiveOn,
        today: deps.clock.today(),
      })
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CONFLICT') throw error
      return renderSeatsPage(deps, c, org, 409, { swap: { ...swap, error: error.userMessage } })
    }
    return afterChange(deps, c, {
      org,
      viewer,
      location: `/organizations/${org.slug}/seats?swapped=${form.effectiveOn}`,
      message: async () =>
        `The representative and the alternate swap roles from ${formatDate(form.effectiveOn)}.`,
    })
  })
}
