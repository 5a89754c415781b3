import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { MetricUnit } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { listFacts, type ReportedFact } from '#src/features/outcomes/index.ts'
import { isUuid } from '#src/lib/ids.ts'
import { listAdmittedOrganizations, type OrganizationSummary } from './directory.ts'

export type Designation = {
  programCode: string
  programName: string
  kind: 'designated' | 'redesignated'
  designatedOn: string
  expiresOn: string | null
}

export type VerifiedOutcome = {
  periodStart: string
  periodEnd: string
  note: string | null
  source: string | null
  /** Money in cents; the goal is the latest version set for the report's period, if any. */
  figures: { metric: string; name: string; unit: MetricUnit; actual: number | null; goal: number | null }[]
}

export type OrganizationProfile = OrganizationSummary & {
  partners: { name: string; website: string | null }[]
  designations: Designation[]
  outcomes: VerifiedOutcome[]
  /** Figures taken from documents, with date and source: shown as reported, never summed or mixed into counts. */
  facts: ReportedFact[]
}

/**
 * The public profile of an organisation admitted on `onDate`, found by slug or id;
 * undefined for one that is unknown or not admitted (the public sees neither).
 */
export async function getOrganizationProfile(
  db: DbOrTx,
  options: { slugOrId: string; onDate: string },
): Promise<OrganizationProfile | undefined> {
  const key = options.slugOrId
  const where = isUuid(key) ? sql`o.id = ${key.toLowerCase()}::uuid` : sql`o.slug = ${key}`
  const [summary] = await listAdmittedOrganizations(db, { onDate: options.onDate, where })
  if (!summary) return undefined
  const partners = await queryRows<{ name: string; website: string | null }>(
    db,
    sql`select name, website from organization_partners where organization_id = ${summary.id}
      order by position, lower(name)`,
  )
  const designations = await queryRows<{
    program_code: string
    program_name: string
    kind: Designation['kind']
    designated_on: string
    expires_on: string | null
  }>(
    db,
    sql`select p.code as program_code, p.name as program_name, d.kind, d.designated_on::text, d.expires_on::text
      from designations d join designation_programs p on p.id = d.program_id
      where d.organization_id = ${summary.id} order by d.designated_on, p.code`,
  )
  const outcomes = await queryRows<{
    id: string
    period_start: string
    period_end: string
    note: string | null
    source: string | null
    figures: VerifiedOutcome['figures']
  }>(
    db,
    sql`select r.id, r.period_start::text, r.period_end::text, r.note, r.source,
        coalesce((select json_agg(json_build_object('metric', f.metric, 'name', m.name, 'unit', m.unit,
            'actual', f.actual::text, 'goal', (select g.target::text from outcome_goals g
              where g.organization_id = r.organization_id and g.metric = f.metric
                and g.period_start = r.period_start and g.period_end = r.period_end
              order by g.version desc limit 1))
          order by m.position, f.metric) from outcome_figures f join outcome_metrics m on m.key = f.metric
          where f.report_id = r.id), '[]') as figures
      from outcome_reports r
      where r.organization_id = ${summary.id} and r.status = 'verified'
      order by r.period_start desc`,
  )
  return {
    ...summary,
    partners,
    facts: await listFacts(db, summary.id),
    designations: designations.map((d) => ({
      programCode: d.program_code,
      programName: d.program_name,
      kind: d.kind,
      designatedOn: d.designated_on,
      expiresOn: d.expires_on,
    })),
    outcomes: outcomes.map((o) => ({
      periodStart: o.period_start,
      periodEnd: o.period_end,
      note: o.note,
      source: o.source,
      figures: o.figures.map((f) => ({
        metric: f.metric,
        name: f.name,
        unit: f.unit,
        actual: f.actual === null ? null : Number(f.actual),
        goal: f.goal === null ? null : Number(f.goal),
      })),
    })),
  }
}
