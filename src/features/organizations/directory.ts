import { type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from '#src/db/client.ts'
import { organizationCategories, type SeatRole } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { admissionStateJoin } from '#src/features/admission/index.ts'
import { vacantSeatsSql } from '#src/features/seats/index.ts'

export const directoryFiltersSchema = z.object({
  category: z.enum(organizationCategories).optional().catch(undefined),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  program: z
    .string()
    .regex(/^[A-Z0-9_-]{1,20}$/)
    .optional()
    .catch(undefined),
  focus: z.string().trim().min(1).max(200).optional().catch(undefined),
})
export type DirectoryFilters = z.infer<typeof directoryFiltersSchema>

export type OrganizationSummary = {
  id: string
  slug: string
  name: string
  shortName: string | null
  category: 'member' | 'bff'
  bffKind: 'federal_agency' | 'national_ngo' | 'private_entity' | 'other' | null
  leadOrganization: string | null
  summary: string | null
  website: string | null
  states: string[]
  counties: string[]
  focusIndustries: string[]
  programs: string[]
  partnerCount: number
  admittedOn: string
  isFictional: boolean
  /** Seats with nobody in them today: a non-empty list means the organisation is incomplete. */
  vacantSeats: SeatRole[]
}

type Row = {
  id: string
  slug: string
  name: string
  short_name: string | null
  category: 'member' | 'bff'
  bff_kind: OrganizationSummary['bffKind']
  lead_organization: string | null
  summary: string | null
  website: string | null
  states: string[]
  counties: string[]
  focus_industries: string[]
  programs: string[]
  partner_count: number
  admitted_on: string
  is_fictional: boolean
  vacant_seats: SeatRole[]
}

const toSummary = (r: Row): OrganizationSummary => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  shortName: r.short_name,
  category: r.category,
  bffKind: r.bff_kind,
  leadOrganization: r.lead_organization,
  summary: r.summary,
  website: r.website,
  states: r.states,
  counties: r.counties,
  focusIndustries: r.focus_industries,
  programs: r.programs,
  partnerCount: r.partner_count,
  admittedOn: r.admitted_on,
  isFictional: r.is_fictional,
  vacantSeats: r.vacant_seats,
})

/** Organisations admitted on `onDate`, with derived programs and partner counts, by name. */
export async function listAdmittedOrganizations(
  db: DbOrTx,
  options: { onDate: string; filters?: DirectoryFilters; where?: SQL },
): Promise<OrganizationSummary[]> {
  const f = options.filters ?? {}
  const conditions: SQL[] = [sql`true`]
  if (f.category) conditions.push(sql`o.category = ${f.category}`)
  if (f.state) conditions.push(sql`${f.state} = any(o.states)`)
  if (f.focus) conditions.push(sql`${f.focus} = any(o.focus_industries)`)
  if (f.program)
    conditions.push(sql`exists (select 1 from designations d join designation_programs p on p.id = d.program_id
      where d.organization_id = o.id and p.code = ${f.program})`)
  if (options.where) conditions.push(options.where)
  const rows = await queryRows<Row>(
    db,
    sql`select o.id, o.slug, o.name, o.short_name, o.category, o.bff_kind, o.lead_organization, o.summary,
        o.website, o.states, o.counties, o.focus_industries, o.is_fictional, adm.admitted_on,
        coalesce((select array_agg(distinct p.code order by p.code) from designations d
          join designation_programs p on p.id = d.program_id where d.organization_id = o.id), '{}') as programs,
        (select count(*)::int from organization_partners op where op.organization_id = o.id) as partner_count,
        ${vacantSeatsSql(sql`o.id`, options.onDate)} as vacant_seats
      from organizations o
      ${admissionStateJoin(sql`o`, options.onDate)}
      where ${sql.join(conditions, sql` and `)}
      order by lower(o.name), o.id`,
  )
  return rows.map(toSummary)
}

export type DirectoryFacets = {
  states: string[]
  programs: { code: string; name: string }[]
  focusIndustries: string[]
}

/** The designation programs, by code. */
export function listDesignationPrograms(db: DbOrTx): Promise<{ code: string; name: string }[]> {
  return queryRows<{ code: string; name: string }>(
    db,
    sql`select code, name from designation_programs order by code`,
  )
}

/** The values the directory can be filtered by: only those some admitted organisation has. */
export function directoryFacets(
  admitted: readonly OrganizationSummary[],
  programs: readonly { code: string; name: string }[],
): DirectoryFacets {
  const used = new Set(admitted.flatMap((o) => o.programs))
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b))
  return {
    states: sorted(admitted.flatMap((o) => o.states)),
    programs: programs.filter((p) => used.has(p.code)),
    focusIndustries: sorted(admitted.flatMap((o) => o.focusIndustries)),
  }
}
