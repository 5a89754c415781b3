import { writeAs } from '../../src/db/actor.ts'
import type { Db } from '../../src/db/client.ts'
import { newsPosts } from '../../src/db/schema/index.ts'

let counter = 0

export type TestPost = { id: string; slug: string; title: string }

/**
 * A news post written straight into the database: published an hour before `publishAt` unless
 * told otherwise, public, with a unique slug and title.
 * @example await createNewsPost(db, { status: 'scheduled', publishAt: '2026-12-01T15:00:00Z' })
 */
export async function createNewsPost(
  db: Db,
  options: Partial<typeof newsPosts.$inferInsert> = {},
): Promise<TestPost> {
  counter += 1
  const key = `${Date.now().toString(36)}-${counter}`
  const values = {
    slug: `test-post-${key}`,
    title: `Test post ${key}`,
    summary: `Summary of test post ${key}.`,
    bodyMarkdown: `Body of test post ${key}.`,
    authorName: 'Test Author',
    status: 'published' as const,
    publishAt: '2026-11-01T15:00:00.000Z',
    ...options,
  }
  const [post] = await writeAs(db, 'system', (tx) =>
    tx
      .insert(newsPosts)
      .values(values)
      .returning({ id: newsPosts.id, slug: newsPosts.slug, title: newsPosts.title }),
  )
  if (!post) throw new Error('the post was not created')
  return post
}
