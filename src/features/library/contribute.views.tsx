import type { LibraryStatus } from '#src/db/schema/index.ts'
import { Flash } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import type { LibraryItem } from './find-item.ts'
import type { ItemErrors, ItemFormValues } from './item-form.ts'
import { ItemForm } from './item-form.views.tsx'

export type OwnItem = { id: string; slug: string; title: string; status: LibraryStatus }

const ownStatus: Record<LibraryStatus, string> = {
  pending: 'waiting for staff approval',
  draft: 'returned to you: edit it and send it again',
  published: 'published',
}

/** /library/contribute: offer a briefing or resource (staff approve it), and what one offered before. */
export function ContributePage(props: {
  items: OwnItem[]
  item?: LibraryItem
  form: { values: ItemFormValues; errors: ItemErrors }
  sent?: string
  /** Why this person may not offer items (staff have not allowed them): shown instead of the form. */
  refusal?: string
  /** Why what they sent was not taken this time (too many items waiting): shown above the form. */
  warning?: string
}) {
  const title = props.item ? `Edit “${props.item.title}”` : 'Offer an item to the library'
  return (
    <Layout title={title} current="/library">
      <div class="wrap">
        <p>
          <a href="/library">← Library</a>
        </p>
        <h1>{title}</h1>
        {props.sent ? (
          <Flash>
            Sent: “{props.sent}” waits for staff approval. Until then only you and staff can see it.
          </Flash>
        ) : null}
        {props.refusal ? (
          <Flash isError>{props.refusal}</Flash>
        ) : (
          <>
            {props.warning ? <Flash isError>{props.warning}</Flash> : null}
            <p class="lede">Staff read each item before it is published in the library.</p>
            <ItemForm
              action={props.item ? `/library/contribute/${props.item.id}` : '/library/contribute'}
              values={props.form.values}
              errors={props.form.errors}
              isStaff={false}
              buttons={[['submit', 'Send for approval']]}
            />
          </>
        )}
        {props.items.length > 0 ? (
          <section aria-labelledby="own-heading">
            <h2 id="own-heading">What you offered</h2>
            <ul>
              {props.items.map((i) => (
                <li>
                  {i.status === 'published' ? (
                    <a href={`/library/${i.slug}`}>{i.title}</a>
                  ) : (
                    <a href={`/library/contribute/${i.id}`}>{i.title}</a>
                  )}{' '}
                  <span class="note">({ownStatus[i.status]})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Layout>
  )
}
