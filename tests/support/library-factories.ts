import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import {
  briefingAttachments,
  briefings,
  libraryContributors,
  presentations,
  storedFiles,
} from '#src/db/schema/index.ts'
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

/** A file attached to an item (a small PDF unless given), after the item's others; returns the file's id. */
export async function attachLibraryFile(
  db: Db,
  itemId: string,
  file: { name?: string; bytes?: Uint8Array } = {},
): Promise<string> {
  const bytes = Buffer.from(file.bytes ?? new TextEncoder().encode(`%PDF-1.4\n${unique()}`))
  return writeAs(db, 'system', async (tx) => {
    const [stored] = await tx
      .insert(storedFiles)
      .values({
        name: file.name ?? `file-${unique()}.pdf`,
        contentType: 'application/pdf',
        size: bytes.length,
        sha256: 'x'.repeat(64),
        data: bytes,
      })
      .returning({ id: storedFiles.id })
    if (!stored) throw new Error('the file was not stored')
    await tx.insert(briefingAttachments).values({
      briefingId: itemId,
      fileId: stored.id,
      position: sql`(select coalesce(max(position), -1) + 1 from briefing_attachments
        where briefing_id = ${itemId}::uuid)`,
    })
    return stored.id
  })
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
