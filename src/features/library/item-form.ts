/** The form of a library item, read and checked without a database: what was typed, and a message per field. */
import { z } from 'zod'
import { isIsoDate } from '#src/lib/dates.ts'
import { slugify } from '#src/lib/slug.ts'
import { multiLine, singleLine, wordList } from '#src/lib/text.ts'
import { isWebAddress } from '#src/lib/web-address.ts'

export const itemLimits = { title: 200, slug: 100, summary: 600, body: 50_000, links: 20, words: 20 } as const

/** What the form shows back: every field as typed. */
export type ItemFormValues = {
  kind: string
  title: string
  slug: string
  summary: string
  bodyMarkdown: string
  publishedOn: string
  links: string
  tags: string
  focusIndustries: string
  visibility: string
  callDate: string
}
export type ItemField = keyof ItemFormValues | 'attachment'
export type ItemErrors = Partial<Record<ItemField | 'form', string>>

export const emptyItemForm: ItemFormValues = {
  kind: 'briefing',
  title: '',
  slug: '',
  summary: '',
  bodyMarkdown: '',
  publishedOn: '',
  links: '',
  tags: '',
  focusIndustries: '',
  visibility: 'members',
  callDate: '',
}

/** One link a line: "Title https://address" or just the address. */
const linkList = multiLine('list of links').transform((text, ctx) => {
  const links: { title: string; url: string }[] = []
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line) continue
    const url = line.split(/\s+/).at(-1) ?? ''
    if (!isWebAddress(url) || url.length > 2000) {
      ctx.addIssue({
        code: 'custom',
        message: `“${line.slice(0, 80)}” does not end with a web address starting with http:// or https://: write one link a line, a title then its address.`,
      })
      return z.NEVER
    }
    const title = line.slice(0, line.length - url.length).trim()
    links.push({ title: title.slice(0, 200) || url, url })
  }
  if (links.length > itemLimits.links) {
    ctx.addIssue({ code: 'custom', message: `List at most ${itemLimits.links} links.` })
    return z.NEVER
  }
  return links
})

export const itemForm = z
  .object({
    kind: z.enum(['briefing', 'resource'], { message: 'Choose whether this is a briefing or a resource.' }),
    title: singleLine('title')
      .trim()
      .min(1, 'Give the item a title.')
      .max(itemLimits.title, `Write the title in at most ${itemLimits.title} characters.`),
    slug: singleLine('address')
      .trim()
      .max(itemLimits.slug, `Write the address in at most ${itemLimits.slug} characters.`)
      .refine(
        (s) => s === '' || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s),
        'Use lower-case letters, digits and single hyphens in the address, such as workforce-pipelines.',
      ),
    summary: multiLine('summary')
      .trim()
      .max(itemLimits.summary, `Write the summary in at most ${itemLimits.summary} characters.`),
    bodyMarkdown: multiLine('text')
      .trim()
      .min(1, 'Write the text of the item (Markdown).')
      .max(
        itemLimits.body,
        `Write the text in at most ${itemLimits.body.toLocaleString('en-US')} characters.`,
      ),
    publishedOn: z
      .string()
      .trim()
      .refine(
        (d) => d === '' || isIsoDate(d),
        'Enter the date of publication as 2026-11-02, or leave it empty.',
      ),
    links: linkList,
    tags: wordList('tags', { entries: itemLimits.words, characters: 60 }),
    focusIndustries: wordList('focus industries', { entries: itemLimits.words, characters: 60 }),
    visibility: z.enum(['public', 'members'], { message: 'Choose who can read it.' }),
    callDate: z
      .string()
      .trim()
      .refine(
        (d) => d === '' || isIsoDate(d),
        'Enter the date of the call as 2026-11-02, or leave it empty.',
      ),
  })
  .transform((v) => ({ ...v, slug: v.slug || slugify(v.title).slice(0, itemLimits.slug) || 'item' }))

export type ItemValue = z.output<typeof itemForm>

/** The form's values from a posted body (missing fields empty). */
export function readItemValues(fields: Record<string, string>): ItemFormValues {
  const values = { ...emptyItemForm }
  for (const key of Object.keys(values) as (keyof ItemFormValues)[]) values[key] = fields[key] ?? ''
  return values
}
