/** The presentations archive: given presentations the viewer may see, filtered, and one by its address. */
import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { visibleSql } from '#src/db/publication.ts'
import type { ContentVisibility } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isUuid } from '#src/lib/ids.ts'

export type ArchivedPresentation = {
  id: string
  year: number
  title: string | null
  summary: string
  topics: string[]
  recordingUrl: string | null
  visibility: ContentVisibility
  slidesFileId: string | null
  slidesName: string | null
  slidesSize: number | null
  organizationId: string
  organizationName: string
  organizationSlug: string
  focusIndustries: string[]
  callDate: string | null
}

export type ArchiveFilters = { topic: string; focus: string; year: string }

/** The address of a presentation's archive page. */
export const archivePath = (p: { year: number; organizationSlug: string }) =>
  `/presentations/${p.year}/${p.organizationSlug}`

const visible = (visibilities: readonly ContentVisibility[]): SQL =>
  sql`p.status = 'given' and ${visibleSql(sql`p.visibility`, visibilities)}`

const select = sql`select p.id::text as id, p.year, p.title, p.summary, p.topics, p.recording_url as "recordingUrl",
    p.visibility, p.slides_file_id::text as "slidesFileId", f.name as "slidesName", f.size as "slidesSize",
    o.id::text as "organizationId", o.name as "organizationName", o.slug as "organizationSlug",
    o.focus_industries as "focusIndustries", c.local_date::text as "callDate"
  from presentations p join organizations o on o.id = p.organization_id
    left join calls c on c.id = p.call_id left join stored_files f on f.id = p.slides_file_id`

/** Given presentations the viewer may see, newest first, filtered by topic, focus industry and year. */
export async function listArchive(
  db: DbOrTx,
  visibilities: readonly ContentVisibility[],
  filters: ArchiveFilters,
): Promise<ArchivedPresentation[]> {
  const where = [visible(visibilities)]
  if (filters.topic) where.push(sql`${filters.topic} = any(p.topics)`)
  if (filters.focus) where.push(sql`${filters.focus} = any(o.focus_industries)`)
  if (/^\d{4}$/.test(filters.year)) where.push(sql`p.year = ${Number(filters.year)}`)
  return queryRows<ArchivedPresentation>(
    db,
    sql`${select} where ${sql.join(where, sql` and `)} order by p.year desc, c.local_date desc nulls last, o.name
      limit 500`,
  )
}

export type ArchiveFacets = { topics: string[]; focusIndustries: string[]; years: string[] }

/** The choices of the archive's filters, from what the viewer may see only. */
export async function archiveFacets(
  db: DbOrTx,
  visibilities: readonly ContentVisibility[],
): Promise<ArchiveFacets> {
  const base = sql`from presentations p join organizations o on o.id = p.organization_id where ${visible(visibilities)}`
  const values = async (value: SQL, order: SQL) =>
    (
      await queryRows<{ value: string }>(
        db,
        sql`select distinct value from (select ${value} as value ${base}) v where value <> '' order by ${order}`,
      )
    ).map((r) => r.value)
  const [topics, focusIndustries, years] = await Promise.all([
    values(sql`unnest(p.topics)`, sql`value`),
    values(sql`unnest(o.focus_industries)`, sql`value`),
    values(sql`p.year::text`, sql`value desc`),
  ])
  return { topics, focusIndustries, years }
}

/** A given presentation by id, or by year and organisation slug; whatever its visibility (the caller checks). */
export async function findArchived(
  db: DbOrTx,
  key: { id: string } | { year: number; organizationSlug: string },
): Promise<ArchivedPresentation | undefined> {
  if ('id' in key && !isUuid(key.id)) return undefined
  const match =
    'id' in key ? sql`p.id = ${key.id}::uuid` : sql`p.year = ${key.year} and o.slug = ${key.organizationSlug}`
  const [row] = await queryRows<ArchivedPresentation>(
    db,
    sql`${select} where p.status = 'given' and ${match}`,
  )
  return row ? { ...row, slidesSize: row.slidesSize === null ? null : Number(row.slidesSize) } : undefined
}

/** An organisation's archived presentations the viewer may see, newest first (for its profile). */
export async function organizationArchive(
  db: DbOrTx,
  organizationId: string,
  visibilities: readonly ContentVisibility[],
): Promise<ArchivedPresentation[]> {
  return queryRows<ArchivedPresentation>(
    db,
    sql`${select} where ${visible(visibilities)} and o.id = ${organizationId}::uuid order by p.year desc`,
  )
}
