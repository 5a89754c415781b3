import { and, eq, max, ne, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db, Tx } from '#src/db/client.ts'
import { publicationTime } from '#src/db/publication.ts'
import { type PublicationStatus, pageRevisions, sitePages } from '#src/db/schema/index.ts'
import { recordRedirect } from '#src/features/site/index.ts'
import type { Editor } from '#src/http/viewer.ts'
import { refused } from '#src/lib/errors.ts'
import { slugify } from '#src/lib/slug.ts'
import type { HomeTextValues, PageFormValues } from './page-form.ts'
import { loadPlaces, withDescendants } from './page-places.ts'
import { isReservedSlug } from './reserved.ts'

/** Appends a revision: what the page says now, who saved it, why. */
export async function addRevision(tx: Tx, pageId: string, note: string, by: Editor): Promise<number> {
  const [page] = await tx.select().from(sitePages).where(eq(sitePages.id, pageId))
  if (!page) throw new Error('no such page')
  const [last] = await tx
    .select({ n: max(pageRevisions.number) })
    .from(pageRevisions)
    .where(eq(pageRevisions.pageId, pageId))
  const number = (last?.n ?? 0) + 1
  await tx.insert(pageRevisions).values({
    pageId,
    number,
    slug: page.slug,
    title: page.title,
    summary: page.summary,
    bodyMarkdown: page.bodyMarkdown,
    note: note || 'Saved',
    savedBy: by.personId,
  })
  return number
}

/** When the page goes (or went) out, from the form and what it was (the one rule of publicationTime). */
function publication(
  values: PageFormValues,
  previous: { status: PublicationStatus; publishAt: string | null } | undefined,
  now: Date,
  timeZone: string,
) {
  const choice = { status: values.status, date: values.publishDate, time: values.publishTime }
  const when = publicationTime(choice, { now, timeZone, previous })
  if (!when.ok) throw refused(when.field === 'date' ? 'publishDate' : 'publishTime', when.message)
  return { status: when.status, publishAt: when.publishAt }
}

/**
 * Creates a page (`id` undefined) or saves one, with a revision, in one transaction. The slug is
 * the one typed or, for a new page, derived from the title; it never follows a changed title. A
 * changed slug or parent records a redirect from every old address of the page and those under it.
 */
export async function savePage(
  db: Db,
  input: { id?: string; values: PageFormValues; by: Editor; now: Date; timeZone: string },
): Promise<{ id: string; revision: number }> {
  const { values, by } = input
  return writeAs(db, by.actor, async (tx) => {
    const places = await loadPlaces(tx)
    const previous = input.id ? places.find((p) => p.id === input.id) : undefined
    if (input.id && !previous) throw refused(null, 'This page no longer exists.')
    if (previous?.systemKey) throw refused(null, 'The home page’s text is saved by its own form.')
    const parentId = values.parentId || null
    if (parentId && !places.some((p) => p.id === parentId && !p.systemKey))
      throw refused('parentId', 'Choose a parent among the pages listed.')
    if (input.id && parentId && withDescendants(places, input.id).some((p) => p.id === parentId))
      throw refused('parentId', 'A page cannot sit under itself or under one of its own sub-pages.')
    const slug = values.slug || previous?.slug || slugify(values.title)
    if (!slug) throw refused('slug', 'Write a slug: the title has no letters or digits to make one from.')
    if (!parentId && isReservedSlug(slug))
      throw refused(
        'slug',
        `“/${slug}” is an address the Hub already answers: choose another slug, or put the page under a parent.`,
      )
    const clash = places.find((p) => p.slug === slug && p.parentId === parentId && p.id !== input.id)
    if (clash)
      throw refused(
        'slug',
        `Another page (“${clash.title}”) already has the address ${clash.path}: choose another slug.`,
      )
    const when = publication(values, previous, input.now, input.timeZone)
    const row = {
      parentId,
      slug,
      title: values.title,
      summary: values.summary,
      bodyMarkdown: values.bodyMarkdown.replace(/\r\n/g, '\n'),
      ...when,
      visibility: values.visibility,
      showInNav: values.showInNav !== undefined,
      navOrder: values.navOrder,
      updatedBy: by.personId,
      updatedAt: sql`hub_now()`,
    }
    let id = input.id
    if (id) {
      await tx.update(sitePages).set(row).where(eq(sitePages.id, id))
    } else {
      const [created] = await tx.insert(sitePages).values(row).returning({ id: sitePages.id })
      id = created?.id as string
    }
    if (previous && (previous.slug !== slug || previous.parentId !== parentId)) {
      const after = await loadPlaces(tx)
      for (const old of withDescendants(places, id)) {
        const now = after.find((p) => p.id === old.id)
        if (now && now.path !== old.path) await recordRedirect(tx, old.path, now.path)
      }
    }
    const revision = await addRevision(tx, id, values.note, by)
    return { id, revision }
  })
}

/**
 * Saves the home page's words, with a revision. The home page is always out and public: its text
 * has no status, visibility, address or place to choose (the home route never reads them).
 */
export async function saveHomeText(
  db: Db,
  input: { id: string; values: HomeTextValues; by: Editor },
): Promise<{ id: string; revision: number }> {
  const { id, values, by } = input
  return writeAs(db, by.actor, async (tx) => {
    await tx
      .update(sitePages)
      .set({
        title: values.title,
        summary: values.summary,
        bodyMarkdown: values.bodyMarkdown.replace(/\r\n/g, '\n'),
        updatedBy: by.personId,
        updatedAt: sql`hub_now()`,
      })
      .where(and(eq(sitePages.id, id), eq(sitePages.systemKey, 'home')))
    return { id, revision: await addRevision(tx, id, values.note, by) }
  })
}

/** Deletes a page that has no sub-pages (its revisions go with it). The home page's text stays. */
export async function deletePage(db: Db, id: string, by: Editor): Promise<void> {
  await writeAs(db, by.actor, async (tx) => {
    const [page] = await tx
      .select({ systemKey: sitePages.systemKey })
      .from(sitePages)
      .where(eq(sitePages.id, id))
    if (!page) throw refused(null, 'This page no longer exists.')
    if (page.systemKey) throw refused(null, 'The home page’s text cannot be deleted; edit it instead.')
    const [child] = await tx
      .select({ id: sitePages.id })
      .from(sitePages)
      .where(eq(sitePages.parentId, id))
      .limit(1)
    if (child) throw refused(null, 'This page has sub-pages: move or delete them first.')
    await tx.delete(sitePages).where(eq(sitePages.id, id))
  })
}

/** Sets the navigation's order: each page's position among its siblings, as listed. */
export async function reorderPages(
  db: Db,
  order: { id: string; navOrder: number }[],
  by: Editor,
): Promise<void> {
  await writeAs(db, by.actor, async (tx) => {
    for (const item of order)
      await tx
        .update(sitePages)
        .set({ navOrder: item.navOrder })
        .where(and(eq(sitePages.id, item.id), ne(sitePages.navOrder, item.navOrder)))
  })
}
