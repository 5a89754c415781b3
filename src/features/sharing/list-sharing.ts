/** The sharing records as pages read them: a list by filter, one record, the years on record, an evidence file. */
import { eq, type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { sharingAttestations, storedFiles } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'

export type SharingEntry = {
  id: string
  organization: { id: string; slug: string; name: string }
  sharedOn: string
  audience: string
  channel: string
  description: string | null
  evidenceUrl: string | null
  evidenceFile: { id: string; name: string; size: number } | null
  briefings: { id: string; title: string }[]
  question: string | null
  /** The name of the staff member who asked, when known. */
  questionedBy: string | null
  questionedAt: string | null
  answer: string | null
  answeredAt: string | null
  /** The name of the person who recorded it, when known. */
  recordedBy: string | null
  recordedAt: string
}

export type SharingFilter = {
  organizationId?: string
  id?: string
  /** Dates, both included. */
  from?: string
  to?: string
  /** questioned: a question stands; unanswered: a question stands without an answer. */
  show?: 'all' | 'questioned' | 'unanswered'
}

export const instant = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

type Row = {
  id: string
  org_id: string
  org_slug: string
  org_name: string
  shared_on: string
  audience: string
  channel: string
  description: string | null
  evidence_url: string | null
  file_id: string | null
  file_name: string | null
  file_size: number | null
  question: string | null
  questioned_by: string | null
  questioned_at: string | null
  answer: string | null
  answered_at: string | null
  recorded_by: string | null
  recorded_at: string
  briefings: { id: string; title: string }[] | string
}

/** Sharing records with their organisation, briefings and evidence file (without its bytes), newest first. */
export async function listSharing(db: DbOrTx, filter: SharingFilter = {}): Promise<SharingEntry[]> {
  const where: SQL[] = [sql`true`]
  if (filter.organizationId) where.push(sql`s.organization_id = ${filter.organizationId}`)
  if (filter.id) where.push(sql`s.id = ${filter.id}`)
  if (filter.from) where.push(sql`s.shared_on >= ${filter.from}::date`)
  if (filter.to) where.push(sql`s.shared_on <= ${filter.to}::date`)
  if (filter.show === 'questioned') where.push(sql`s.question is not null`)
  if (filter.show === 'unanswered') where.push(sql`s.question is not null and s.answer is null`)
  const rows = await queryRows<Row>(
    db,
    sql`select s.id, o.id as org_id, o.slug as org_slug, o.name as org_name,
        s.shared_on::text as shared_on, s.audience, s.channel, s.description, s.evidence_url,
        f.id as file_id, f.name as file_name, f.size::int as file_size,
        s.question, qp.full_name as questioned_by, ${instant(sql`s.questioned_at`)} as questioned_at,
        s.answer, ${instant(sql`s.answered_at`)} as answered_at,
        rp.full_name as recorded_by, ${instant(sql`s.recorded_at`)} as recorded_at,
        coalesce((select json_agg(json_build_object('id', b.id, 'title', b.title)
            order by b.published_on, b.title)
          from sharing_briefings sb join briefings b on b.id = sb.briefing_id
          where sb.sharing_id = s.id), '[]') as briefings
      from sharing_attestations s
      join organizations o on o.id = s.organization_id
      left join stored_files f on f.id = s.evidence_file_id
      left join people qp on qp.id = s.questioned_by
      left join people rp on rp.id = s.recorded_by
      where ${sql.join(where, sql` and `)}
      order by s.shared_on desc, s.recorded_at desc, o.name, s.id`,
  )
  return rows.map((r) => ({
    id: r.id,
    organization: { id: r.org_id, slug: r.org_slug, name: r.org_name },
    sharedOn: r.shared_on,
    audience: r.audience,
    channel: r.channel,
    description: r.description,
    evidenceUrl: r.evidence_url,
    evidenceFile:
      r.file_id && r.file_name ? { id: r.file_id, name: r.file_name, size: Number(r.file_size ?? 0) } : null,
    briefings: typeof r.briefings === 'string' ? JSON.parse(r.briefings) : r.briefings,
    question: r.question,
    questionedBy: r.questioned_by,
    questionedAt: r.questioned_at,
    answer: r.answer,
    answeredAt: r.answered_at,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  }))
}

/** One sharing record, or undefined when none has this id. */
export async function getSharing(db: DbOrTx, id: string): Promise<SharingEntry | undefined> {
  return (await listSharing(db, { id }))[0]
}

/** The years in which the organisation (or, without one, the network) has sharing records. */
export async function sharingYears(db: DbOrTx, organizationId?: string): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select distinct extract(year from shared_on)::int as year from sharing_attestations
      ${organizationId ? sql`where organization_id = ${organizationId}` : sql``} order by year`,
  )
  return rows.map((r) => Number(r.year))
}

/** The evidence file of a record, with its bytes; undefined when the record has none. */
export async function sharingEvidenceFile(db: DbOrTx, sharingId: string) {
  const [file] = await db
    .select({
      name: storedFiles.name,
      contentType: storedFiles.contentType,
      data: storedFiles.data,
    })
    .from(sharingAttestations)
    .innerJoin(storedFiles, eq(storedFiles.id, sharingAttestations.evidenceFileId))
    .where(eq(sharingAttestations.id, sharingId))
  return file
}
