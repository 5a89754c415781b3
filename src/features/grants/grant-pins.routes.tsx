import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { calls } from '#src/db/schema/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { checkForm, formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canSeeMembersContent, visibleTo } from '#src/http/permissions.ts'
import { renderPage } from '#src/http/render.ts'
import { editorOf } from '#src/http/viewer.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { multiLine } from '#src/lib/text.ts'
import { CallPinsPage } from './call-pins.views.tsx'
import { opportunityPage } from './opportunity-page.tsx'
import type { PinFormErrors } from './pin-forms.views.tsx'
import { pinOpportunity, pinsOn, unpin } from './pins.ts'

// No pattern in the path: a number that is not an opportunity's is answered 404 after the guard.
const OPPORTUNITY = '/funding/:id'
const opportunityIdOf = (id: string) => {
  if (!/^[0-9]{1,20}$/.test(id)) throw notFound('No opportunity has that number in the Hub.')
  return id
}

/** The pin forms' one schema: a call's date or a library item, who sees it, and a note. */
const pinForm = z
  .object({
    place: z.enum(['call', 'library'], { error: 'Choose a call or a library item.' }),
    callDate: z.string().optional(),
    briefingId: z.string().optional(),
    visibility: z.enum(['public', 'members'], { error: 'Choose who sees the pin.' }),
    note: multiLine('note').trim().max(500, 'The note may have at most 500 characters.').optional(),
  })
  .superRefine((form, ctx) => {
    if (form.place === 'call' && !isIsoDate(form.callDate ?? ''))
      ctx.addIssue({ code: 'custom', path: ['callDate'], message: 'Give the date of the call.' })
    if (form.place === 'library' && !isUuid(form.briefingId ?? ''))
      ctx.addIssue({ code: 'custom', path: ['briefingId'], message: 'Choose a library item.' })
  })

/** Staff pin an opportunity to a call or a library item; members see the pins, the public only public ones. */
export function grantPinRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  app.post(`${OPPORTUNITY}/pins`, requirePermission('site:manage'), async (c) => {
    const id = opportunityIdOf(c.req.param('id'))
    const fields = await formFields(c)
    const place = fields.place === 'library' ? 'library' : 'call'
    const sendBack = (errors: PinFormErrors) =>
      opportunityPage(c, deps, id, { place, values: fields, errors }, 400)
    const form = checkForm(pinForm, fields)
    if (!form.ok) return sendBack(form.errors)
    const { value } = form
    try {
      const done = await pinOpportunity(db, editorOf(c.get('viewer')), id, {
        place:
          value.place === 'call'
            ? { callDate: value.callDate ?? '' }
            : { briefingId: value.briefingId ?? '' },
        visibility: value.visibility,
        note: value.note ? value.note : null,
      })
      return c.redirect(`/funding/${id}?pinned=${done}#pins`, 303)
    } catch (error) {
      if (error instanceof AppError && error.code === 'BAD_INPUT' && error.field)
        return sendBack({ [error.field]: error.userMessage })
      throw error
    }
  })

  app.post(`${OPPORTUNITY}/pins/:pinId/delete`, requirePermission('site:manage'), async (c) => {
    const id = opportunityIdOf(c.req.param('id'))
    const pinId = c.req.param('pinId')
    if (!isUuid(pinId) || !(await unpin(db, editorOf(c.get('viewer')), id, pinId)))
      throw notFound('That pin is not there any more.')
    return c.redirect(`/funding/${id}?pinned=removed#pins`, 303)
  })

  // The call page links here: the calls feature cannot show the grants feature's parts itself
  // (grants already depends on calls through reminders and obligations: no cycles between features).
  app.get('/calls/:date/funding', requirePermission('calls:read'), async (c) => {
    const date = c.req.param('date')
    const [call] = isIsoDate(date)
      ? await db
          .select({ id: calls.id, localDate: calls.localDate })
          .from(calls)
          .where(eq(calls.localDate, date))
      : []
    if (!call) throw notFound('There is no call on that date.')
    const viewer = c.get('viewer')
    const pins = await pinsOn(db, { callId: call.id }, visibleTo(viewer))
    return renderPage(
      c,
      <CallPinsPage date={call.localDate} pins={pins} canSeeMembers={canSeeMembersContent(viewer)} />,
    )
  })

  return app
}
