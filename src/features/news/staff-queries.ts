import { and, asc, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { newsPosts, people, staffMembers } from '#src/db/schema/index.ts'

/** Every post, whatever its status, newest date first (drafts without a date on top): the staff list. */
export function listAllPosts(db: DbOrTx) {
  return db
    .select({
      id: newsPosts.id,
      slug: newsPosts.slug,
      title: newsPosts.title,
      status: newsPosts.status,
      publishAt: newsPosts.publishAt,
      visibility: newsPosts.visibility,
      categories: newsPosts.categories,
    })
    .from(newsPosts)
    .orderBy(sql`${newsPosts.publishAt} desc nulls first`, desc(newsPosts.createdAt))
}

/** A post as the editor shows it, or undefined. */
export async function findPostById(db: DbOrTx, id: string) {
  const [post] = await db.select().from(newsPosts).where(eq(newsPosts.id, id))
  return post
}

export type StoredPost = NonNullable<Awaited<ReturnType<typeof findPostById>>>

/** The people staff pick as a post's author: today's staff, and the post's own author if not among them. */
export async function authorChoices(db: DbOrTx, today: string, alsoId?: string | null) {
  const rows = await db
    .selectDistinct({ id: people.id, name: people.fullName })
    .from(people)
    .leftJoin(staffMembers, eq(staffMembers.personId, people.id))
    .where(
      or(
        and(
          lte(staffMembers.startsOn, today),
          or(isNull(staffMembers.endsOn), gt(staffMembers.endsOn, today)),
        ),
        alsoId ? eq(people.id, alsoId) : sql`false`,
      ),
    )
    .orderBy(asc(people.fullName))
  return rows
}

/** Whether a person of the Hub has this id. */
export async function personExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.id, id))
  return Boolean(row)
}
