import { z } from 'zod'
import { isUuid } from '#src/lib/ids.ts'
import { isSlug } from '#src/lib/slug.ts'
import { isReservedSlug, parseTerms } from './news-slugs.ts'
import { PRESS_RELEASE } from './news-types.ts'

/** Text with control characters (other than tab and line breaks) taken out: they break XML feeds. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
const line = (max: number, tooLong: string) =>
  z
    .string()
    .default('')
    .transform((s) => clean(s).replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max, tooLong))
const text = (max: number, tooLong: string) =>
  z
    .string()
    .default('')
    .transform((s) => clean(s).replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(max, tooLong))

/** The post editor's one schema: what staff type, checked, with a message a person can act on. */
export const postForm = z
  .object({
    title: line(200, 'Write a title of at most 200 characters.').pipe(z.string().min(1, 'Write the title.')),
    slug: line(80, 'Write an address of at most 80 characters.').refine(
      (s) => s === '' || (isSlug(s) && !isReservedSlug(s)),
      'Use lower-case letters, digits and single hyphens (for instance amp-socal-redesignated), not a year, or leave it empty.',
    ),
    // Checked with the status when saving (publicationTime): a draft needs no date.
    date: z.string().trim().default(''),
    time: z.string().trim().default(''),
    status: z.enum(['draft', 'scheduled', 'published'], 'Choose draft, scheduled or published.'),
    visibility: z.enum(['public', 'members'], 'Choose who may read the post.'),
    author: z
      .string()
      .default('')
      .refine((s) => s === '' || isUuid(s), 'Choose an author from the list.'),
    authorName: line(200, 'Write a name of at most 200 characters.'),
    summary: text(500, 'Write a summary of at most 500 characters.'),
    body: text(100_000, 'Write at most 100,000 characters.'),
    pressRelease: z.string().optional(),
    categories: line(500, 'Write at most 500 characters of categories.'),
    tags: line(500, 'Write at most 500 characters of tags.'),
    coverAlt: line(300, 'Describe the image in at most 300 characters.'),
    removeCover: z.string().optional(),
  })
  .refine((v) => v.author !== '' || v.authorName !== '', {
    path: ['author'],
    message: 'Choose an author, or write the name of someone else.',
  })
  .transform((v) => ({
    title: v.title,
    slug: v.slug,
    date: v.date,
    time: v.time,
    status: v.status,
    visibility: v.visibility,
    authorId: v.author === '' ? null : v.author,
    authorName: v.author === '' ? v.authorName : '',
    summary: v.summary,
    bodyMarkdown: v.body,
    categories: parseTerms([v.pressRelease ? PRESS_RELEASE : '', v.categories].join(',')).slice(0, 20),
    tags: parseTerms(v.tags).slice(0, 30),
    coverAlt: v.coverAlt,
    removeCover: v.removeCover !== undefined,
  }))

export type PostValues = z.output<typeof postForm>
export type PostFields = Partial<Record<keyof z.input<typeof postForm>, string>>
