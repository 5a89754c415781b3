import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { AppError } from '#src/lib/errors.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { renderErrorPage } from '#src/ui/render-error.ts'
import { choicesOf, personExists, readChoicesForm, saveChoices } from './preferences.ts'
import { PreferencesPage, type PreferencesPageProps, UnsubscribePage } from './reminders.views.tsx'
import { readUnsubscribeToken, UNSUBSCRIBE_PATH } from './unsubscribe.ts'

const noPerson = 'Your account is not linked to a person record, so it receives no reminder emails.'
const noToken =
  'This unsubscribe link is missing its code. Open the whole link from the email, or sign in and choose your reminders on your account page.'
const badToken =
  'This unsubscribe link is not valid: it may have been cut short or changed. Open the whole link from the email, or sign in and choose your reminders on your account page.'

/** Reminder preferences and the unsubscribe links of reminder emails. */
export function reminderRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  // The Hub's secret (AUTH_SECRET, or the one kept in the data folder) signs the links.
  const secret = () => deps.auth.options.secret

  /** The signed-in person; 403 for an account without a person record. */
  const personOf = (c: Context<AppEnv>): string => {
    const viewer = c.get('viewer')
    if (viewer.kind === 'user' && viewer.personId) return viewer.personId
    throw new AppError('FORBIDDEN', { userMessage: noPerson })
  }

  const preferencesPage = async (
    c: Context<AppEnv>,
    status: 200 | 400,
    props: Omit<PreferencesPageProps, 'isSeatHolder'>,
  ) => {
    const viewer = c.get('viewer')
    const isSeatHolder = viewer.kind === 'user' && viewer.seatOrganizationIds.length > 0
    return renderPage(c, <PreferencesPage {...props} isSeatHolder={isSeatHolder} />, { status })
  }

  app.get('/account/reminders', requirePermission('account:self'), async (c) => {
    const personId = personOf(c)
    const notice = c.req.query('notice') === 'saved' ? 'Your choices are saved.' : undefined
    return preferencesPage(c, 200, { choices: await choicesOf(db, personId), notice })
  })

  app.post('/account/reminders', requirePermission('account:self'), async (c) => {
    const personId = personOf(c)
    const form = readChoicesForm(await formFields(c))
    if (Object.keys(form.errors).length > 0) return preferencesPage(c, 400, form)
    await saveChoices(db, personId, form.choices)
    return c.redirect('/account/reminders?notice=saved', 303)
  })

  /** The person and kind of a link's token, or the error page to answer with. */
  const readLink = async (c: Context<AppEnv>, token: string | undefined) => {
    // The token is a credential: no copies in caches, search engines or other sites' Referer
    // headers ('same-origin', not 'no-referrer': that would make the browser send `Origin: null`
    // with the confirmation form, which the cross-site check refuses).
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'same-origin')
    c.header('X-Robots-Tag', 'noindex')
    if (!token) return { error: await renderErrorPage(c, 400, noToken) }
    const target = readUnsubscribeToken(token, secret())
    if (!target || !(await personExists(db, target.personId)))
      return { error: await renderErrorPage(c, 404, badToken) }
    return { target, token }
  }

  // Not renderPage: the link's pages are no-store for everyone, signed in or not (readLink).
  app.get(UNSUBSCRIBE_PATH, requirePermission('public'), async (c) => {
    const link = await readLink(c, c.req.query('token'))
    if ('error' in link) return link.error
    const choices = await choicesOf(db, link.target.personId)
    const page = (
      <UnsubscribePage
        token={link.token}
        kind={link.target.kind}
        isOff={!choices[link.target.kind]}
        isDone={c.req.query('done') === '1'}
      />
    )
    return c.html(await renderDocument(page))
  })

  app.post(UNSUBSCRIBE_PATH, requirePermission('public'), async (c) => {
    const link = await readLink(c, (await formFields(c)).token)
    if ('error' in link) return link.error
    await saveChoices(db, link.target.personId, { [link.target.kind]: false })
    return c.redirect(`${UNSUBSCRIBE_PATH}?token=${link.token}&done=1`, 303)
  })

  return app
}
