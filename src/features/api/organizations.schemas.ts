import { z } from 'zod'
import { bffKinds, metricUnits, organizationCategories } from '#src/db/schema/index.ts'

/** The public shape of an organisation in the JSON API: a contract, keep it stable. */
export const apiOrganizationSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    category: z.enum(organizationCategories),
    bffKind: z.enum(bffKinds).nullable(),
    leadOrganization: z.string().nullable(),
    summary: z.string().nullable(),
    website: z.string().nullable(),
    states: z.array(z.string()).describe('Two-letter US state codes'),
    counties: z.array(z.string()).describe('5-digit county FIPS codes; empty when not on record'),
    focusIndustries: z.array(z.string()),
    programs: z.array(z.string()).describe('Codes of the programs that designated it'),
    partnerCount: z.int().describe('Counted from its list of partner organisations'),
    admittedOn: z.iso.date(),
    isFictional: z.boolean().describe('True for demo organisations that do not exist'),
    profileUrl: z.string(),
  })
  .meta({ id: 'Organization' })

export const apiOrganizationDetailSchema = apiOrganizationSchema
  .extend({
    partners: z.array(z.object({ name: z.string(), website: z.string().nullable() })),
    designations: z.array(
      z.object({
        programCode: z.string(),
        programName: z.string(),
        kind: z.enum(['designated', 'redesignated']),
        designatedOn: z.iso.date(),
        expiresOn: z.iso.date().nullable(),
      }),
    ),
    outcomes: z
      .array(
        z.object({
          periodStart: z.iso.date(),
          periodEnd: z.iso.date(),
          note: z.string().nullable(),
          source: z.string().nullable(),
          figures: z.array(
            z.object({
              metric: z.string().describe('The metric key, e.g. jobs_created'),
              name: z.string(),
              unit: z.enum(metricUnits).describe('count, or usd: amounts in whole cents'),
              actual: z.number().nullable(),
              goal: z.number().nullable().describe('The latest goal set for the same period, if any'),
            }),
          ),
        }),
      )
      .describe('Verified outcome reports only'),
  })
  .meta({ id: 'OrganizationDetail' })

export const apiErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: 'Error' })
