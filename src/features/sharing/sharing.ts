/**
 * Quarterly sharing records: an organisation's representative or alternate records each time
 * it passed the network's briefings on to its stakeholders; staff may question a record, and
 * the organisation answers. One open question a record: a new question replaces the last one
 * and its answer (the audit log keeps both).
 */
import { and, eq, isNotNull, type SQL, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { sharingAttestations, sharingBriefings, storedFiles } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import type { AdmissionEventRecord } from '#src/features/admission/index.ts'
import {
  type FileKind,
  QuotaExceeded,
  quotaRefusal,
  sharingEvidenceUse,
  storeFile,
  uploadQuotas,
} from '#src/features/files/index.ts'
import type { BriefingOption, SharingValue } from './sharing-form.ts'

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

const instant = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

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

/** The first day the organisation was admitted, or null when it never was. */
export const firstAdmission = (events: readonly AdmissionEventRecord[]): string | null =>
  events
    .filter((e) => e.kind === 'admitted')
    .reduce<string | null>(
      (earliest, e) => (earliest === null || e.effectiveOn < earliest ? e.effectiveOn : earliest),
      null,
    )

/** Briefings published from `from` to `to` (both included), newest first: the ones the form offers. */
export async function publishedBriefings(
  db: DbOrTx,
  range: { from: string; to: string },
): Promise<BriefingOption[]> {
  return queryRows<BriefingOption>(
    db,
    sql`select id::text as id, title, published_on::text as "publishedOn" from briefings
      where published_on is not null and published_on between ${range.from}::date and ${range.to}::date
      order by published_on desc, title`,
  )
}

/**
 * Records a sharing action with the briefings it passed on and its evidence file, in one
 * transaction recorded against `actor`. Returns the new record's id.
 */
export async function recordSharing(
  db: Db,
  actor: Actor,
  options: {
    organizationId: string
    recordedBy: string
    value: SharingValue
    file?: { name: string; kind: FileKind; bytes: Uint8Array }
  },
): Promise<string> {
  const { value } = options
  return writeAs(db, actor, async (tx) => {
    if (options.file) {
      const used = await sharingEvidenceUse(tx, options.organizationId, value.sharedOn)
      const refusal = quotaRefusal(
        'one quarter of sharing records',
        uploadQuotas.sharingEvidence,
        used,
        options.file.bytes.length,
      )
      if (refusal) throw new QuotaExceeded(refusal)
    }
    const evidenceFileId = options.file
      ? await storeFile(tx, { ...options.file, uploadedBy: options.recordedBy })
      : null
    const [row] = await tx
      .insert(sharingAttestations)
      .values({
        organizationId: options.organizationId,
        sharedOn: value.sharedOn,
        audience: value.audience,
        channel: value.channel,
        description: value.description,
        evidenceUrl: value.evidenceUrl,
        evidenceFileId,
        recordedBy: options.recordedBy,
      })
      .returning({ id: sharingAttestations.id })
    if (!row) throw new Error('the sharing record was not stored')
    if (value.briefingIds.length > 0)
      await tx
        .insert(sharingBriefings)
        .values(value.briefingIds.map((briefingId) => ({ sharingId: row.id, briefingId })))
    return row.id
  })
}

/** Staff ask about a record: the question replaces any earlier one, and its answer is cleared. */
export async function questionSharing(
  db: Db,
  actor: Actor,
  options: { id: string; question: string; questionedBy: string },
): Promise<void> {
  await writeAs(db, actor, (tx) =>
    tx
      .update(sharingAttestations)
      .set({
        question: options.question,
        questionedBy: options.questionedBy,
        questionedAt: sql`hub_now()`,
        answer: null,
        answeredAt: null,
      })
      .where(eq(sharingAttestations.id, options.id)),
  )
}

/**
 * Saves the answer to the record's question (a later answer replaces it). False when no
 * question stands on the record.
 */
export async function answerSharing(
  db: Db,
  actor: Actor,
  options: { id: string; answer: string },
): Promise<boolean> {
  const rows = await writeAs(db, actor, (tx) =>
    tx
      .update(sharingAttestations)
      .set({ answer: options.answer, answeredAt: sql`hub_now()` })
      .where(and(eq(sharingAttestations.id, options.id), isNotNull(sharingAttestations.question)))
      .returning({ id: sharingAttestations.id }),
  )
  return rows.length > 0
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
