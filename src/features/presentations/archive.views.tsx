import { formatFileSize } from '#src/features/files/index.ts'
import { webHref } from '#src/lib/web-address.ts'
import { Select } from '#src/ui/fields.tsx'
import { formatDate, formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import {
  type ArchivedPresentation,
  type ArchiveFacets,
  type ArchiveFilters,
  archivePath,
} from './archive-queries.ts'

const heading = (p: ArchivedPresentation) => p.title || `${p.organizationName}, ${p.year}`

/** /presentations: the presentations members gave on the calls, browsable by topic, focus industry and year. */
export function ArchivePage(props: {
  items: ArchivedPresentation[]
  filters: ArchiveFilters
  facets: ArchiveFacets
  canSeeMembers: boolean
  hasDemoData?: boolean
}) {
  const { filters, facets, items } = props
  const isFiltered = Boolean(filters.topic || filters.focus || filters.year)
  const options = (values: string[]) => values.map((v) => ({ value: v, label: v }))
  return (
    <Layout
      title="Presentations"
      hasDemoData={props.hasDemoData}
      canonicalPath="/presentations"
      description="What member communities presented on the national calls: the network's best practices."
    >
      <div class="wrap">
        <h1>Presentations</h1>
        <p class="lede">
          Each year every member presents its progress and best practices on a national call. Here is what
          they shared.
          {props.canSeeMembers ? null : ' Members see more once signed in.'} The network’s briefings and
          resources are in <a href="/library">the library</a>.
        </p>
        <form class="filters" method="get" action="/presentations" aria-label="Filter the presentations">
          <Select
            id="filter-topic"
            name="topic"
            label="Topic"
            empty="All"
            keepUnknown
            value={filters.topic}
            options={options(facets.topics)}
          />
          <Select
            id="filter-focus"
            name="focus"
            label="Focus industry"
            empty="All"
            keepUnknown
            value={filters.focus}
            options={options(facets.focusIndustries)}
          />
          <Select
            id="filter-year"
            name="year"
            label="Year"
            empty="All"
            keepUnknown
            value={filters.year}
            options={options(facets.years)}
          />
          <div class="actions">
            <button class="button" type="submit">
              Apply filters
            </button>
            {isFiltered ? (
              <a class="button secondary" href="/presentations">
                Clear
              </a>
            ) : null}
          </div>
        </form>
        <p class="results-count" role="status">
          {items.length === 0
            ? isFiltered
              ? 'No presentation matches these filters.'
              : 'No presentation is in the archive yet.'
            : `${formatNumber(items.length)} ${plural(items.length, 'presentation')}`}
        </p>
        <h2 class="visually-hidden">Presentations</h2>
        <ul class="org-list">
          {items.map((p) => (
            <li>
              <h3>
                <a href={archivePath(p)}>{heading(p)}</a>
              </h3>
              <dl class="meta">
                <div>
                  <dt>By</dt> <dd>{p.organizationName}</dd>
                </div>
                <div>
                  <dt>Year</dt> <dd>{p.year}</dd>
                </div>
                {props.canSeeMembers && p.visibility === 'members' ? (
                  <div>
                    <dd>
                      <span class="badge">Members only</span>
                    </dd>
                  </div>
                ) : null}
              </dl>
              {p.summary ? <p>{p.summary.length > 280 ? `${p.summary.slice(0, 277)}…` : p.summary}</p> : null}
              {p.topics.length > 0 ? <p class="note">Topics: {p.topics.join(', ')}</p> : null}
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  )
}

/** /presentations/:year/:organisation: one presentation's archive page. */
export function ArchivedPresentationPage(props: {
  p: ArchivedPresentation
  canEdit: boolean
  canSeeMembers: boolean
  hasDemoData?: boolean
  saved?: boolean
}) {
  const { p } = props
  const path = archivePath(p)
  const recording = webHref(p.recordingUrl, 'https only')
  return (
    <Layout
      title={heading(p)}
      hasDemoData={props.hasDemoData}
      description={p.summary || undefined}
      canonicalPath={p.visibility === 'public' ? path : undefined}
      ogType="article"
    >
      <article class="wrap">
        <p>
          <a href="/presentations">← Presentations</a>
        </p>
        <h1>{heading(p)}</h1>
        {props.saved ? (
          <div class="flash" role="status">
            Saved.
          </div>
        ) : null}
        <dl class="facts">
          <dt>Organisation</dt>
          <dd>
            <a href={`/organizations/${p.organizationSlug}`}>{p.organizationName}</a>
          </dd>
          <dt>Year</dt>
          <dd>{p.year}</dd>
          {p.callDate ? (
            <>
              <dt>Presented on</dt>
              <dd>
                {props.canSeeMembers ? (
                  <a href={`/calls/${p.callDate}`}>the call of {formatDate(p.callDate)}</a>
                ) : (
                  <>the call of {formatDate(p.callDate)}</>
                )}
              </dd>
            </>
          ) : null}
          {p.topics.length > 0 ? (
            <>
              <dt>Topics</dt>
              <dd>
                {p.topics.map((t, i) => (
                  <>
                    {i > 0 ? ', ' : ''}
                    <a href={`/presentations?topic=${encodeURIComponent(t)}`}>{t}</a>
                  </>
                ))}
              </dd>
            </>
          ) : null}
          {p.focusIndustries.length > 0 ? (
            <>
              <dt>Focus industries</dt>
              <dd>{p.focusIndustries.join(', ')}</dd>
            </>
          ) : null}
          <dt>Who can see it</dt>
          <dd>{p.visibility === 'public' ? 'Everyone (public)' : 'Members and BFFs only'}</dd>
          <dt>Recording</dt>
          <dd>
            {recording ? (
              <a href={recording} rel="noopener noreferrer">
                Watch the recording
              </a>
            ) : (
              <span class="note">No recording</span>
            )}
          </dd>
          <dt>Slides</dt>
          <dd>
            {p.slidesFileId ? (
              <>
                <a href={`${path}/slides`} download>
                  {p.slidesName}
                </a>{' '}
                <span class="note">({formatFileSize(p.slidesSize ?? 0)})</span>
              </>
            ) : (
              <span class="note">No slides</span>
            )}
          </dd>
        </dl>
        <h2>Summary</h2>
        {p.summary ? <p class="prose">{p.summary}</p> : <p class="note">No summary yet.</p>}
        {props.canEdit ? (
          <p>
            <a class="button secondary" href={`${path}/edit`}>
              Edit the archive page
            </a>
          </p>
        ) : null}
      </article>
    </Layout>
  )
}
