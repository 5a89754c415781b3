import { z } from 'zod'
import { isIsoDate } from '#src/lib/dates.ts'
import { isSlug } from '#src/lib/slug.ts'
import { isClockTime } from '#src/lib/time-zone.ts'

/** The page editor's fields, with a message a person can act on for each. */
export const pageForm = z
  .object({
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
  .superRefine((v, ctx) => {
    if (v.status !== 'scheduled') return
    // A real date only: zonedTimeToUtc throws on 2026-02-30, which the pattern alone let through.
    if (!isIsoDate(v.publishDate))
      ctx.addIssue({ code: 'custom', path: ['publishDate'], message: 'Give the date the page goes out.' })
    if (!isClockTime(v.publishTime))
      ctx.addIssue({
        code: 'custom',
        path: ['publishTime'],
        message: 'Give the time it goes out, like 09:00.',
      })
  })

export type PageFormValues = z.infer<typeof pageForm>
export type PageFields = Record<string, string>
