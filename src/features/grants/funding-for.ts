import { asc, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { grantRelevanceRules } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isAdmittedSql } from '#src/features/admission/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { allOpenOpportunities, type OpportunitySummary } from './open-opportunities.ts'
import {
  type Match,
  type MatchingOpportunity,
  type MatchingOrganization,
  matchOpportunity,
  type RelevanceRule,
} from './relevance.ts'

export type FittingOrganization = MatchingOrganization & { id: string; slug: string; name: string }

/** The relevance rules in the order staff set. */
export async function listRules(db: DbOrTx): Promise<(RelevanceRule & { id: string })[]> {
  return db
    .select()
    .from(grantRelevanceRules)
    .orderBy(asc(grantRelevanceRules.position), asc(grantRelevanceRules.id))
}

/** The organisations admitted on `today`, as matching reads them (or the one with `slug`). */
export async function matchingOrganizations(
  db: DbOrTx,
  today: string,
  slug?: string,
): Promise<FittingOrganization[]> {
  const rows = await queryRows<{
    id: string
    slug: string
    name: string
    category: 'member' | 'bff'
    states: string[]
    focus_industries: string[]
    programs: string[]
  }>(
    db,
    sql`select o.id, o.slug, o.name, o.category, o.states, o.focus_industries,
        coalesce((select array_agg(distinct p.code) from designations d
          join designation_programs p on p.id = d.program_id where d.organization_id = o.id), '{}') as programs
      from organizations o
      where ${isAdmittedSql(sql`o.id`, today)} ${slug === undefined ? sql`` : sql`and o.slug = ${slug}`}
      order by lower(o.name)`,
  )
  return rows.map((row) => ({ ...row, focusIndustries: row.focus_industries }))
}

const closesOn = (o: OpportunitySummary) => o.closeDate ?? o.estimatedCloseDate ?? '9999-12-31'

/** What matching reads once, for one organisation or for many (the weekly email reads it once a run). */
export type MatchingContext = { rules: RelevanceRule[]; threshold: number; open: OpportunitySummary[] }

export async function matchingContext(db: DbOrTx, today: string): Promise<MatchingContext> {
  const [rules, settings, open] = await Promise.all([
    listRules(db),
    getSettings(db),
    allOpenOpportunities(db, today),
  ])
  return { rules, threshold: settings.grantsMatchThreshold, open }
}

/**
 * The open and forecast opportunities that fit an organisation, best first (then soonest to
 * close), each with its score and reasons.
 */
export function fitsFor(
  org: MatchingOrganization,
  context: MatchingContext,
): { opportunity: OpportunitySummary; match: Match }[] {
  return context.open
    .map((opportunity) => ({
      opportunity,
      match: matchOpportunity(opportunity, org, context.rules, context.threshold),
    }))
    .filter((fit): fit is { opportunity: OpportunitySummary; match: Match } => fit.match !== null)
    .sort(
      (a, b) =>
        b.match.score - a.match.score || closesOn(a.opportunity).localeCompare(closesOn(b.opportunity)),
    )
}

/** fitsFor with what matching reads loaded for this one organisation. */
export async function fundingFor(
  db: DbOrTx,
  org: MatchingOrganization,
  today: string,
): Promise<{ opportunity: OpportunitySummary; match: Match }[]> {
  return fitsFor(org, await matchingContext(db, today))
}

/** The admitted organisations an opportunity fits, best first, with why. */
export async function organizationsFitting(
  db: DbOrTx,
  opportunity: MatchingOpportunity,
  today: string,
): Promise<{ organization: FittingOrganization; match: Match }[]> {
  const [rules, settings, orgs] = await Promise.all([
    listRules(db),
    getSettings(db),
    matchingOrganizations(db, today),
  ])
  return orgs
    .map((organization) => ({
      organization,
      match: matchOpportunity(opportunity, organization, rules, settings.grantsMatchThreshold),
    }))
    .filter((fit): fit is { organization: FittingOrganization; match: Match } => fit.match !== null)
    .sort((a, b) => b.match.score - a.match.score || a.organization.name.localeCompare(b.organization.name))
}
