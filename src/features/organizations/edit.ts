import { asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { organizationPartners, organizations } from '#src/db/schema/index.ts'
import { checkForm } from '#src/http/form.ts'
import { isPlainText, isSingleLine, MULTI_LINE_MESSAGE, SINGLE_LINE_MESSAGE } from '#src/lib/text.ts'
import { isWebAddress } from '#src/lib/web-address.ts'
import { formatNumber } from '#src/ui/format.ts'

/** The limits of the profile form, shown as hints and enforced by the schema. */
export const profileLimits = {
  summary: 2000,
  website: 300,
  focusLines: 10,
  focusLength: 100,
  partnerLines: 500,
  partnerLength: 200,
} as const

export const editableFields = ['summary', 'website', 'focusIndustries', 'partners'] as const
export type EditableField = (typeof editableFields)[number]

/** What the form sends: one string per field, as typed. */
export type OrganizationEditForm = Record<EditableField, string>

const missing = 'This field was missing from the form. Reload the page and try again.'
const hasNul = (s: string) => s.includes('\u0000')
const normaliseNewlines = (s: string) => s.replace(/\r\n?/g, '\n')

/** Lines of a textarea, trimmed, blank ones dropped and exact repeats kept once. */
export const splitLines = (s: string): string[] => [
  ...new Set(
    normaliseNewlines(s)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0),
  ),
]

const lineList = (options: { maxLines: number; maxLength: number; one: string; many: string }) =>
  z
    .string({ error: missing })
    .refine((s) => !hasNul(s), { error: 'Remove the invisible NUL characters from this list.' })
    .refine(isPlainText, { error: `The ${options.many} ${MULTI_LINE_MESSAGE}.` })
    .transform(splitLines)
    .refine((items) => items.every(isSingleLine), { error: `Each ${options.one} ${SINGLE_LINE_MESSAGE}.` })
    .superRefine((items, ctx) => {
      if (items.length > options.maxLines)
        ctx.addIssue({
          code: 'custom',
          message: `List at most ${formatNumber(options.maxLines)} ${options.many}, one a line (this list has ${formatNumber(items.length)}).`,
        })
      const long = items.findIndex((line) => line.length > options.maxLength)
      const line = items[long]
      if (line !== undefined)
        ctx.addIssue({
          code: 'custom',
          message: `Each ${options.one} can be at most ${formatNumber(options.maxLength)} characters; line ${long + 1} has ${formatNumber(line.length)}.`,
        })
    })

/**
 * The organisation profile form: summary, website, focus industries and partner
 * organisations. Textareas arrive as text; the lists become arrays of lines.
 */
export const organizationEditSchema = z.object({
  summary: z
    .string({ error: missing })
    .transform((s) => normaliseNewlines(s).trim())
    .pipe(
      z
        .string()
        .refine((s) => !hasNul(s), { error: 'Remove the invisible NUL characters from the summary.' })
        .refine(isPlainText, { error: `The summary ${MULTI_LINE_MESSAGE}.` })
        .refine((s) => s.length <= profileLimits.summary, {
          error: (issue) =>
            `Write at most ${formatNumber(profileLimits.summary)} characters (this summary has ${formatNumber(String(issue.input).length)}).`,
        }),
    )
    .transform((s) => (s === '' ? null : s)),
  website: z
    .string({ error: missing })
    .refine((s) => isSingleLine(s.trim()), { error: `The web address ${SINGLE_LINE_MESSAGE}.` })
    .trim()
    .refine((s) => s.length <= profileLimits.website, {
      error: (issue) =>
        `A web address can be at most ${profileLimits.website} characters (this one has ${formatNumber(String(issue.input).length)}).`,
    })
    .refine((s) => s === '' || isWebAddress(s), {
      error:
        'Enter a full web address starting with http:// or https://, such as https://example.org, or leave it empty.',
    })
    .transform((s) => (s === '' ? null : s)),
  focusIndustries: lineList({
    maxLines: profileLimits.focusLines,
    maxLength: profileLimits.focusLength,
    one: 'focus industry',
    many: 'focus industries',
  }),
  partners: lineList({
    maxLines: profileLimits.partnerLines,
    maxLength: profileLimits.partnerLength,
    one: 'partner name',
    many: 'partner organisations',
  }),
})

export type OrganizationEdit = z.output<typeof organizationEditSchema>

/** The form's answer (page or API): the parsed values, or one message per field that needs a change. */
export const parseOrganizationEdit = <F extends Record<string, unknown>>(input: F) =>
  checkForm(organizationEditSchema, input)

export type EditableOrganization = {
  id: string
  slug: string
  name: string
  summary: string | null
  website: string | null
  focusIndustries: string[]
  partners: string[]
}

/** The editable part of an organisation's record, by slug (admitted or not); undefined when unknown. */
export async function getEditableOrganization(
  db: DbOrTx,
  slug: string,
): Promise<EditableOrganization | undefined> {
  const [org] = await db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      summary: organizations.summary,
      website: organizations.website,
      focusIndustries: organizations.focusIndustries,
    })
    .from(organizations)
    .where(eq(organizations.slug, slug))
  if (!org) return undefined
  const partners = await db
    .select({ name: organizationPartners.name })
    .from(organizationPartners)
    .where(eq(organizationPartners.organizationId, org.id))
    .orderBy(asc(organizationPartners.position), asc(organizationPartners.name))
  return { ...org, partners: partners.map((p) => p.name) }
}

/** The record as the form shows it: lists one item a line. */
export const toEditForm = (org: EditableOrganization): OrganizationEditForm => ({
  summary: org.summary ?? '',
  website: org.website ?? '',
  focusIndustries: org.focusIndustries.join('\n'),
  partners: org.partners.join('\n'),
})

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i])

/**
 * Saves the profile in one transaction recorded against `actor`: the organisation's
 * fields (and updated_at) when they changed, and the partner list replaced (in the
 * order given) when it changed. A partner that stays on the list keeps its website.
 * Returns whether anything changed.
 */
export async function updateOrganizationProfile(
  db: Db,
  options: { organizationId: string; actor: Actor; values: OrganizationEdit },
): Promise<{ changed: boolean }> {
  const { organizationId, values } = options
  return writeAs(db, options.actor, async (tx) => {
    const [current] = await tx
      .select({
        summary: organizations.summary,
        website: organizations.website,
        focusIndustries: organizations.focusIndustries,
      })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .for('update')
    if (!current) return { changed: false }
    const partners = await tx
      .select({ name: organizationPartners.name, website: organizationPartners.website })
      .from(organizationPartners)
      .where(eq(organizationPartners.organizationId, organizationId))
      .orderBy(asc(organizationPartners.position), asc(organizationPartners.name))

    const fieldsChanged =
      current.summary !== values.summary ||
      current.website !== values.website ||
      !sameList(current.focusIndustries, values.focusIndustries)
    const partnersChanged = !sameList(
      partners.map((p) => p.name),
      values.partners,
    )
    if (fieldsChanged)
      await tx
        .update(organizations)
        .set({
          summary: values.summary,
          website: values.website,
          focusIndustries: values.focusIndustries,
          updatedAt: sql`hub_now()`,
        })
        .where(eq(organizations.id, organizationId))
    if (partnersChanged) {
      const websites = new Map(partners.map((p) => [p.name, p.website]))
      await tx.delete(organizationPartners).where(eq(organizationPartners.organizationId, organizationId))
      if (values.partners.length > 0)
        await tx.insert(organizationPartners).values(
          values.partners.map((name, position) => ({
            organizationId,
            name,
            website: websites.get(name) ?? null,
            position,
          })),
        )
    }
    return { changed: fieldsChanged || partnersChanged }
  })
}
