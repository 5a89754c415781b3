import { desc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { writeAs } from '#src/db/actor.ts'
import { grantImports } from '#src/db/schema/index.ts'
import { getSettings, putSetting } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { readForm } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { editorOf } from '#src/http/viewer.ts'
import { isWebAddress } from '#src/lib/web-address.ts'
import { FetchSettingsPage } from './fetch-settings.views.tsx'

export const FETCH_SETTINGS_PATH = '/staff/funding/fetch'

/** The form's one schema: the setting's own rule (https only, or nothing). */
const fetchForm = z.object({
  url: z
    .string()
    .trim()
    .max(500, 'The address may have at most 500 characters.')
    .refine(
      (v) => v === '' || isWebAddress(v, 'https only'),
      'Give an address starting with https://, or nothing.',
    ),
})

/** Staff turn the daily fetch of the Grants.gov extract on (an address) or off (nothing). */
export function fetchSettingsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  const lastFetches = () =>
    db
      .select({
        id: grantImports.id,
        fileName: grantImports.fileName,
        status: grantImports.status,
        records: grantImports.records,
        added: grantImports.added,
        updated: grantImports.updated,
        problem: grantImports.problem,
        startedAt: grantImports.startedAt,
      })
      .from(grantImports)
      .where(eq(grantImports.via, 'fetch'))
      .orderBy(desc(grantImports.startedAt))
      .limit(10)

  app.get(FETCH_SETTINGS_PATH, requirePermission('site:manage'), async (c) => {
    const [settings, fetches] = await Promise.all([getSettings(db), lastFetches()])
    const saved = c.req.query('saved')
    const flash =
      saved === 'on'
        ? { text: 'Saved: the Hub fetches the extract once a day.' }
        : saved === 'off'
          ? { text: 'Saved: the daily fetch is off.' }
          : undefined
    return renderPage(c, <FetchSettingsPage url={settings.grantsFetchUrl} flash={flash} fetches={fetches} />)
  })

  app.post(FETCH_SETTINGS_PATH, requirePermission('site:manage'), async (c) => {
    const form = await readForm(c, fetchForm)
    if (!form.ok)
      return renderPage(
        c,
        <FetchSettingsPage
          url={form.fields.url ?? ''}
          error={form.errors.url}
          fetches={await lastFetches()}
        />,
        { status: 400 },
      )
    await writeAs(db, editorOf(c.get('viewer')).actor, (tx) =>
      putSetting(tx, 'grantsFetchUrl', form.value.url),
    )
    return c.redirect(`${FETCH_SETTINGS_PATH}?saved=${form.value.url === '' ? 'off' : 'on'}`, 303)
  })

  return app
}
