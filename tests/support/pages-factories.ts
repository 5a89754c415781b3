import { writeAs } from '../../src/db/actor.ts'
import type { Db } from '../../src/db/client.ts'
import { sitePages } from '../../src/db/schema/index.ts'

export type TestPage = { id: string; slug: string; title: string }

/** A page of the site, published and public unless told otherwise (no revision: tests that need one save through the editor). */
export async function createSitePage(
  db: Db,
  options: {
    title: string
    slug: string
    parentId?: string | null
    bodyMarkdown?: string
    status?: 'draft' | 'scheduled' | 'published'
    publishAt?: string | null
    visibility?: 'public' | 'members'
    showInNav?: boolean
    navOrder?: number
  },
): Promise<TestPage> {
  const status = options.status ?? 'published'
  const [row] = await writeAs(db, 'system', (tx) =>
    tx
      .insert(sitePages)
      .values({
        title: options.title,
        slug: options.slug,
        parentId: options.parentId ?? null,
        bodyMarkdown: options.bodyMarkdown ?? `Text of ${options.title}.`,
        status,
        publishAt: options.publishAt ?? (status === 'draft' ? null : '2020-01-01T00:00:00Z'),
        visibility: options.visibility ?? 'public',
        showInNav: options.showInNav ?? true,
        navOrder: options.navOrder ?? 0,
      })
      .returning(),
  )
  if (!row) throw new Error('the page was not created')
  return { id: row.id, slug: row.slug, title: row.title }
}

/** The smallest PNG there is (1×1, transparent): a real image for logo uploads. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
