import type { Context, Hono } from 'hono'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { briefingChoices } from './call-attachments.ts'
import { checkEditForm } from './call-forms.ts'
import { callOf, done, formRefusal, staffActor } from './call-route-parts.ts'
import type { CallView } from './call-view.ts'
import { editCall } from './edit-call.ts'
import { EditCallPage, type EditValues } from './edit-call.views.tsx'

/** Staff edit a call's title, agenda, notes, recording and briefings: /staff/calls/:date/edit. */
export function editCallRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  const editPage = async (
    c: Context<AppEnv>,
    call: CallView,
    status: 200 | 400,
    form: {
      values?: EditValues
      errors?: Parameters<typeof EditCallPage>[0]['errors']
      flash?: FlashMessage
    },
  ) => {
    const [choices, settings] = await Promise.all([briefingChoices(db), getSettings(db)])
    const values = form.values ?? {
      title: call.title ?? '',
      agenda: call.agenda ?? '',
      notes: call.notes ?? '',
      recordingUrl: call.recordingUrl ?? '',
      joinUrl: call.joinUrl ?? '',
      dialIn: call.dialIn ?? '',
      briefingIds: choices.filter((b) => b.callDate === call.localDate).map((b) => b.id),
    }
    return renderPage(
      c,
      <EditCallPage
        call={call}
        values={values}
        briefings={choices}
        defaults={{ joinUrl: settings.callJoinUrl, dialIn: settings.callDialIn }}
        errors={form.errors ?? {}}
        flash={form.flash}
      />,
      { status },
    )
  }

  app.get('/staff/calls/:date/edit', requirePermission('calls:manage'), async (c) =>
    editPage(c, await callOf(db, c), 200, {}),
  )

  app.post('/staff/calls/:date/edit', requirePermission('calls:manage'), async (c) => {
    const call = await callOf(db, c)
    const actor = staffActor(c)
    const body = await c.req.parseBody({ all: true })
    const field = (name: string) => {
      const value = body[name]
      const first = Array.isArray(value) ? value[0] : value
      return typeof first === 'string' ? first : ''
    }
    const ticked = ([] as unknown[])
      .concat(body.briefingIds ?? [])
      .filter((v): v is string => typeof v === 'string')
    const values: EditValues = {
      title: field('title'),
      agenda: field('agenda'),
      notes: field('notes'),
      recordingUrl: field('recordingUrl'),
      joinUrl: field('joinUrl'),
      dialIn: field('dialIn'),
      briefingIds: ticked,
    }
    const { briefingIds: _, ...texts } = values
    const checked = checkEditForm(texts, ticked)
    if (!checked.ok) return editPage(c, call, 400, { values, errors: checked.errors })
    try {
      await editCall(db, actor, { date: call.localDate, ...checked.value })
      return done(c, call, 'edited')
    } catch (error) {
      return editPage(c, call, 400, {
        values,
        ...formRefusal(error, [
          'title',
          'agenda',
          'notes',
          'recordingUrl',
          'joinUrl',
          'dialIn',
          'briefingIds',
        ]),
      })
    }
  })
}
