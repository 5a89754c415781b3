import { randomBytes } from 'node:crypto'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { briefings, libraryContributors, presentations } from '#src/db/schema/index.ts'
import type { TestOrganization } from './factories.ts'

/**
 * Library items and archived presentations a test builds for itself. Titles and slugs are
 * unique unless given; everything is written through the audit trigger as 'system'.
 */
const unique = () => randomBytes(4).toString('hex')

export type TestLibraryItem = { id: string; slug: string; title: string }

/** A library item: published, members-only, a briefing dated 2026-11-02 unless told otherwise. */
export async function createLibraryItem(
  db: Db,
  options: Partial<typeof briefings.$inferInsert> = {},
): Promise<TestLibraryItem> {
  const key = unique()
  const [row] = await writeAs(db, 'system', (tx) =>
    tx
      .insert(briefings)
      .values({
        slug: `item-${key}`,
        title: `Item ${key}`,
        bodyMarkdown: 'Body text.',
        publishedOn: '2026-11-02',
        status: 'published',
        visibility: 'members',
        ...options,
      })
      .returning(),
  )
  if (!row) throw new Error('the library item was not created')
  return { id: row.id, slug: row.slug, title: row.title }
}

/** Lets a seat holder offer items to the library. */
export async function allowContributor(db: Db, personId: string): Promise<void> {
  await writeAs(db, 'system', (tx) =>
    tx.insert(libraryContributors).values({ personId }).onConflictDoNothing(),
  )
}

/** A presentation that was given, with archive fields (members-only unless told). */
export async function givenPresentation(
  db: Db,
  organization: TestOrganization,
  options: Partial<typeof presentations.$inferInsert> = {},
): Promise<{ id: string; path: string }> {
  const year = options.year ?? 2026
  const [row] = await writeAs(db, 'system', (tx) =>
    tx
      .insert(presentations)
      .values({
        organizationId: organization.id,
        year,
        status: 'given',
        title: `Presentation ${unique()}`,
        summary: 'What we did.',
        topics: [],
        visibility: 'members',
        ...options,
      })
      .returning(),
  )
  if (!row) throw new Error('the presentation was not created')
  return { id: row.id, path: `/presentations/${year}/${organization.slug}` }
}
