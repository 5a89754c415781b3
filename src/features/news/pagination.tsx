/** The pages around the current one that get a link of their own (first, last, and two either side). */
function shownPages(page: number, pageCount: number): (number | 'gap')[] {
  const shown: (number | 'gap')[] = []
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - page) <= 2) shown.push(n)
    else if (shown.at(-1) !== 'gap') shown.push('gap')
  }
  return shown
}

/** A list's pages: previous, each page by number (the current one marked), next. */
export function Pagination(props: { page: number; pageCount: number; href: (page: number) => string }) {
  const { page, pageCount, href } = props
  if (pageCount <= 1) return null
  return (
    <nav class="pagination" aria-label="Pages of the list">
      <ul>
        <li>
          {page > 1 ? (
            <a href={href(page - 1)} rel="prev">
              Newer<span class="visually-hidden"> posts</span>
            </a>
          ) : null}
        </li>
        {shownPages(page, pageCount).map((n) =>
          n === 'gap' ? (
            <li aria-hidden="true">…</li>
          ) : (
            <li>
              <a href={href(n)} aria-current={n === page ? 'page' : undefined}>
                <span class="visually-hidden">Page </span>
                {n}
              </a>
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <a href={href(page + 1)} rel="next">
              Older<span class="visually-hidden"> posts</span>
            </a>
          ) : null}
        </li>
      </ul>
    </nav>
  )
}
