import type { Context, Hono } from 'hono'
import { checkImageUpload } from '#src/features/files/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formWithFile, readForm } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { noticeFlash } from '#src/http/notice.ts'
import { renderPage } from '#src/http/render.ts'
import { editorOf } from '#src/http/viewer.ts'
import {
  getIdentity,
  identityForm,
  logoUrl,
  readLogo,
  removeLogo,
  saveIdentity,
  setLogo,
} from './identity.ts'
import { IdentityPage } from './identity.views.tsx'

const notices: Record<string, string> = {
  saved: 'The identity is saved: every page and email now uses it.',
  logo: 'The logo is saved.',
  'logo-removed': 'The logo is removed.',
}

const staffActor = (c: Context<AppEnv>) => editorOf(c.get('viewer'))

/** /staff/settings/site, the logo at /site/logo and the favicon made from it. */
export function identityRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  const page = async (
    c: Context<AppEnv>,
    options: {
      values?: Record<string, string>
      errors?: Record<string, string>
      logoError?: string
      status?: 400
    } = {},
  ) => {
    const stored = await getIdentity(db)
    const flash = noticeFlash(notices, c.req.query('notice'))
    const values = { ...stored, ...options.values }
    return renderPage(
      c,
      <IdentityPage
        values={{
          siteName: values.siteName,
          siteShortName: values.siteShortName,
          siteDescription: values.siteDescription,
          siteContactEmail: values.siteContactEmail,
        }}
        errors={options.errors ?? {}}
        logoUrl={stored.siteLogoFileId ? logoUrl(stored.siteLogoFileId) : undefined}
        logoError={options.logoError}
        flash={flash}
      />,
      { status: options.status },
    )
  }

  app.get('/staff/settings/site', requirePermission('site:manage'), (c) => page(c))

  app.post('/staff/settings/site', requirePermission('site:manage'), async (c) => {
    const form = await readForm(c, identityForm)
    if (!form.ok) return page(c, { values: form.fields, errors: form.errors, status: 400 })
    await saveIdentity(db, form.value, staffActor(c).actor)
    return c.redirect('/staff/settings/site?notice=saved', 303)
  })

  app.post('/staff/settings/site/logo', requirePermission('site:manage'), async (c) => {
    const { file } = await formWithFile(c, 'logo')
    if (!file) return page(c, { logoError: 'Choose a PNG or JPEG image to upload.', status: 400 })
    const checked = checkImageUpload(file)
    if (!checked.ok)
      return page(c, {
        logoError: `${checked.message} A logo must be a PNG or JPEG image (SVG is refused: it can carry script). The logo was not changed.`,
        status: 400,
      })
    await setLogo(db, checked.image, staffActor(c))
    return c.redirect('/staff/settings/site?notice=logo', 303)
  })

  app.post('/staff/settings/site/logo/remove', requirePermission('site:manage'), async (c) => {
    await removeLogo(db, staffActor(c).actor)
    return c.redirect('/staff/settings/site?notice=logo-removed', 303)
  })

  /** The logo, and the favicon when there is one: the stored type, never sniffed, cached by browsers. */
  const sendLogo = async (c: Context<AppEnv>) => {
    const logo = await deps.pages.remember('site-logo', () => readLogo(db), deps.clock.now())
    if (!logo) return c.redirect('/favicon.svg', 302)
    const etag = `"${logo.sha256.slice(0, 32)}"`
    const headers = {
      'Content-Type': logo.contentType,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': c.req.query('v') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      ETag: etag,
    }
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers)
    return c.body(new Uint8Array(logo.data), 200, headers)
  }
  app.get('/site/logo', requirePermission('public'), sendLogo)
  app.get('/favicon.png', requirePermission('public'), sendLogo)
}
