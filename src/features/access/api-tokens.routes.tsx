import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { checkForm } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { AppError } from '#src/lib/errors.ts'
import { singleLine } from '#src/lib/text.ts'
import { apiScopes, createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts'
import { ApiTokensPage, CreatedTokenPage, emptyTokenForm, type TokenForm } from './api-tokens.views.tsx'

const createTokenSchema = z.object({
  name: singleLine('name')
    .trim()
    .min(1, 'Give the token a name, such as “Reporting dashboard”.')
    .max(100, 'Use at most 100 characters for the name.'),
  scopes: z
    .array(z.enum(apiScopes, { error: 'Choose scopes from the list.' }))
    .min(1, 'Choose at least one scope.'),
})

const tokenIdSchema = z.uuid()

/** Staff manage the JSON API's tokens: list, create (shown once), revoke. */
export function apiTokenRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  app.get('/staff/api-tokens', requirePermission('api-tokens:manage'), async (c) => {
    const tokens = await listApiTokens(db)
    const revoked = tokenIdSchema.safeParse(c.req.query('revoked'))
    const revokedToken = revoked.success ? tokens.find((t) => t.id === revoked.data) : undefined
    const flash = revokedToken ? `The token “${revokedToken.name}” was revoked.` : undefined
    return renderPage(c, <ApiTokensPage tokens={tokens} form={emptyTokenForm} flash={flash} />)
  })

  app.post('/staff/api-tokens', requirePermission('api-tokens:manage'), async (c) => {
    const viewer = c.get('viewer')
    if (viewer.kind !== 'user' || !viewer.personId)
      throw new AppError('FORBIDDEN', {
        userMessage: 'Only a staff member on record as a person can create tokens.',
      })
    const body = await c.req.parseBody({ all: true })
    const rawScopes = body.scopes === undefined ? [] : [body.scopes].flat()
    const values = {
      name: typeof body.name === 'string' ? body.name : '',
      scopes: rawScopes.filter((s): s is string => typeof s === 'string'),
    }
    // The answer holds a secret (or a form about to produce one): never stored by anyone.
    const form = checkForm(createTokenSchema, values)
    if (!form.ok) {
      const errors: TokenForm['errors'] = { name: form.errors.name, scopes: form.errors.scopes }
      const tokens = await listApiTokens(db)
      const page = <ApiTokensPage tokens={tokens} form={{ values, errors }} />
      return renderPage(c, page, { status: 400, cacheControl: 'no-store' })
    }
    const created = await createApiToken(db, { ...form.value, createdBy: viewer.personId })
    const scopes = [...new Set(form.value.scopes)]
    const page = <CreatedTokenPage name={form.value.name} token={created.token} scopes={scopes} />
    return renderPage(c, page, { status: 201, cacheControl: 'no-store' })
  })

  app.post('/staff/api-tokens/:id/revoke', requirePermission('api-tokens:manage'), async (c) => {
    const viewer = c.get('viewer')
    if (viewer.kind !== 'user' || !viewer.personId)
      throw new AppError('FORBIDDEN', {
        userMessage: 'Only a staff member on record as a person can revoke tokens.',
      })
    const id = tokenIdSchema.safeParse(c.req.param('id'))
    if (!id.success) throw notFound('No active token has this id.')
    // Throws NOT_FOUND (a 404 page) for an unknown or already revoked token.
    await revokeApiToken(db, { id: id.data, by: viewer.personId })
    return c.redirect(`/staff/api-tokens?revoked=${id.data}`, 303)
  })

  return app
}
