import { z } from 'zod'
import { isSlug } from '#src/lib/slug.ts'

/** The page editor's fields, with a message a person can act on for each. */
export const pageForm = z.object({
  title: z.string().trim().min(1, 'Write the page’s title.').max(200, 'Write at most 200 characters.'),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, 'Write at most 80 characters.')
    .refine(
      (v) => v === '' || isSlug(v),
      'Use lower-case letters, digits and single hyphens, like mission-and-purpose.',
    ),
  parentId: z.string().trim().default(''),
  summary: z.string().trim().max(500, 'Write at most 500 characters.').default(''),
  bodyMarkdown: z.string().max(100_000, 'Write at most 100,000 characters.').default(''),
  status: z.enum(['draft', 'scheduled', 'published'], { message: 'Choose draft, scheduled or published.' }),
  // Checked with the status when saving (publicationTime): only scheduling needs them.
  publishDate: z.string().trim().default(''),
  publishTime: z.string().trim().default(''),
  visibility: z.enum(['public', 'members'], { message: 'Choose who may read the page.' }),
  showInNav: z.string().optional(),
  navOrder: z.coerce
    .number({ message: 'Write a whole number.' })
    .int('Write a whole number.')
    .min(-9999)
    .max(9999)
    .default(0),
  note: z.string().trim().max(200, 'Write at most 200 characters.').default(''),
})

export type PageFormValues = z.infer<typeof pageForm>

/** The home page's text: its words only (the home page is always out and public). */
export const homeTextForm = pageForm.pick({ title: true, summary: true, bodyMarkdown: true, note: true })
export type HomeTextValues = z.infer<typeof homeTextForm>
export type PageFields = Record<string, string>
