import { and, desc, eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { pageRevisions, people, sitePages } from '#src/db/schema/index.ts'
import type { Editor } from '#src/http/viewer.ts'
import { refused } from '#src/lib/errors.ts'
import { addRevision } from './save-page.ts'

export type Revision = {
  number: number
  slug: string
  title: string
  summary: string
  bodyMarkdown: string
  note: string
  savedAt: string
  savedByName: string | null
}

const columns = {
  number: pageRevisions.number,
  slug: pageRevisions.slug,
  title: pageRevisions.title,
  summary: pageRevisions.summary,
  bodyMarkdown: pageRevisions.bodyMarkdown,
  note: pageRevisions.note,
  savedAt: pageRevisions.savedAt,
  savedByName: people.fullName,
}

/** A page's revisions, newest first. */
export async function listRevisions(db: DbOrTx, pageId: string): Promise<Revision[]> {
  return db
    .select(columns)
    .from(pageRevisions)
    .leftJoin(people, eq(people.id, pageRevisions.savedBy))
    .where(eq(pageRevisions.pageId, pageId))
    .orderBy(desc(pageRevisions.number))
}

export async function getRevision(db: DbOrTx, pageId: string, number: number): Promise<Revision | undefined> {
  const [row] = await db
    .select(columns)
    .from(pageRevisions)
    .leftJoin(people, eq(people.id, pageRevisions.savedBy))
    .where(and(eq(pageRevisions.pageId, pageId), eq(pageRevisions.number, number)))
  return row
}

/**
 * Puts a revision's title, summary and body back, as a new revision "Restored revision N". The
 * address stays as it is (slugs stay stable; changing one is a save of its own, with its redirect).
 */
export async function restoreRevision(db: Db, pageId: string, number: number, by: Editor): Promise<number> {
  return writeAs(db, by.actor, async (tx) => {
    const revision = await getRevision(tx, pageId, number)
    if (!revision) throw refused(null, `This page has no revision ${number}.`)
    await tx
      .update(sitePages)
      .set({
        title: revision.title,
        summary: revision.summary,
        bodyMarkdown: revision.bodyMarkdown,
        updatedBy: by.personId,
        updatedAt: sql`hub_now()`,
      })
      .where(eq(sitePages.id, pageId))
    return addRevision(tx, pageId, `Restored revision ${number}`, by)
  })
}
