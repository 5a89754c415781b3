import { sql } from 'drizzle-orm'
import type { Context, Hono } from 'hono'
import { queryRows } from '#src/db/sql.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { hasRole } from '#src/http/viewer.ts'
import { AppError } from '#src/lib/errors.ts'
import { prepareAttachment } from './attachments.ts'
import { ContributePage, type OwnItem } from './contribute.views.tsx'
import { isContributor } from './contributors.ts'
import { findItem, type LibraryItem } from './find-item.ts'
import { emptyItemForm, type ItemErrors, type ItemFormValues } from './item-form.ts'
import { itemValues, readItemSubmission, saveErrors } from './item-route-parts.ts'
import {
  createItem,
  PENDING_ITEMS_PER_CONTRIBUTOR,
  PendingLimitReached,
  pendingItemCount,
  pendingLimitMessage,
  updateItem,
} from './save-item.ts'

const notAllowed =
  'Staff have not allowed you to offer items to the library yet. Write to the network’s staff to ask; once they allow you, this page will take your briefings and resources.'

/**
 * The person behind the request, and whether they may offer items: staff, or a seat holder
 * staff allowed (a row of library_contributors; the permission only says they might be).
 */
async function contributor(
  deps: AppDeps,
  c: Context<AppEnv>,
): Promise<{ personId: string; allowed: boolean; isStaff: boolean }> {
  const viewer = c.get('viewer')
  if (viewer.kind !== 'user' || !viewer.personId)
    throw new AppError('FORBIDDEN', {
      userMessage: 'Your account is not linked to a person record, so it cannot offer items.',
    })
  const isStaff = viewer.roles.includes('staff')
  const allowed = isStaff || (await isContributor(deps.database.db, viewer.personId))
  return { personId: viewer.personId, allowed, isStaff }
}

/** Representatives and alternates staff allowed offer items; each waits for approval: /library/contribute. */
export function contributeRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database
  const ownItems = (personId: string) =>
    queryRows<OwnItem>(
      db,
      sql`select id::text as id, slug, title, status from briefings where submitted_by = ${personId}::uuid
        order by created_at desc`,
    )
  const page = async (
    c: Context<AppEnv>,
    personId: string,
    form: { values: ItemFormValues; errors: ItemErrors },
    options: {
      item?: LibraryItem
      status?: 200 | 400 | 409 | 413
      sent?: string
      refusal?: string
      warning?: string
    } = {},
  ) =>
    renderPage(
      c,
      <ContributePage
        items={await ownItems(personId)}
        item={options.item}
        form={form}
        sent={options.sent}
        refusal={options.refusal}
        warning={options.warning}
      />,
      { status: options.status ?? 200 },
    )
  const ownUnpublished = async (c: Context<AppEnv>, personId: string) => {
    const item = await findItem(db, c.req.param('id') ?? '')
    if (!item || item.submittedBy !== personId || item.status === 'published')
      throw notFound('You have no unpublished item at this address.')
    return item
  }
  const save = async (c: Context<AppEnv>, item?: LibraryItem) => {
    const me = await contributor(deps, c)
    // The records refuse (409): nothing is read or written.
    if (!me.allowed)
      return page(c, me.personId, { values: emptyItemForm, errors: {} }, { status: 409, refusal: notAllowed })
    const form = await readItemSubmission(c)
    if (!form.ok) return page(c, me.personId, form, { item, status: form.status })
    const actor = `person:${me.personId}` as const
    // A contributor does not choose the address: a new item takes a free one, an edited one keeps its own.
    const value = item ? { ...form.value, slug: item.slug } : form.value
    const options = {
      value,
      status: 'pending' as const,
      personId: me.personId,
      today: deps.clock.today(),
      capPending: !me.isStaff,
    }
    try {
      // The item and its file are written together: a refused file leaves nothing to send twice.
      const file = form.file ? await prepareAttachment(db, form.file, { itemId: item?.id }) : undefined
      if (item) await updateItem(db, actor, item.id, { ...options, file })
      else await createItem(db, actor, { ...options, anyFreeSlug: true, file })
    } catch (error) {
      // What they wrote is shown back, to send once one of their waiting items is approved or returned.
      if (error instanceof PendingLimitReached)
        return page(
          c,
          me.personId,
          { values: form.values, errors: {} },
          { item, status: 409, warning: error.userMessage },
        )
      return page(c, me.personId, { values: form.values, errors: saveErrors(error) }, { item, status: 409 })
    }
    return c.redirect(`/library/contribute?sent=${encodeURIComponent(form.value.title)}`, 303)
  }

  app.get('/library/contribute', requirePermission('library:contribute'), async (c) => {
    if (hasRole(c.get('viewer'), 'staff')) return c.redirect('/staff/library/new', 303)
    const me = await contributor(deps, c)
    const pending = me.allowed ? await pendingItemCount(db, me.personId) : 0
    const refusal = !me.allowed
      ? notAllowed
      : pending >= PENDING_ITEMS_PER_CONTRIBUTOR
        ? pendingLimitMessage(pending, false)
        : undefined
    return page(c, me.personId, { values: emptyItemForm, errors: {} }, { sent: c.req.query('sent'), refusal })
  })
  app.post('/library/contribute', requirePermission('library:contribute'), (c) => save(c))

  app.get('/library/contribute/:id', requirePermission('library:contribute'), async (c) => {
    const me = await contributor(deps, c)
    const item = await ownUnpublished(c, me.personId)
    if (!me.allowed)
      return page(c, me.personId, { values: emptyItemForm, errors: {} }, { status: 409, refusal: notAllowed })
    return page(c, me.personId, { values: itemValues(item), errors: {} }, { item })
  })
  app.post('/library/contribute/:id', requirePermission('library:contribute'), async (c) => {
    const me = await contributor(deps, c)
    return save(c, await ownUnpublished(c, me.personId))
  })
}
