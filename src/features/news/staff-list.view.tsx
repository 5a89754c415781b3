import { Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatInstantInZone } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { listAllPosts } from './staff-queries.ts'

type Row = Awaited<ReturnType<typeof listAllPosts>>[number]

const statusLabel = (row: Row, now: Date) => {
  if (row.status === 'draft') return 'Draft'
  if (row.status === 'scheduled' && row.publishAt && new Date(row.publishAt) > now) return 'Scheduled'
  return 'Published'
}

/** Staff's list of every post, drafts and scheduled ones included. */
export function StaffNewsPage(props: { posts: Row[]; now: Date; timeZone: string; flash?: FlashMessage }) {
  return (
    <Layout title="News: staff">
      <div class="wrap">
        <StaffNav current="news" />
        <h1>News</h1>
        <Flashes flash={props.flash} />
        <p class="actions-row">
          <a class="button" href="/staff/news/new">
            Write a post
          </a>
          <a href="/news">See the public news page</a>
        </p>
        {props.posts.length === 0 ? (
          <p>No post has been written yet.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption>Every post, the newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Status</th>
                  <th scope="col">Date</th>
                  <th scope="col">Readers</th>
                  <th scope="col">Categories</th>
                </tr>
              </thead>
              <tbody>
                {props.posts.map((row) => (
                  <tr>
                    <td>
                      <a href={`/staff/news/${row.id}/edit`}>{row.title}</a>
                    </td>
                    <td>{statusLabel(row, props.now)}</td>
                    <td>{row.publishAt ? formatInstantInZone(row.publishAt, props.timeZone) : '—'}</td>
                    <td>{row.visibility === 'members' ? 'Members only' : 'Everyone'}</td>
                    <td>{row.categories.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Layout>
  )
}
