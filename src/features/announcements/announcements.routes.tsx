import { randomUUID } from 'node:crypto'
import { type Context, Hono } from 'hono'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { checkForm, formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { AppError } from '#src/lib/errors.ts'
import { type AnnouncementNotice, AnnouncementPage } from './announcement.view.tsx'
import { ConfirmPage } from './announcement-confirm.view.tsx'
import {
  type AnnouncementErrors,
  announcementForm,
  emptyAnnouncement,
  sendForm,
  valuesOf,
} from './announcement-form.ts'
import { AnnouncementsPage } from './announcement-form.view.tsx'
import { type Audience, audiences, recipientsFingerprint, recipientsOf } from './audiences.ts'
import { findAnnouncement, listAnnouncements } from './past-announcements.ts'
import { resendToNotReached, type SendContext, sendAnnouncement } from './send-announcement.ts'

const noPerson =
  'Your account is not linked to a person record, so announcements cannot be sent in your name.'
const notices: readonly string[] = ['sent', 'stopped', 'again'] satisfies AnnouncementNotice[]

/** Announcements staff send to chosen audiences: write, check (the confirm step), send, and the record. */
export function announcementRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  const timeZone = deps.clock.timeZone
  const staffOnly = requirePermission('site:manage')

  const senderOf = (c: Context<AppEnv>): string => {
    const viewer = c.get('viewer')
    if (viewer.kind === 'user' && viewer.personId) return viewer.personId
    throw new AppError('FORBIDDEN', { userMessage: noPerson })
  }
  const sendContext = async (): Promise<SendContext> => ({
    db,
    mailer: deps.mailer,
    origin: deps.origin,
    network: (await getSettings(db)).siteName,
  })

  const formPage = async (
    c: Context<AppEnv>,
    values = emptyAnnouncement,
    errors: AnnouncementErrors = {},
  ) => {
    const today = deps.clock.today()
    const sizes = await Promise.all(audiences.map((a) => recipientsOf(db, a, today)))
    const counts = Object.fromEntries(audiences.map((a, i) => [a, sizes[i]?.length ?? 0])) as Record<
      Audience,
      number
    >
    const page = (
      <AnnouncementsPage
        values={values}
        errors={errors}
        counts={counts}
        past={await listAnnouncements(db)}
        timeZone={timeZone}
      />
    )
    return renderPage(c, page, { status: Object.keys(errors).length > 0 ? 400 : 200 })
  }

  app.get('/staff/announcements', staffOnly, (c) => formPage(c))

  // Back from the confirm step with the text kept.
  app.post('/staff/announcements/edit', staffOnly, async (c) => formPage(c, valuesOf(await formFields(c))))

  app.post('/staff/announcements/preview', staffOnly, async (c) => {
    const fields = await formFields(c)
    const form = checkForm(announcementForm, fields)
    if (!form.ok) return formPage(c, valuesOf(fields), form.errors)
    const recipients = await recipientsOf(db, form.value.audience, deps.clock.today())
    if (recipients.length === 0)
      return formPage(c, valuesOf(fields), { audience: 'Nobody is in this audience today: choose another.' })
    const page = (
      <ConfirmPage
        {...form.value}
        recipients={recipients}
        announcementId={randomUUID()}
        fingerprint={recipientsFingerprint(recipients)}
      />
    )
    return renderPage(c, page)
  })

  app.post('/staff/announcements', staffOnly, async (c) => {
    const sentBy = senderOf(c)
    const fields = await formFields(c)
    const form = checkForm(sendForm, fields)
    if (!form.ok) return formPage(c, valuesOf(fields), form.errors)
    const { announcementId, fingerprint, ...announcement } = form.value
    const recipients = await recipientsOf(db, announcement.audience, deps.clock.today())
    const alreadySent = await findAnnouncement(db, announcementId)
    if (!alreadySent && recipientsFingerprint(recipients) !== fingerprint) {
      const warning =
        'Who is in this audience changed since you checked (a seat or an address changed). Nothing was sent: check the new list, then send.'
      const page = (
        <ConfirmPage
          {...announcement}
          recipients={recipients}
          announcementId={announcementId}
          fingerprint={recipientsFingerprint(recipients)}
          warning={warning}
        />
      )
      return renderPage(c, page, { status: 409 })
    }
    const outcome = await sendAnnouncement(await sendContext(), {
      id: announcementId,
      ...announcement,
      recipients,
      sentBy,
    })
    const notice = !outcome.isNew ? 'again' : outcome.failed ? 'stopped' : 'sent'
    return c.redirect(`/staff/announcements/${announcementId}?notice=${notice}`, 303)
  })

  app.get('/staff/announcements/:id', staffOnly, async (c) => {
    const announcement = await findAnnouncement(db, c.req.param('id'))
    if (!announcement) throw new AppError('NOT_FOUND', { userMessage: 'No announcement has this address.' })
    const notice = c.req.query('notice')
    const known = notice && notices.includes(notice) ? (notice as AnnouncementNotice) : undefined
    return renderPage(c, <AnnouncementPage announcement={announcement} timeZone={timeZone} notice={known} />)
  })

  app.post('/staff/announcements/:id/resend', staffOnly, async (c) => {
    const id = c.req.param('id')
    const outcome = await resendToNotReached(await sendContext(), id)
    if (!outcome) throw new AppError('NOT_FOUND', { userMessage: 'No announcement has this address.' })
    return c.redirect(`/staff/announcements/${id}?notice=${outcome.failed ? 'stopped' : 'sent'}`, 303)
  })

  return app
}
