import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { callAuth } from '#src/features/auth/index.ts'
import { categoryLabels } from '#src/features/organizations/index.ts'
import { ensureAccount } from '#src/http/accounts.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { checkForm, formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { PRIVATE_NO_STORE, renderPage } from '#src/http/render.ts'
import { AppError } from '#src/lib/errors.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import {
  ApplyConfirmationSentPage,
  ApplyConfirmedPage,
  ApplyConfirmGonePage,
  ApplyConfirmPage,
  ApplyEmailSentPage,
} from './apply-confirm.views.tsx'
import {
  APPLY_CONFIRMATION_HOURS,
  confirmationPath,
  confirmDraft,
  findDraftConfirmation,
  requestDraftConfirmation,
} from './apply-confirmations.ts'
import { ApplyPage, type ApplyPageProps } from './apply-form.views.tsx'
import { startApplication } from './start-application.ts'
import { startFormSchema } from './start-form.ts'
import type { StartForm } from './types.ts'

const text = z.string().max(100_000).catch('')
const startForm = z.object({ fullName: text, email: text, category: text, organizationName: text })
const noStore = (c: Context<AppEnv>) => c.header('Cache-Control', PRIVATE_NO_STORE)

/** Starting an application: the apply page, its form, and the link an address's owner confirms. */
export function applyStartRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  const applyPage = async (
    c: Context<AppEnv>,
    status: 200 | 400 | 429,
    props: Omit<ApplyPageProps, 'signedInAs'>,
  ) => {
    const viewer = c.get('viewer')
    noStore(c)
    const signedInAs = viewer.kind === 'user' ? { name: viewer.name, email: viewer.email } : undefined
    return renderPage(c, <ApplyPage {...props} signedInAs={signedInAs} />, { status })
  }

  app.get('/apply', requirePermission('public'), (c) => {
    const category = c.req.query('category')
    const values: StartForm = {
      fullName: '',
      email: '',
      category: category === 'member' || category === 'bff' ? category : '',
      organizationName: '',
    }
    return applyPage(c, 200, { values, errors: {} })
  })

  app.post('/apply', requirePermission('public'), async (c) => {
    const form = startForm.parse(await formFields(c))
    const viewer = c.get('viewer')
    const isSignedIn = viewer.kind === 'user'
    const parsed = checkForm(startFormSchema({ needsContact: !isSignedIn }), form)
    if (!parsed.ok) return applyPage(c, 400, { values: form, errors: parsed.errors })
    const { category, organizationName, fullName, email } = parsed.value

    if (viewer.kind === 'user') {
      if (!viewer.personId)
        throw new AppError('CONFLICT', {
          userMessage: 'Your account is not linked to a person on record, so it cannot apply. Ask the staff.',
        })
      const started = await startApplication(db, {
        category,
        organizationName,
        applicant: { personId: viewer.personId },
      })
      if (started.kind !== 'started') throw new Error('a signed-in applicant always gets a draft')
      return c.redirect(`/applications/${started.applicationId}?notice=started`, 303)
    }

    const started = await startApplication(db, { category, organizationName, applicant: { fullName, email } })
    if (started.kind === 'owner-must-confirm') {
      // Someone on record owns the address: nothing is created, and nothing the visitor typed
      // but the organisation's name (one line, checked) reaches the owner's mailbox.
      const token = await requestDraftConfirmation(db, {
        personId: started.personId,
        category,
        organizationName,
      })
      await deps.mailer.send({
        to: email,
        subject: `Confirm your application to the ${currentChrome().name}`,
        text: `Someone asked, on the ${currentChrome().name}'s apply page, to start an application with your email address for "${organizationName}" (${categoryLabels[category]}).\n\nTo start the draft in your account, open this link (it works once, for ${APPLY_CONFIRMATION_HOURS} hours):\n${new URL(confirmationPath(token), deps.origin).href}\n\nIf it was not you, ignore this email: nothing is created.\n`,
      })
      noStore(c)
      return renderPage(c, <ApplyConfirmationSentPage email={email} hours={APPLY_CONFIRMATION_HOURS} />)
    }
    await ensureAccount(db, deps.auth, { personId: started.personId, actor: 'system' })
    const draft = `/applications/${started.applicationId}`
    // better-auth emails the link; opening it signs the person in and lands on the draft.
    const answer = await callAuth(c, deps, '/sign-in/magic-link', {
      email: email.toLowerCase(),
      callbackURL: draft,
      errorCallbackURL: `/sign-in?next=${encodeURIComponent(draft)}`,
    })
    noStore(c)
    if (answer.status === 429)
      return renderPage(
        c,
        <ApplyEmailSentPage
          email={email}
          problem="Your draft is saved, but too many links were asked for from your address just now, so none was emailed. Wait a minute, then ask for a sign-in link on the sign-in page with the same address."
        />,
        { status: 429 },
      )
    if (!answer.ok) throw new Error(`better-auth answered ${answer.status} to an application's sign-in link`)
    return renderPage(c, <ApplyEmailSentPage email={email} />)
  })

  // The owner's link: the page says what would be created; only its button creates it (a mail
  // scanner that opens links creates nothing), once.
  app.get('/apply/confirm/:token', requirePermission('public'), async (c) => {
    c.header('Referrer-Policy', 'no-referrer')
    noStore(c)
    const token = c.req.param('token')
    const pending = await findDraftConfirmation(db, token)
    if (!pending) return renderPage(c, <ApplyConfirmGonePage />, { status: 404 })
    return renderPage(
      c,
      <ApplyConfirmPage
        action={confirmationPath(token)}
        organizationName={pending.organizationName}
        category={pending.category}
      />,
    )
  })

  app.post('/apply/confirm/:token', requirePermission('public'), async (c) => {
    c.header('Referrer-Policy', 'no-referrer')
    noStore(c)
    const confirmed = await confirmDraft(db, c.req.param('token'))
    if (!confirmed) return renderPage(c, <ApplyConfirmGonePage />, { status: 404 })
    const draftPath = `/applications/${confirmed.applicationId}`
    const viewer = c.get('viewer')
    if (viewer.kind === 'user' && viewer.personId === confirmed.personId)
      return c.redirect(`${draftPath}?notice=started`, 303)
    // A person on record without an account gets one, to sign in with an emailed link.
    await ensureAccount(db, deps.auth, { personId: confirmed.personId, actor: 'system' })
    return renderPage(c, <ApplyConfirmedPage draftPath={draftPath} />)
  })

  return app
}
