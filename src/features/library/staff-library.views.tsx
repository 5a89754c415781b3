import type { LibraryKind, LibraryStatus } from '#src/db/schema/index.ts'
import { formatFileSize } from '#src/features/files/index.ts'
import { ButtonForm, CsrfInput, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatDate, formatNumber } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { LibraryItem } from './find-item.ts'
import { ItemForm, type ItemFormProps } from './item-form.views.tsx'
import { kindLabels, statusLabels, visibilityLabels } from './labels.ts'

export type StaffListItem = {
  id: string
  slug: string
  kind: LibraryKind
  title: string
  status: LibraryStatus
  visibility: 'public' | 'members'
  publishedOn: string | null
  submitterName: string | null
}

function ItemTable(props: { items: StaffListItem[]; caption: string }) {
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Visibility</th>
            <th scope="col">Published</th>
            <th scope="col">Offered by</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((i) => (
            <tr>
              <td>
                <a href={`/staff/library/${i.id}`}>{i.title}</a>
              </td>
              <td>{kindLabels[i.kind]}</td>
              <td>{statusLabels[i.status]}</td>
              <td>{visibilityLabels[i.visibility]}</td>
              <td>{i.publishedOn ? formatDate(i.publishedOn) : '—'}</td>
              <td>{i.submitterName ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** /staff/library: items waiting for approval first, then every item. */
export function StaffLibraryPage(props: { items: StaffListItem[]; flash?: FlashMessage }) {
  const pending = props.items.filter((i) => i.status === 'pending')
  return (
    <Layout title="Library (staff)">
      <div class="wrap">
        <StaffNav current="library" />
        <h1>Library</h1>
        <Flashes flash={props.flash} />
        <p class="actions-row">
          <a class="button" href="/staff/library/new">
            New item
          </a>
          <a class="button secondary" href="/staff/library/contributors">
            Who may contribute
          </a>
        </p>
        <h2>Waiting for approval ({formatNumber(pending.length)})</h2>
        {pending.length === 0 ? (
          <p class="note">No item is waiting for approval.</p>
        ) : (
          <ItemTable items={pending} caption="Items waiting for approval" />
        )}
        <h2>All items ({formatNumber(props.items.length)})</h2>
        <ItemTable items={props.items} caption="All library items" />
      </div>
    </Layout>
  )
}

function StatusActions(props: { item: LibraryItem }) {
  const { item } = props
  const action = (value: string, label: string, secondary = true) => (
    <ButtonForm
      action={`/staff/library/${item.id}/status`}
      formClass="inline-form"
      buttonClass={secondary ? 'button secondary' : 'button'}
      name="action"
      value={value}
    >
      {label}
    </ButtonForm>
  )
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">Status: {statusLabels[item.status]}</h2>
      {item.submitterName ? <p>Offered by {item.submitterName}.</p> : null}
      <div class="actions-row">
        {item.status === 'pending' ? action('approve', 'Approve and publish', false) : null}
        {item.status === 'pending' ? action('return', 'Return to the contributor') : null}
        {item.status === 'draft' ? action('approve', 'Publish', false) : null}
        {item.status === 'published' ? action('withdraw', 'Withdraw (unpublish)') : null}
      </div>
    </section>
  )
}

/** /staff/library/new and /staff/library/:id: the item's form, its files and its status. */
export function StaffItemPage(props: {
  item?: LibraryItem
  form: Omit<ItemFormProps, 'isStaff' | 'buttons' | 'action'>
  flash?: FlashMessage
}) {
  const { item } = props
  return (
    <Layout title={item ? `Edit “${item.title}”` : 'New library item'}>
      <div class="wrap">
        <StaffNav current="library" />
        <p>
          <a href="/staff/library">← Library (staff)</a>
        </p>
        <h1>{item ? `Edit “${item.title}”` : 'New library item'}</h1>
        <Flashes flash={props.flash} />
        {item ? (
          <>
            <StatusActions item={item} />
            {item.status === 'published' ? (
              <p>
                <a href={`/library/${item.slug}`}>See it as readers do</a>
              </p>
            ) : null}
            <section aria-labelledby="attached-heading">
              <h2 id="attached-heading">Files</h2>
              {item.attachments.length === 0 ? <p class="note">No file is attached.</p> : null}
              <ul>
                {item.attachments.map((a) => (
                  <li>
                    <a href={`/library/${item.slug}/files/${a.fileId}`}>{a.name}</a>{' '}
                    <span class="note">
                      ({formatFileSize(a.size)})
                      {a.contentType === 'application/pdf'
                        ? a.hasText
                          ? ' Its text is searchable.'
                          : ' Its text could not be read: search will not find words inside it.'
                        : ''}
                    </span>
                    <form
                      method="post"
                      action={`/staff/library/${item.id}/files/${a.fileId}/remove`}
                      class="inline-form"
                    >
                      <CsrfInput />
                      <button class="button secondary" type="submit" aria-label={`Remove ${a.name}`}>
                        Remove
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </section>
            <h2>Details</h2>
          </>
        ) : null}
        <ItemForm
          {...props.form}
          isStaff
          action={item ? `/staff/library/${item.id}` : '/staff/library/new'}
          buttons={
            item
              ? [['save', 'Save']]
              : [
                  ['publish', 'Publish'],
                  ['draft', 'Save as a draft'],
                ]
          }
        />
      </div>
    </Layout>
  )
}
