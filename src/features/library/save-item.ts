/** Writing library items: create and edit (each with its new file, in one transaction; a public item's new slug leaves a redirect), approve, return and withdraw. */
import { and, eq, ne, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx, Tx } from '#src/db/client.ts'
import { briefings, calls, type LibraryStatus } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { recordRedirect } from '#src/features/site/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { attachFile, type ReadyFile } from './attachments.ts'
import type { ItemValue } from './item-form.ts'

/** A refusal tied to one field of the item form. */
export class ItemFieldError extends AppError {
  constructor(
    readonly field: 'slug' | 'callDate',
    message: string,
  ) {
    super('CONFLICT', { userMessage: message, field })
  }
}

/** How many items one contributor may have waiting for approval at once (staff are not limited). */
export const PENDING_ITEMS_PER_CONTRIBUTOR = 5

/** Why a contributor may not send another item for approval now, and what to do; `sending`: one was just refused. */
export function pendingLimitMessage(pending: number, sending: boolean): string {
  const why = `${pending} items waiting for staff approval, the most one contributor can have at once`
  const edit = 'You can still edit the items waiting, listed below.'
  return sending
    ? `Nothing was sent: you already have ${why}. Once staff approve or return one of them, send this one again. ${edit}`
    : `You have ${why}: once staff approve or return one of them, you can offer another. ${edit}`
}

/** A contributor's item refused because they already have as many waiting as they may. */
export class PendingLimitReached extends AppError {
  constructor(readonly pending: number) {
    super('CONFLICT', { userMessage: pendingLimitMessage(pending, true) })
  }
}

/** How many of this person's items wait for approval. */
export async function pendingItemCount(db: DbOrTx, personId: string): Promise<number> {
  const [row] = await queryRows<{ pending: number }>(
    db,
    sql`select count(*)::int as pending from briefings where submitted_by = ${personId}::uuid and status = 'pending'`,
  )
  return Number(row?.pending ?? 0)
}

/** Refuses one more item waiting for approval past the cap; holds the person's lock until the transaction ends. */
async function checkPendingCap(tx: Tx, personId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`library-pending:${personId}`}))`)
  const pending = await pendingItemCount(tx, personId)
  if (pending >= PENDING_ITEMS_PER_CONTRIBUTOR) throw new PendingLimitReached(pending)
}

async function callIdOn(tx: DbOrTx, date: string): Promise<string | null> {
  if (!date) return null
  const [call] = await tx.select({ id: calls.id }).from(calls).where(eq(calls.localDate, date)).limit(1)
  if (!call)
    throw new ItemFieldError(
      'callDate',
      `There is no call on ${date}: enter the date of a call, or leave it empty.`,
    )
  return call.id
}

async function checkSlugFree(tx: DbOrTx, slug: string, id?: string) {
  const [taken] = await tx
    .select({ id: briefings.id })
    .from(briefings)
    .where(id ? and(eq(briefings.slug, slug), ne(briefings.id, id)) : eq(briefings.slug, slug))
  if (taken)
    throw new ItemFieldError('slug', `Another item already has the address /library/${slug}: choose another.`)
}

/** The slug, or the first of slug-2, slug-3… that no item has (a contributor does not choose the address). */
async function freeSlug(tx: DbOrTx, slug: string): Promise<string> {
  const taken = new Set(
    (
      await tx
        .select({ slug: briefings.slug })
        .from(briefings)
        .where(sql`${briefings.slug} = ${slug} or ${briefings.slug} like ${`${slug}-%`}`)
    ).map((r) => r.slug),
  )
  let candidate = slug
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`
  return candidate
}

const columns = (value: ItemValue) => ({
  kind: value.kind,
  title: value.title,
  slug: value.slug,
  summary: value.summary,
  bodyMarkdown: value.bodyMarkdown,
  links: value.links,
  tags: value.tags,
  focusIndustries: value.focusIndustries,
  visibility: value.visibility,
})

/**
 * A new item: `published` (staff), `draft`, or `pending` (a contributor's, waiting for staff),
 * and its first file if one was given, in one transaction: a refused file leaves no item. Returns its id.
 */
export async function createItem(
  db: Db,
  actor: Actor,
  options: {
    value: ItemValue
    status: LibraryStatus
    personId: string | null
    today: string
    /** Take the next free address instead of refusing a taken one. */
    anyFreeSlug?: boolean
    file?: ReadyFile
    /** Refuse a pending item past PENDING_ITEMS_PER_CONTRIBUTOR (a contributor's, not staff's). */
    capPending?: boolean
  },
): Promise<string> {
  const { status } = options
  return writeAs(db, actor, async (tx) => {
    if (status === 'pending' && options.capPending && options.personId)
      await checkPendingCap(tx, options.personId)
    const value = options.anyFreeSlug
      ? { ...options.value, slug: await freeSlug(tx, options.value.slug) }
      : options.value
    await checkSlugFree(tx, value.slug)
    const publishing = status === 'published'
    const [row] = await tx
      .insert(briefings)
      .values({
        ...columns(value),
        status,
        callId: await callIdOn(tx, value.callDate),
        publishedOn: value.publishedOn || (publishing ? options.today : null),
        // Who offered it: a contributor's item (pending); staff's own items have no submitter.
        submittedBy: status === 'pending' ? options.personId : null,
        approvedBy: publishing ? options.personId : null,
        approvedAt: publishing ? sql`hub_now()` : null,
      })
      .returning({ id: briefings.id })
    if (!row) throw new Error('the library item was not stored')
    if (options.file)
      await attachFile(tx, { itemId: row.id, file: options.file, uploadedBy: options.personId })
    return row.id
  })
}

/**
 * Saves an item's fields, and adds its new file if one was given, in one transaction; `status`
 * changes it too (published: approved now, by `personId`).
 */
export async function updateItem(
  db: Db,
  actor: Actor,
  id: string,
  options: {
    value: ItemValue
    status?: LibraryStatus
    personId: string | null
    today: string
    file?: ReadyFile
    /** Refuse sending it for approval again past PENDING_ITEMS_PER_CONTRIBUTOR (see createItem). */
    capPending?: boolean
  },
): Promise<void> {
  const { value, status } = options
  await writeAs(db, actor, async (tx) => {
    const [before] = await tx.select().from(briefings).where(eq(briefings.id, id)).for('update')
    if (!before) throw new AppError('NOT_FOUND', { userMessage: 'This library item no longer exists.' })
    if (status === 'pending' && before.status !== 'pending' && options.capPending && options.personId)
      await checkPendingCap(tx, options.personId)
    await checkSlugFree(tx, value.slug, id)
    const publishing = status === 'published' && before.status !== 'published'
    await tx
      .update(briefings)
      .set({
        ...columns(value),
        callId: await callIdOn(tx, value.callDate),
        publishedOn: value.publishedOn || before.publishedOn || (publishing ? options.today : null),
        ...(status ? { status } : {}),
        ...(publishing ? { approvedBy: options.personId, approvedAt: sql`hub_now()` } : {}),
        updatedAt: sql`hub_now()`,
      })
      .where(eq(briefings.id, id))
    // Only a public, published item's old address leads on: anything else's would tell a visitor its new one.
    const isPublic = (status ?? before.status) === 'published' && value.visibility === 'public'
    if (before.slug !== value.slug && isPublic)
      await recordRedirect(tx, `/library/${before.slug}`, `/library/${value.slug}`)
    if (options.file) await attachFile(tx, { itemId: id, file: options.file, uploadedBy: options.personId })
  })
}

/** Changes only the status: approve (published), return to its submitter or withdraw (draft). */
export async function setItemStatus(
  db: Db,
  actor: Actor,
  id: string,
  options: { status: LibraryStatus; personId: string | null; today: string },
): Promise<void> {
  await writeAs(db, actor, async (tx) => {
    const [before] = await tx.select().from(briefings).where(eq(briefings.id, id)).for('update')
    if (!before) throw new AppError('NOT_FOUND', { userMessage: 'This library item no longer exists.' })
    const publishing = options.status === 'published' && before.status !== 'published'
    await tx
      .update(briefings)
      .set({
        status: options.status,
        ...(publishing
          ? {
              approvedBy: options.personId,
              approvedAt: sql`hub_now()`,
              publishedOn: before.publishedOn ?? options.today,
            }
          : {}),
        updatedAt: sql`hub_now()`,
      })
      .where(eq(briefings.id, id))
  })
}
