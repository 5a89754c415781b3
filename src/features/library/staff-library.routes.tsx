import { sql } from 'drizzle-orm'
import type { Context, Hono } from 'hono'
import { queryRows } from '#src/db/sql.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { editorOf } from '#src/http/viewer.ts'
import { isUuid } from '#src/lib/ids.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { prepareAttachment, type ReadyFile, removeAttachment } from './attachments.ts'
import { contributorsRoutes } from './contributors.routes.tsx'
import { findItem, type LibraryItem } from './find-item.ts'
import { emptyItemForm, type ItemErrors, type ItemFormValues } from './item-form.ts'
import { itemValues, readItemSubmission, saveErrors } from './item-route-parts.ts'
import { createItem, setItemStatus, updateItem } from './save-item.ts'
import { StaffItemPage, StaffLibraryPage, type StaffListItem } from './staff-library.views.tsx'

const flashes: Record<string, FlashMessage> = {
  created: { text: 'Saved.' },
  saved: { text: 'Saved.' },
  approve: { text: 'Published: members (and, if public, everyone) can read it now.' },
  return: { text: 'Returned to the contributor: it is a draft again, visible only to them and staff.' },
  withdraw: { text: 'Withdrawn: it is a draft again, no longer in the library.' },
  removed: { text: 'The file was removed.' },
}

const who = (c: Context<AppEnv>) => editorOf(c.get('viewer'))

/** Staff's library: every item, the form to write or edit one, approval, withdrawal and files. */
export function staffLibraryRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database
  const itemOf = async (c: Context<AppEnv>): Promise<LibraryItem> => {
    const item = await findItem(db, c.req.param('id') ?? '')
    if (!item) throw notFound('There is no library item at this address.')
    return item
  }
  const itemPage = (
    c: Context<AppEnv>,
    item: LibraryItem | undefined,
    form: { values: ItemFormValues; errors: ItemErrors },
    status: 200 | 400 | 409 | 413 = 200,
    flash?: FlashMessage,
  ) => renderPage(c, <StaffItemPage item={item} form={form} flash={flash} />, { status })
  const unreadWarning = (textRead: boolean | null | undefined): FlashMessage | undefined =>
    textRead === false
      ? {
          text: 'Saved.',
          warning:
            'The text of the PDF could not be read: the file is kept, but search will not find words inside it.',
        }
      : undefined

  // Before /staff/library/:id, which would take its name for an id.
  contributorsRoutes(app, deps)

  app.get('/staff/library', requirePermission('library:manage'), async (c) => {
    const items = await queryRows<StaffListItem>(
      db,
      sql`select b.id::text as id, b.slug, b.kind, b.title, b.status, b.visibility,
          b.published_on::text as "publishedOn", p.full_name as "submitterName"
        from briefings b left join people p on p.id = b.submitted_by
        order by (b.status = 'pending') desc, b.published_on desc nulls first, b.title`,
    )
    return renderPage(c, <StaffLibraryPage items={items} flash={flashes[c.req.query('done') ?? '']} />)
  })

  app.get('/staff/library/new', requirePermission('library:manage'), (c) =>
    itemPage(c, undefined, { values: emptyItemForm, errors: {} }),
  )

  app.post('/staff/library/new', requirePermission('library:manage'), async (c) => {
    const form = await readItemSubmission(c)
    if (!form.ok) return itemPage(c, undefined, form, form.status)
    const { actor, personId } = who(c)
    const today = deps.clock.today()
    const status = form.intent === 'draft' ? 'draft' : 'published'
    let id: string
    let file: ReadyFile | undefined
    try {
      file = form.file ? await prepareAttachment(db, form.file) : undefined
      id = await createItem(db, actor, { value: form.value, status, personId, today, file })
    } catch (error) {
      return itemPage(c, undefined, { values: form.values, errors: saveErrors(error) }, 409)
    }
    return c.redirect(`/staff/library/${id}?done=created${file?.textRead === false ? '&unread=1' : ''}`, 303)
  })

  app.get('/staff/library/:id', requirePermission('library:manage'), async (c) => {
    const item = await itemOf(c)
    const done = flashes[c.req.query('done') ?? '']
    const flash = c.req.query('unread') ? unreadWarning(false) : done
    return itemPage(c, item, { values: itemValues(item), errors: {} }, 200, flash)
  })

  app.post('/staff/library/:id', requirePermission('library:manage'), async (c) => {
    const item = await itemOf(c)
    const form = await readItemSubmission(c)
    if (!form.ok) return itemPage(c, item, form, form.status)
    const { actor, personId } = who(c)
    try {
      const file = form.file ? await prepareAttachment(db, form.file, { itemId: item.id }) : undefined
      await updateItem(db, actor, item.id, { value: form.value, personId, today: deps.clock.today(), file })
      return c.redirect(
        `/staff/library/${item.id}?done=saved${file?.textRead === false ? '&unread=1' : ''}`,
        303,
      )
    } catch (error) {
      const errors = saveErrors(error)
      return itemPage(c, (await findItem(db, item.id)) ?? item, { values: form.values, errors }, 409)
    }
  })

  app.post('/staff/library/:id/status', requirePermission('library:manage'), async (c) => {
    const item = await itemOf(c)
    const action = (await formFields(c)).action ?? ''
    const status =
      action === 'approve' ? 'published' : action === 'return' || action === 'withdraw' ? 'draft' : null
    if (!status)
      return itemPage(c, item, { values: itemValues(item), errors: {} }, 400, {
        isError: true,
        text: 'Choose an action from the page.',
      })
    const { actor, personId } = who(c)
    await setItemStatus(db, actor, item.id, { status, personId, today: deps.clock.today() })
    return c.redirect(`/staff/library/${item.id}?done=${action}`, 303)
  })

  app.post('/staff/library/:id/files/:fileId/remove', requirePermission('library:manage'), async (c) => {
    const item = await itemOf(c)
    const fileId = c.req.param('fileId')
    if (isUuid(fileId)) await removeAttachment(db, who(c).actor, item.id, fileId)
    return c.redirect(`/staff/library/${item.id}?done=removed`, 303)
  })
}
