import { eq, like, or } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, Tx } from '#src/db/client.ts'
import { publicationTime } from '#src/db/publication.ts'
import type { PublicationStatus } from '#src/db/schema/index.ts'
import { newsPosts } from '#src/db/schema/index.ts'
import { type ImageUpload, storeFile } from '#src/features/files/index.ts'
import { recordRedirect } from '#src/features/site/index.ts'
import { refused } from '#src/lib/errors.ts'
import type { PostValues } from './news-form.ts'
import { firstFreeSlug, slugFromTitle } from './news-slugs.ts'
import { findPostById, personExists } from './staff-queries.ts'

type SaveOptions = {
  values: PostValues
  cover?: ImageUpload
  now: Date
  timeZone: string
  /** The person saving (the cover's uploader). */
  personId: string | null
}

/** The post's instant from its status, date and time (the one rule of publicationTime), or its refusal. */
function publishAtOf(
  options: SaveOptions,
  previous?: { status: PublicationStatus; publishAt: string | null },
): string | null {
  const { values, now, timeZone } = options
  const when = publicationTime(values, { now, timeZone, previous })
  if (!when.ok) throw refused(when.field, when.message)
  return when.publishAt
}

/** A slug nobody else has: the one typed (refused if taken) or one made from the title. */
async function chooseSlug(tx: Tx, values: PostValues, postId?: string): Promise<string> {
  const base = values.slug || slugFromTitle(values.title)
  const rows = await tx
    .select({ id: newsPosts.id, slug: newsPosts.slug })
    .from(newsPosts)
    .where(or(eq(newsPosts.slug, base), like(newsPosts.slug, `${base}-%`)))
  const taken = new Set(rows.filter((row) => row.id !== postId).map((row) => row.slug))
  if (values.slug && taken.has(values.slug))
    throw refused('slug', 'Another post has this address: choose another one.')
  return firstFreeSlug(base, taken)
}

async function checkAuthor(tx: Tx, values: PostValues) {
  if (values.authorId && !(await personExists(tx, values.authorId)))
    throw refused('author', 'Choose an author from the list.')
}

async function coverOf(tx: Tx, options: SaveOptions, keptId: string | null): Promise<string | null> {
  if (options.cover) return storeFile(tx, { ...options.cover, uploadedBy: options.personId })
  return options.values.removeCover ? null : keptId
}

/** A cover needs its text alternative (checked before the file is stored). */
function checkCoverAlt(values: PostValues, hasCover: boolean) {
  if (hasCover && values.coverAlt === '')
    throw refused('coverAlt', 'Describe the cover image for people who cannot see it.')
}

function rowOf(values: PostValues, publishAt: string | null, coverFileId: string | null) {
  return {
    title: values.title,
    summary: values.summary,
    bodyMarkdown: values.bodyMarkdown,
    authorId: values.authorId,
    authorName: values.authorName,
    status: values.status,
    publishAt,
    categories: values.categories,
    tags: values.tags,
    visibility: values.visibility,
    coverFileId,
    coverAlt: coverFileId ? values.coverAlt : '',
  }
}

/** Writes a new post; its slug comes from the title unless one was typed. Returns its id and slug. */
export function createPost(db: Db, actor: Actor, options: SaveOptions) {
  return writeAs(db, actor, async (tx) => {
    const publishAt = publishAtOf(options)
    await checkAuthor(tx, options.values)
    const slug = await chooseSlug(tx, options.values)
    checkCoverAlt(options.values, Boolean(options.cover))
    const coverFileId = await coverOf(tx, options, null)
    const [saved] = await tx
      .insert(newsPosts)
      .values({ ...rowOf(options.values, publishAt, coverFileId), slug })
      .returning({ id: newsPosts.id, slug: newsPosts.slug })
    if (!saved) throw new Error('the post was not saved')
    return saved
  })
}

/**
 * Saves a post's changes. The slug stays as it was when the title changes; a slug staff change
 * leaves a permanent redirect from the old address. Returns the slug.
 */
export function updatePost(db: Db, actor: Actor, postId: string, options: SaveOptions) {
  return writeAs(db, actor, async (tx) => {
    const post = await findPostById(tx, postId)
    if (!post) throw refused(null, 'This post was deleted in the meantime.')
    const publishAt = publishAtOf(options, post)
    await checkAuthor(tx, options.values)
    const slug =
      options.values.slug && options.values.slug !== post.slug
        ? await chooseSlug(tx, options.values, postId)
        : post.slug
    checkCoverAlt(options.values, Boolean(options.cover || (!options.values.removeCover && post.coverFileId)))
    const coverFileId = await coverOf(tx, options, post.coverFileId)
    await tx
      .update(newsPosts)
      .set({ ...rowOf(options.values, publishAt, coverFileId), slug, updatedAt: options.now.toISOString() })
      .where(eq(newsPosts.id, postId))
    if (slug !== post.slug) await recordRedirect(tx, `/news/${post.slug}`, `/news/${slug}`)
    return { slug }
  })
}

/** Deletes a post (its cover file stays stored, unreferenced, like any replaced upload). */
export async function deletePost(db: Db, actor: Actor, postId: string): Promise<boolean> {
  return writeAs(db, actor, async (tx) => {
    const rows = await tx.delete(newsPosts).where(eq(newsPosts.id, postId)).returning({ id: newsPosts.id })
    return rows.length > 0
  })
}
