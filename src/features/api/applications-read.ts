import { type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from '#src/db/client.ts'
import {
  type ApplicationStatus,
  applicationStatuses,
  type MemberCriterion,
  memberCriteria,
  organizationCategories,
} from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isUuid } from '#src/lib/ids.ts'

/** Statuses the API lists: a draft is the applicant's own until they submit it. */
export const listedApplicationStatuses = applicationStatuses.filter(
  (s): s is Exclude<ApplicationStatus, 'draft'> => s !== 'draft',
)

/** Evidence for one criterion: an uploaded file (by id) or a link. */
export const apiApplicationEvidenceSchema = z
  .discriminatedUnion('kind', [
    z.object({
      criterion: z.enum(memberCriteria),
      kind: z.literal('file'),
      fileId: z.uuid(),
      fileName: z.string(),
      contentType: z.string().describe('Found from the content when it was uploaded'),
      size: z.int().describe('In bytes'),
    }),
    z.object({ criterion: z.enum(memberCriteria), kind: z.literal('link'), url: z.string() }),
  ])
  .meta({ id: 'ApplicationEvidence' })

/** An application as the JSON API shows it to staff and to tokens with applications:read. */
export const apiApplicationSchema = z
  .object({
    id: z.uuid(),
    category: z.enum(organizationCategories),
    status: z.enum(listedApplicationStatuses),
    organizationName: z.string(),
    organizationId: z.uuid().nullable().describe('The organisation recorded on admission'),
    applicant: z.object({ name: z.string(), email: z.string() }),
    round: z
      .int()
      .describe('The review round: 1 on first submission, one more each time the applicant answers'),
    submittedAt: z.iso.datetime().nullable().describe('ISO 8601 in UTC'),
    decidedAt: z.iso.datetime().nullable().describe('ISO 8601 in UTC'),
    evidence: z.array(apiApplicationEvidenceSchema).describe('Member applications only; empty for BFFs'),
  })
  .meta({ id: 'Application' })

export type ApiApplication = z.infer<typeof apiApplicationSchema>
type ListedStatus = (typeof listedApplicationStatuses)[number]

/**
 * The `status` filter of the list: one status or several separated by commas. Returns the
 * statuses, or the message for a value the API does not know.
 */
export function parseStatusFilter(
  value: string | undefined,
): { statuses: ListedStatus[] } | { error: string } {
  if (value === undefined || value.trim() === '') return { statuses: [] }
  const parts = value.split(',').map((s) => s.trim())
  const unknown = parts.filter((s) => !listedApplicationStatuses.some((known) => known === s))
  if (unknown.length > 0)
    return {
      error: `Filter by one or more of ${listedApplicationStatuses.join(', ')}, separated by commas (drafts are not shared until submitted).`,
    }
  return { statuses: [...new Set(parts as ListedStatus[])] }
}

const utc = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

type Row = {
  id: string
  category: 'member' | 'bff'
  status: ListedStatus
  organization_name: string
  organization_id: string | null
  applicant_name: string
  applicant_email: string
  round: number
  submitted_at: string | null
  decided_at: string | null
  evidence: {
    criterion: MemberCriterion
    file_id: string | null
    url: string | null
    file_name: string | null
    content_type: string | null
    size: number | null
  }[]
}

const toApi = (r: Row): ApiApplication => ({
  id: r.id,
  category: r.category,
  status: r.status,
  organizationName: r.organization_name,
  organizationId: r.organization_id,
  applicant: { name: r.applicant_name, email: r.applicant_email },
  round: r.round,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
  evidence: r.evidence.map((e) =>
    e.file_id
      ? {
          criterion: e.criterion,
          kind: 'file' as const,
          fileId: e.file_id,
          fileName: e.file_name ?? '',
          contentType: e.content_type ?? '',
          size: Number(e.size ?? 0),
        }
      : { criterion: e.criterion, kind: 'link' as const, url: e.url ?? '' },
  ),
})

async function selectApplications(db: DbOrTx, where: SQL): Promise<ApiApplication[]> {
  const criteria = sql`array[${sql.join(
    memberCriteria.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[]`
  const rows = await queryRows<Row>(
    db,
    sql`select a.id, a.category, a.status, a.organization_name, a.organization_id, a.round,
        p.full_name as applicant_name, p.email as applicant_email,
        ${utc(sql`a.submitted_at`)} as submitted_at, ${utc(sql`a.decided_at`)} as decided_at,
        coalesce((select json_agg(json_build_object('criterion', e.criterion, 'file_id', e.file_id, 'url', e.url,
            'file_name', f.name, 'content_type', f.content_type, 'size', f.size)
            order by array_position(${criteria}, e.criterion), e.created_at, e.id)
          from application_evidence e left join stored_files f on f.id = e.file_id
          where e.application_id = a.id), '[]'::json) as evidence
      from applications a join people p on p.id = a.applicant_id
      where a.status <> 'draft' and ${where}
      order by a.submitted_at desc nulls last, a.created_at desc, a.id`,
  )
  return rows.map(toApi)
}

/** Submitted applications (never drafts), newest submission first, optionally of some statuses only. */
export function listApplicationsForApi(
  db: DbOrTx,
  options: { statuses?: readonly ListedStatus[] } = {},
): Promise<ApiApplication[]> {
  const statuses = options.statuses ?? []
  const where =
    statuses.length > 0
      ? sql`a.status in (${sql.join(
          statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : sql`true`
  return selectApplications(db, where)
}

/** One submitted application by id; undefined for an unknown id, a draft, or something that is not an id. */
export async function getApplicationForApi(db: DbOrTx, id: string): Promise<ApiApplication | undefined> {
  if (!isUuid(id)) return undefined
  const [application] = await selectApplications(db, sql`a.id = ${id.toLowerCase()}::uuid`)
  return application
}
