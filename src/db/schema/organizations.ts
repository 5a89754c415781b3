import { type SQL, sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { writtenAt } from './columns.ts'
import { arrayWords, searchDocument, tsvector } from './search-columns.ts'

export const organizationCategories = ['member', 'bff'] as const
export type OrganizationCategory = (typeof organizationCategories)[number]

export const bffKinds = ['federal_agency', 'national_ngo', 'private_entity', 'other'] as const
export type BffKind = (typeof bffKinds)[number]

/** A member community or a BFF. Admission state lives in admission_events, never here. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    category: text('category', { enum: organizationCategories }).notNull(),
    bffKind: text('bff_kind', { enum: bffKinds }),
    leadOrganization: text('lead_organization'),
    summary: text('summary'),
    website: text('website'),
    /** Two-letter US state codes. */
    states: text('states').array().notNull().default(sql`'{}'::text[]`),
    /** 5-digit county FIPS codes; empty when the counties are not known. */
    counties: text('counties').array().notNull().default(sql`'{}'::text[]`),
    focusIndustries: text('focus_industries').array().notNull().default(sql`'{}'::text[]`),
    isDemo: boolean('is_demo').notNull().default(false),
    /** Demo organisations that do not exist in the real world. */
    isFictional: boolean('is_fictional').notNull().default(false),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        searchDocument([
          [sql`${organizations.name} || ' ' || coalesce(${organizations.shortName}, '')`, 'A'],
          [
            sql`coalesce(${organizations.summary}, '') || ' ' || ${arrayWords(organizations.focusIndustries)}`,
            'B',
          ],
          [sql`${organizations.leadOrganization}`, 'C'],
        ]),
    ),
  },
  (t) => [
    index('organizations_search_idx').using('gin', t.searchVector),
    check('organizations_bff_kind_only_for_bffs', sql`${t.bffKind} is null or ${t.category} = 'bff'`),
    check('organizations_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
)

/** Partner organisations of a community, as a list: counts are derived from it. */
export const organizationPartners = pgTable(
  'organization_partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    website: text('website'),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique('organization_partners_name_unique').on(t.organizationId, t.name)],
)

export const admissionEventKinds = ['applied', 'admitted', 'suspended', 'reinstated', 'withdrawn'] as const
export type AdmissionEventKind = (typeof admissionEventKinds)[number]

/** The admission history: the latest event on or before a date gives the state on that date. */
export const admissionEvents = pgTable(
  'admission_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: admissionEventKinds }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    reason: text('reason'),
    recordedAt: writtenAt('recorded_at'),
  },
  (t) => [index('admission_events_org_idx').on(t.organizationId, t.effectiveOn)],
)
