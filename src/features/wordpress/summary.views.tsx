import { formatNumber, plural } from '#src/ui/format.ts'
import type { PreviewRow } from './apply-import.ts'
import { type Counts, type ImportSummary, navigationText } from './import-summary.ts'

const row = (label: string, c: Counts) => (
  <tr>
    <th scope="row">{label}</th>
    <td>{formatNumber(c.created)}</td>
    <td>{formatNumber(c.updated)}</td>
    <td>{formatNumber(c.unchanged)}</td>
    <td>{formatNumber(c.skipped)}</td>
  </tr>
)

/** What an import holds and what it does (or did) to the Hub: every item of the file counted. */
export function SummaryView(props: { summary: ImportSummary; headingLevel?: 2 | 3 }) {
  const s = props.summary
  return (
    <>
      <div class="table-wrap">
        <table>
          <caption>
            {s.file} from {s.site} (WXR {s.wxrVersion}): {formatNumber(s.items)} {plural(s.items, 'item')},{' '}
            {(s.bytes / (1024 * 1024)).toFixed(1)} MB
          </caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">New</th>
              <th scope="col">Updated</th>
              <th scope="col">Unchanged</th>
              <th scope="col">Skipped</th>
            </tr>
          </thead>
          <tbody>
            {row('News posts', s.posts)}
            {row('Pages', s.pages)}
          </tbody>
        </table>
      </div>
      <ul>
        {s.pages.movedToTop > 0 ? (
          <li>
            {formatNumber(s.pages.movedToTop)} {plural(s.pages.movedToTop, 'page')} whose parent is not in the
            file {plural(s.pages.movedToTop, 'goes', 'go')} at the top level.
          </li>
        ) : null}
        <li>
          Categories: {s.categories.carried} of {s.categories.total} carried over; tags: {s.tags.carried} of{' '}
          {s.tags.total}.
        </li>
        <li>
          Authors: {s.authors.matched} matched to people of the Hub by email, {s.authors.kept} kept as names.
        </li>
        <li>Comments skipped: {formatNumber(s.comments.skipped)}.</li>
        <li>
          Attachments: {formatNumber(s.attachments.listed)} listed, kept as links to the old site (not
          fetched).
        </li>
        <li>
          Old addresses redirected: {formatNumber(s.redirects.created)} new,{' '}
          {formatNumber(s.redirects.unchanged)} already there
          {s.redirects.skipped
            ? `; ${formatNumber(s.redirects.skipped)} left as ${s.redirects.skipped === 1 ? 'it is' : 'they are'} (see the warnings)`
            : ''}
          .
        </li>
        {s.navigation ? <li>{navigationText(s.navigation)}</li> : null}
      </ul>
      {s.skipped.length > 0 ? (
        <details>
          <summary>
            {formatNumber(s.skipped.length)} {plural(s.skipped.length, 'item')} skipped
          </summary>
          <ul>
            {s.skipped.slice(0, 200).map((k) => (
              <li>
                {k.type} {k.postId}: {k.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {s.warnings.length > 0 ? (
        <details open>
          <summary>
            {formatNumber(s.warnings.length)} {plural(s.warnings.length, 'warning')}
          </summary>
          <ul>
            {s.warnings.slice(0, 200).map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  )
}

const changeLabel = { created: 'New', updated: 'Updated', unchanged: 'Unchanged' }

/** The first posts and pages of the file: where each will live. */
export function FirstRows(props: { rows: PreviewRow[] }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>The first {props.rows.length} posts and pages of the file</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">New address</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td dir="auto">{r.title}</td>
              <td>{r.kind === 'post' ? 'News post' : 'Page'}</td>
              <td>
                {r.status}
                {r.visibility === 'members' ? ', members only' : ''}
              </td>
              <td>
                <code>{r.address}</code>
              </td>
              <td>{changeLabel[r.change]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
