import { eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { isLive } from '#src/db/publication.ts'
import { sitePages } from '#src/db/schema/index.ts'
import { homeDefaults } from '#src/features/site/index.ts'
import { notFound } from '#src/http/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { formatInZone } from '#src/lib/time-zone.ts'

/** The page named by the address's :id, or a 404. */
export async function loadPage(db: DbOrTx, id: string | undefined) {
  if (!id || !isUuid(id)) throw notFound('There is no such page.')
  const [page] = await db.select().from(sitePages).where(eq(sitePages.id, id))
  if (!page) throw notFound('There is no such page.')
  return page
}

type PageRow = Awaited<ReturnType<typeof loadPage>>

/**
 * The editor's fields as the page is now (the date and time in the network's zone). A scheduled
 * page whose time came shows as published, with that time, so that saving it keeps it out.
 */
export function fieldsOf(page: PageRow, timeZone: string, now: Date): Record<string, string> {
  const at = page.publishAt ? formatInZone(new Date(page.publishAt).toISOString(), timeZone) : undefined
  return {
    title: page.title,
    slug: page.slug,
    parentId: page.parentId ?? '',
    summary: page.summary,
    bodyMarkdown: page.bodyMarkdown,
    status: page.status === 'scheduled' && isLive(page, now) ? 'published' : page.status,
    publishDate: page.status === 'scheduled' && at ? at.date : '',
    publishTime: page.status === 'scheduled' && at ? at.time : '',
    visibility: page.visibility,
    showInNav: page.showInNav ? 'yes' : '',
    navOrder: String(page.navOrder),
    note: '',
  }
}

export const pageIsLive = (page: PageRow, now: Date) => isLive(page, now)

/** The page holding the home page's text: made, with the default words, the first time staff look. */
export async function ensureHomePage(db: Db): Promise<void> {
  const [home] = await db.select({ id: sitePages.id }).from(sitePages).where(eq(sitePages.systemKey, 'home'))
  if (home) return
  await writeAs(db, 'system', async (tx) => {
    const [row] = await tx
      .insert(sitePages)
      .values({
        ...homeDefaults,
        slug: 'home',
        systemKey: 'home',
        status: 'published',
        publishAt: sql`hub_now()`,
        showInNav: false,
      })
      .onConflictDoNothing()
      .returning({ id: sitePages.id })
    if (row)
      await tx.execute(
        sql`insert into page_revisions (page_id, number, slug, title, summary, body_markdown, note) select id, 1, slug, title, summary, body_markdown, 'The Hub’s default text' from site_pages where id = ${row.id}`,
      )
  })
}
