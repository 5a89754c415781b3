import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { organizations } from './organizations.ts'

/** Federal programs that designate manufacturing communities (IMCP, DMCSP, ...). */
export const designationPrograms = pgTable('designation_programs', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  agency: text('agency'),
  notes: text('notes'),
})

export const designationKinds = ['designated', 'redesignated'] as const
export type DesignationKind = (typeof designationKinds)[number]

export const designations = pgTable(
  'designations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => designationPrograms.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: designationKinds }).notNull(),
    designatedOn: date('designated_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    notes: text('notes'),
  },
  (t) => [index('designations_org_idx').on(t.organizationId, t.designatedOn)],
)
