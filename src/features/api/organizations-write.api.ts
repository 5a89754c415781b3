import { Hono } from 'hono'
import { z } from 'zod'
import type { Actor } from '#src/db/actor.ts'
import { requireScope } from '#src/features/access/index.ts'
import {
  type EditableField,
  editableFields,
  getEditableOrganization,
  type OrganizationEditForm,
  parseOrganizationEdit,
  toEditForm,
  updateOrganizationProfile,
} from '#src/features/organizations/index.ts'
import { findOrganization } from '#src/features/seats/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canEditOrganization } from '#src/http/permissions.ts'
import { plural } from '#src/ui/format.ts'

/** The body of PATCH /api/v1/organizations/{id}: any of the profile's editable fields. */
export const apiOrganizationUpdateSchema = z
  .object({
    summary: z.string().nullable().optional().describe('Up to 2,000 characters; null or "" clears it'),
    website: z
      .string()
      .nullable()
      .optional()
      .describe('A full http:// or https:// address; null or "" clears it'),
    focusIndustries: z
      .array(z.string())
      .optional()
      .describe('Up to 10 items of 100 characters; trimmed, blank and repeated items dropped'),
    partners: z
      .array(z.string())
      .optional()
      .describe('The whole list, in order: up to 500 names of 200 characters; replaces the list on record'),
  })
  .meta({ id: 'OrganizationProfileUpdate' })

/** The editable part of an organisation, as the PATCH answers it. */
export const apiEditableOrganizationSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    summary: z.string().nullable(),
    website: z.string().nullable(),
    focusIndustries: z.array(z.string()),
    partners: z.array(z.string()),
  })
  .meta({ id: 'EditableOrganization' })

/** A refused request body: one message per field that needs a change. */
export const apiValidationErrorSchema = z
  .object({
    error: z.object({
      code: z.literal('BAD_INPUT'),
      message: z.string(),
      fields: z.record(z.string(), z.string()),
    }),
  })
  .meta({ id: 'ValidationError' })

const fieldTypes: Record<EditableField, string> = {
  summary: 'Send the summary as text, or null to clear it.',
  website: 'Send the website as text, or null to clear it.',
  focusIndustries: 'Send the focus industries as a list of text items.',
  partners: 'Send the partner organisations as a list of text items (names).',
}

const notYours =
  'Only staff and the representative or alternate who holds this organisation’s seat today can edit its profile.'

type FieldErrors = Partial<Record<string, string>>

/**
 * Reads the body against the record: omitted fields keep their value. Returns the form the
 * profile page would have sent, or one message per field.
 */
function readUpdate(
  body: unknown,
  current: OrganizationEditForm,
): { ok: true; form: OrganizationEditForm } | { ok: false; errors: FieldErrors } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, errors: { body: `Send a JSON object with any of: ${editableFields.join(', ')}.` } }
  const errors: FieldErrors = {}
  for (const key of Object.keys(body))
    if (!editableFields.some((f) => f === key))
      errors[key] = `This field cannot be changed here: send any of ${editableFields.join(', ')}.`
  const parsed = apiOrganizationUpdateSchema.safeParse(body)
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'body') as EditableField
      errors[field] ??= fieldTypes[field] ?? issue.message
    }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
  const value = parsed.data
  const form = { ...current }
  if (value.summary !== undefined) form.summary = value.summary ?? ''
  if (value.website !== undefined) form.website = value.website ?? ''
  for (const list of ['focusIndustries', 'partners'] as const) {
    const items = value[list]
    if (items === undefined) continue
    const broken = items.findIndex((item) => /[\r\n]/.test(item))
    if (broken >= 0) errors[list] = `Item ${broken + 1} has a line break: send each item as one line.`
    else form[list] = items.join('\n')
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, form }
}

const badInput = (message: string, fields: FieldErrors) => ({
  error: { code: 'BAD_INPUT' as const, message, fields },
})

/**
 * Writes to organisation profiles over the JSON API, with the rules of the profile page: the
 * same validation (edit.ts), the same save, recorded against the person or the token.
 * Sessions must pass the cross-site check (Origin and an X-CSRF-Token header equal to the
 * hub_csrf cookie); token requests carry no cookies and are exempt.
 */
export function organizationsWriteApi(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  // The parameter takes an id or a slug, as GET /organizations/:id does.
  app.patch(
    '/organizations/:slug',
    requirePermission('organizations:write-api'),
    requireScope('organizations:write'),
    async (c) => {
      c.header('Cache-Control', 'no-store')
      const key = c.req.param('slug')
      const ref = await findOrganization(db, key)
      const org = ref ? await getEditableOrganization(db, ref.slug) : undefined
      if (!org)
        return c.json(
          { error: { code: 'NOT_FOUND', message: `No organisation has the id or slug "${key}".` } },
          404,
        )
      const viewer = c.get('viewer')
      let actor: Actor
      if (viewer.kind === 'token') actor = `token:${viewer.tokenId}`
      else if (viewer.kind === 'user' && viewer.personId && canEditOrganization(viewer, org.id))
        actor = `person:${viewer.personId}`
      else return c.json({ error: { code: 'FORBIDDEN', message: notYours } }, 403)

      if (!(c.req.header('Content-Type') ?? '').toLowerCase().startsWith('application/json'))
        return c.json(
          badInput('Send the changes as JSON, with the header Content-Type: application/json.', {
            body: 'Not JSON.',
          }),
          400,
        )
      // The body is bounded (512 KB, src/http/route-body-limits.ts) before it gets here.
      let body: unknown
      try {
        body = await c.req.json()
      } catch {
        return c.json(badInput('The body is not valid JSON.', { body: 'Not valid JSON.' }), 400)
      }
      const read = readUpdate(body, toEditForm(org))
      const result = read.ok ? parseOrganizationEdit(read.form) : read
      if (!result.ok) {
        const names = Object.keys(result.errors)
        return c.json(
          badInput(
            `The profile was not saved: ${plural(names.length, 'one field needs', `${names.length} fields need`)} a change (${names.join(', ')}).`,
            result.errors,
          ),
          400,
        )
      }
      const { changed } = await updateOrganizationProfile(db, {
        organizationId: org.id,
        actor,
        values: result.value,
      })
      // The triggers tell other processes; this one drops its pages at once.
      const saved = (await getEditableOrganization(db, org.slug)) ?? org
      return c.json({ data: saved, meta: { changed } })
    },
  )

  return app
}
