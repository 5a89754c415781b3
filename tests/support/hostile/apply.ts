import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '../../../src/db/client.ts'
import { queryRows } from '../../../src/db/sql.ts'
import type { Entry } from './types.ts'

/**
 * The suite posts free text as staff@example.org. Staff apply like anyone (POST /apply, signed
 * in, starts a draft of their own), and the draft form is then posted to that draft: its id
 * is read back after the first start and used by the later entries. Before it exists, the
 * samples name an address that has no application (the cross-site checks need no more).
 */
const staffDraft = { id: '00000000-0000-4000-8000-000000000000' }

const STAFF = 'staff@example.org'
const ofStaff = sql`(select id from people where lower(email) = ${STAFF})`

const values = async (db: Db, query: SQL) => (await queryRows<{ v: string }>(db, query)).map((r) => r.v)

/** One column of the staff member's draft (a list column spread into its items). */
const draftColumn =
  (column: string, isList = false) =>
  async (db: Db) =>
    values(
      db,
      isList
        ? sql`select unnest(${sql.identifier(column)}) as v from applications where id = ${staffDraft.id}`
        : sql`select ${sql.identifier(column)} as v from applications where id = ${staffDraft.id}`,
    )

/** One field of the draft's nominees (both seats, empty ones left out). */
const nomineeField = (field: 'fullName' | 'title') => async (db: Db) =>
  values(
    db,
    sql`select n->>${field} as v from applications, jsonb_array_elements(nominees) n
      where id = ${staffDraft.id} and n->>${field} <> ''`,
  )

const draftPage = () => [`/applications/${staffDraft.id}`]

/**
 * The draft form sends only the field under test: the route saves any subset of fields,
 * so a refused value leaves the rest of the draft (and the database) exactly as it was.
 */
const draftEntry: Entry = {
  sample: () => ({ path: `/applications/${staffDraft.id}`, fields: {} }),
  freeText: {
    organizationName: {
      tooLong: 'Use at most 200 characters for the organisation’s name (this one has 10,001).',
      readBack: draftColumn('organization_name'),
    },
    shortName: {
      tooLong: 'Use at most 60 characters for the short name (this one has 10,001).',
      readBack: draftColumn('short_name'),
    },
    leadOrganization: {
      tooLong: 'Use at most 200 characters for the lead organisation (this one has 10,001).',
      readBack: draftColumn('lead_organization'),
    },
    summary: {
      tooLong: 'Write at most 2,000 characters (this summary has 10,001).',
      readBack: draftColumn('summary'),
    },
    partners: {
      tooLong: 'Each partner name can be at most 200 characters; line 1 has 10,001.',
      readBack: draftColumn('partners', true),
    },
    focusIndustries: {
      tooLong: 'Each focus industry can be at most 100 characters; line 1 has 10,001.',
      readBack: draftColumn('focus_industries', true),
    },
    representativeFullName: {
      tooLong: 'Representative: Use at most 200 characters for the full name (this one has 10,001).',
      readBack: nomineeField('fullName'),
    },
    alternateTitle: {
      tooLong: 'Alternate: Use at most 200 characters for the title (this one has 10,001).',
      readBack: nomineeField('title'),
    },
  },
  shownAt: draftPage,
}

/** Hostile-input entries for the apply flow and file uploads: one per state-changing route, keyed 'METHOD /path'. */
export const applyEntries: Record<string, Entry> = {
  'POST /apply': {
    sample: (ctx) => ({
      path: '/apply',
      fields: {
        fullName: 'Pat Applicant',
        email: `applicant.${ctx.next()}@example.org`,
        category: 'member',
        organizationName: 'Great Lakes Manufacturing Partnership',
      },
    }),
    freeText: {
      organizationName: {
        tooLong: 'Use at most 200 characters for the organisation’s name (this one has 10,001).',
        readBack: async (db) => {
          const names = await values(
            db,
            sql`select organization_name as v from applications where applicant_id = ${ofStaff}
              order by created_at`,
          )
          const [first] = await queryRows<{ id: string }>(
            db,
            sql`select id from applications where applicant_id = ${ofStaff} and status = 'draft'
              order by created_at, id limit 1`,
          )
          if (first) staffDraft.id = first.id
          return names
        },
      },
    },
    shownAt: () => ['/applications'],
  },
  // The owner's confirmation of a draft asked for with their address: no free text, a secret link.
  'POST /apply/confirm/:token': {
    sample: () => ({ path: '/apply/confirm/not-a-real-confirmation-token', fields: {} }),
  },
  'POST /applications/:id': draftEntry,
  'POST /applications/:id/evidence': {
    sample: () => ({
      path: `/applications/${staffDraft.id}/evidence`,
      fields: { criterion: 'agreement', link: 'https://example.org/agreement.pdf' },
    }),
  },
  'POST /applications/:id/evidence/:evidenceId/delete': {
    sample: () => ({
      path: `/applications/${staffDraft.id}/evidence/00000000-0000-4000-8000-000000000000/delete`,
      fields: {},
    }),
  },
  'POST /applications/:id/submit': {
    sample: () => ({ path: `/applications/${staffDraft.id}/submit`, fields: {} }),
  },
  'POST /applications/:id/answer': {
    sample: () => ({
      path: `/applications/${staffDraft.id}/answer`,
      fields: { answer: 'Here is the document.' },
    }),
  },
  'POST /applications/:id/withdraw': {
    sample: () => ({ path: `/applications/${staffDraft.id}/withdraw`, fields: {} }),
  },
}
