import { CsrfInput, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatInstantInZone } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { PlacedPage } from './page-places.ts'

/** What a page's status means for a visitor, in words. */
export function statusText(page: Pick<PlacedPage, 'status' | 'publishAt'>, timeZone: string): string {
  if (page.status === 'draft') return 'Draft'
  if (page.status === 'scheduled' && page.publishAt)
    return `Scheduled for ${formatInstantInZone(page.publishAt, timeZone)}`
  return 'Published'
}

/** The staff list of pages: the tree, each page's status, who may read it, and the navigation's order. */
export function PagesListPage(props: { places: PlacedPage[]; timeZone: string; flash?: FlashMessage }) {
  const pages = props.places.filter((p) => !p.systemKey)
  const home = props.places.find((p) => p.systemKey === 'home')
  const topLevel = pages.filter((p) => p.depth === 0)
  return (
    <Layout title="Pages">
      <div class="wrap pages-admin">
        <StaffNav current="pages" />
        <h1>Pages</h1>
        <Flashes flash={props.flash} />
        <p class="actions-row">
          <a class="button" href="/staff/pages/new">
            New page
          </a>
          <a class="button secondary" href={home ? `/staff/pages/${home.id}` : '/staff/pages/home'}>
            Edit the home page’s text
          </a>
        </p>
        {pages.length === 0 ? (
          <p>No pages yet.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Every page, sub-pages indented under their parent</caption>
              <thead>
                <tr>
                  <th scope="col">Page</th>
                  <th scope="col">Address</th>
                  <th scope="col">Status</th>
                  <th scope="col">Who may read it</th>
                  <th scope="col">In the navigation</th>
                </tr>
              </thead>
              <tbody>
                {pages.map((p) => (
                  <tr>
                    <th scope="row" class={`page-depth-${Math.min(p.depth, 4)}`}>
                      {p.depth > 0 ? <span aria-hidden="true">↳ </span> : null}
                      <a href={`/staff/pages/${p.id}`}>{p.title}</a>
                    </th>
                    <td>
                      <code>{p.path}</code>
                    </td>
                    <td>{statusText(p, props.timeZone)}</td>
                    <td>{p.visibility === 'members' ? 'Members only' : 'Everyone'}</td>
                    <td>{p.depth === 0 && p.showInNav ? `Yes, position ${p.navOrder}` : 'No'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {topLevel.length > 1 ? (
          <section aria-labelledby="order-heading">
            <h2 id="order-heading">Order of the navigation</h2>
            <p>
              Lower numbers come first, after Home. Only published top-level pages shown in the navigation
              appear there.
            </p>
            <form method="post" action="/staff/pages/order" class="nav-order-form">
              <CsrfInput />
              <ol class="nav-order">
                {topLevel.map((p) => (
                  <li>
                    <label for={`order-${p.id}`}>{p.title}</label>
                    <input
                      id={`order-${p.id}`}
                      name={`order.${p.id}`}
                      type="number"
                      inputmode="numeric"
                      min="-9999"
                      max="9999"
                      value={String(p.navOrder)}
                    />
                  </li>
                ))}
              </ol>
              <button type="submit" class="button">
                Save the order
              </button>
            </form>
          </section>
        ) : null}
      </div>
    </Layout>
  )
}
