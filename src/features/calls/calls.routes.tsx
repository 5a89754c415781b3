import type { Context } from 'hono'
import { Hono } from 'hono'
import { NETWORK_FEED_PATH } from '#src/features/calendar/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { AppError } from '#src/lib/errors.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { renderErrorPage } from '#src/ui/render-error.ts'
import {
  CallPage,
  CallsPage,
  CancelCallPage,
  type CancelValues,
  EditCallPage,
  type EditValues,
  type FlashMessage,
  MoveCallPage,
  type MoveValues,
  NewCallPage,
  type NewCallValues,
} from './calls.views.tsx'
import {
  addExtraCall,
  briefingChoices,
  type CallField,
  type CallView,
  callAttachments,
  cancelCall,
  checkCancelForm,
  checkEditForm,
  checkMoveForm,
  checkNewCallForm,
  describeSeries,
  editCall,
  findCall,
  formatCallDate,
  formatCallWhen,
  isCallChangeRefused,
  moveCall,
  recentHeldCalls,
  reinstateCall,
  upcomingCalls,
} from './calls-admin.ts'

const LIST_LENGTH = 10

/** What the call page says after a staff change (the redirect carries `done`). */
const doneMessages: Record<string, (call: CallView) => string> = {
  added: (call) => `The extra call is added: ${formatCallWhen(call.startsAt, call.timeZone)}.`,
  cancelled: () =>
    'The call is cancelled. Members see it cancelled, with your reason, here and in their calendars.',
  reinstated: () => 'The call is reinstated: members see it back on the calendar.',
  moved: (call) =>
    `The call is moved to ${formatCallWhen(call.startsAt, call.timeZone)}. Members see the new time here and in their calendars.`,
  edited: () => 'The call is saved.',
}

type Staff = { personId: string }

/** The calls' pages for members, and staff cancelling, moving and adding calls. */
export function callRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  const isStaff = (c: Context<AppEnv>) => {
    const viewer = c.get('viewer')
    return viewer.kind === 'user' && viewer.roles.includes('staff')
  }

  /** The signed-in staff member's person, or undefined when the account has none. */
  const staffMember = (c: Context<AppEnv>): Staff | undefined => {
    const viewer = c.get('viewer')
    return viewer.kind === 'user' && viewer.personId ? { personId: viewer.personId } : undefined
  }
  const unlinked = (c: Context<AppEnv>) =>
    renderErrorPage(c, 403, 'Your account is not linked to a person record, so it cannot change calls.')

  /** The call named by the address's date: 400 for something that is not a date, 404 for a day with no call. */
  const callOf = async (c: Context<AppEnv>): Promise<CallView> => {
    const date = c.req.param('date') ?? ''
    if (!isIsoDate(date))
      throw new AppError('BAD_INPUT', {
        userMessage: 'A call’s address ends in its date, written year-month-day, such as /calls/2026-11-30.',
      })
    const call = await findCall(db, date)
    if (!call)
      throw new AppError('NOT_FOUND', { userMessage: `There is no call on ${formatCallDate(date)}.` })
    return call
  }

  const page = async (c: Context<AppEnv>, node: { toString(): string | Promise<string> }, status = 200) => {
    c.header('Cache-Control', 'private, no-store')
    return c.html(await renderDocument(node), status as 200)
  }

  /** After a change: pages cached by this process are dropped, and the call's page says what happened. */
  const done = (c: Context<AppEnv>, call: CallView, what: keyof typeof doneMessages) => {
    return c.redirect(`/calls/${call.localDate}?done=${what}`, 303)
  }

  /** A refusal from the service as the form's answer: next to its field, or at the top. */
  const refusal = <K extends string>(error: unknown, fields: readonly K[]) => {
    if (!isCallChangeRefused(error)) throw error
    const field = fields.find((f) => f === (error.field as CallField | null))
    return field
      ? { errors: { [field]: error.userMessage } as Partial<Record<K, string>>, flash: undefined }
      : { errors: {}, flash: { isError: true, text: error.userMessage } as FlashMessage }
  }

  app.get('/calls', requirePermission('calls:read'), async (c) => {
    const today = deps.clock.today()
    const [upcoming, recent, settings] = await Promise.all([
      upcomingCalls(db, { today, limit: LIST_LENGTH }),
      recentHeldCalls(db, { today, limit: LIST_LENGTH }),
      getSettings(db),
    ])
    return page(
      c,
      <CallsPage
        today={today}
        upcoming={upcoming}
        recent={recent}
        usual={describeSeries(settings, today)}
        feedUrl={new URL(NETWORK_FEED_PATH, deps.origin).href}
        isStaff={isStaff(c)}
      />,
    )
  })

  app.get('/calls/:date', requirePermission('calls:read'), async (c) => {
    const call = await callOf(c)
    const attachments = await callAttachments(db, call.id)
    const doneWhat = c.req.query('done') ?? ''
    const message = Object.hasOwn(doneMessages, doneWhat) ? doneMessages[doneWhat] : undefined
    return page(
      c,
      <CallPage
        call={call}
        today={deps.clock.today()}
        briefings={attachments.briefings}
        presentations={attachments.presentations}
        isStaff={isStaff(c)}
        flash={message ? { text: message(call) } : undefined}
      />,
    )
  })

  // --- Add an extra call

  const newCallPage = async (
    c: Context<AppEnv>,
    status: number,
    form: {
      values?: NewCallValues
      errors?: Parameters<typeof NewCallPage>[0]['errors']
      flash?: FlashMessage
    },
  ) => {
    const settings = await getSettings(db)
    const values = form.values ?? {
      date: '',
      startTime: settings.callStartTime,
      durationMinutes: String(settings.callDurationMinutes),
      title: '',
    }
    return page(
      c,
      <NewCallPage
        today={deps.clock.today()}
        timeZone={settings.callTimeZone}
        values={values}
        errors={form.errors ?? {}}
        flash={form.flash}
      />,
      status,
    )
  }

  app.get('/staff/calls/new', requirePermission('calls:manage'), (c) => newCallPage(c, 200, {}))

  app.post('/staff/calls/new', requirePermission('calls:manage'), async (c) => {
    const staff = staffMember(c)
    if (!staff) return unlinked(c)
    const fields = await formFields(c)
    const values: NewCallValues = {
      date: (fields.date ?? '').trim(),
      startTime: (fields.startTime ?? '').trim(),
      durationMinutes: (fields.durationMinutes ?? '').trim(),
      title: (fields.title ?? '').trim(),
    }
    const settings = await getSettings(db)
    const checked = checkNewCallForm(values, { durationMinutes: settings.callDurationMinutes })
    if (!checked.ok) return newCallPage(c, 400, { values, errors: checked.errors })
    try {
      const call = await addExtraCall(db, `person:${staff.personId}`, {
        ...checked.value,
        today: deps.clock.today(),
      })
      return done(c, call, 'added')
    } catch (error) {
      return newCallPage(c, 400, {
        values,
        ...refusal(error, ['date', 'startTime', 'durationMinutes', 'title']),
      })
    }
  })

  // --- Edit title, agenda, notes, recording and briefings

  const editPage = async (
    c: Context<AppEnv>,
    call: CallView,
    status: number,
    form: {
      values?: EditValues
      errors?: Parameters<typeof EditCallPage>[0]['errors']
      flash?: FlashMessage
    },
  ) => {
    const choices = await briefingChoices(db)
    const values = form.values ?? {
      title: call.title ?? '',
      agenda: call.agenda ?? '',
      notes: call.notes ?? '',
      recordingUrl: call.recordingUrl ?? '',
      briefingIds: choices.filter((b) => b.callDate === call.localDate).map((b) => b.id),
    }
    return page(
      c,
      <EditCallPage
        call={call}
        values={values}
        briefings={choices}
        errors={form.errors ?? {}}
        flash={form.flash}
      />,
      status,
    )
  }

  app.get('/staff/calls/:date/edit', requirePermission('calls:manage'), async (c) =>
    editPage(c, await callOf(c), 200, {}),
  )

  app.post('/staff/calls/:date/edit', requirePermission('calls:manage'), async (c) => {
    const call = await callOf(c)
    const staff = staffMember(c)
    if (!staff) return unlinked(c)
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
      briefingIds: ticked,
    }
    const { briefingIds: _, ...texts } = values
    const checked = checkEditForm(texts, ticked)
    if (!checked.ok) return editPage(c, call, 400, { values, errors: checked.errors })
    try {
      await editCall(db, `person:${staff.personId}`, { date: call.localDate, ...checked.value })
      return done(c, call, 'edited')
    } catch (error) {
      return editPage(c, call, 400, {
        values,
        ...refusal(error, ['title', 'agenda', 'notes', 'recordingUrl', 'briefingIds']),
      })
    }
  })

  // --- Cancel and reinstate

  const cancelPage = (
    c: Context<AppEnv>,
    call: CallView,
    status: number,
    form: { values?: CancelValues; errors?: { reason?: string }; flash?: FlashMessage },
  ) =>
    page(
      c,
      <CancelCallPage
        call={call}
        values={form.values ?? { reason: call.status === 'cancelled' ? (call.cancelReason ?? '') : '' }}
        errors={form.errors ?? {}}
        flash={form.flash}
      />,
      status,
    )

  app.get('/staff/calls/:date/cancel', requirePermission('calls:manage'), async (c) =>
    cancelPage(c, await callOf(c), 200, {}),
  )

  app.post('/staff/calls/:date/cancel', requirePermission('calls:manage'), async (c) => {
    const call = await callOf(c)
    const staff = staffMember(c)
    if (!staff) return unlinked(c)
    const fields = await formFields(c)
    const values = { reason: fields.reason ?? '' }
    const checked = checkCancelForm(values)
    if (!checked.ok) return cancelPage(c, call, 400, { values, errors: checked.errors })
    try {
      const cancelled = await cancelCall(db, `person:${staff.personId}`, {
        date: call.localDate,
        reason: checked.value.reason,
      })
      return done(c, cancelled, 'cancelled')
    } catch (error) {
      return cancelPage(c, call, 400, { values, ...refusal(error, ['reason']) })
    }
  })

  app.post('/staff/calls/:date/reinstate', requirePermission('calls:manage'), async (c) => {
    const call = await callOf(c)
    const staff = staffMember(c)
    if (!staff) return unlinked(c)
    try {
      const reinstated = await reinstateCall(db, `person:${staff.personId}`, {
        date: call.localDate,
        today: deps.clock.today(),
      })
      return done(c, reinstated, 'reinstated')
    } catch (error) {
      if (!isCallChangeRefused(error)) throw error
      return renderErrorPage(c, 400, error.userMessage)
    }
  })

  // --- Move

  const movePage = (
    c: Context<AppEnv>,
    call: CallView,
    status: number,
    form: { values?: MoveValues; errors?: { date?: string; startTime?: string }; flash?: FlashMessage },
  ) =>
    page(
      c,
      <MoveCallPage
        call={call}
        today={deps.clock.today()}
        values={form.values ?? { date: call.localDate, startTime: call.startTime }}
        errors={form.errors ?? {}}
        flash={form.flash}
      />,
      status,
    )

  app.get('/staff/calls/:date/move', requirePermission('calls:manage'), async (c) =>
    movePage(c, await callOf(c), 200, {}),
  )

  app.post('/staff/calls/:date/move', requirePermission('calls:manage'), async (c) => {
    const call = await callOf(c)
    const staff = staffMember(c)
    if (!staff) return unlinked(c)
    const fields = await formFields(c)
    const values = { date: (fields.date ?? '').trim(), startTime: (fields.startTime ?? '').trim() }
    const checked = checkMoveForm(values)
    if (!checked.ok) return movePage(c, call, 400, { values, errors: checked.errors })
    try {
      const moved = await moveCall(db, `person:${staff.personId}`, {
        date: call.localDate,
        newDate: checked.value.date,
        newStartTime: checked.value.startTime,
        today: deps.clock.today(),
      })
      return done(c, moved, 'moved')
    } catch (error) {
      return movePage(c, call, 400, { values, ...refusal(error, ['date', 'startTime']) })
    }
  })

  return app
}
