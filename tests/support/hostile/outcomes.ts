import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '../../../src/db/client.ts'
import { queryRows } from '../../../src/db/sql.ts'
import { demoId } from '../../../src/features/demo/demo-id.ts'
import { submitReport } from '../../../src/features/outcomes/index.ts'
import { DEMO_TODAY } from '../fixtures.ts'
import type { Entry } from './types.ts'

/*
 * The demo's reports on the fictional BFFs (src/features/demo/demo-outcomes.ts): last year's
 * verified one (Demo Open Tooling Company, 38 businesses assisted), last year's submitted one,
 * and this year's draft, which staff may edit.
 */
const year = Number(DEMO_TODAY.slice(0, 4)) - 1
const draftId = demoId('outcome', `demo-draft:${year + 1}`)
const submittedId = demoId('outcome', `demo:0:${year}`)
const verifiedId = demoId('outcome', `demo:2:${year}`)
const METRIC = 'businesses_assisted'
const METRIC_NAME = 'Businesses assisted'
const EDITED = 'jobs_retained'
const reportPage = (id: string) => () => [`/outcomes/reports/${id}`]

const values = async (db: Db, query: SQL) => (await queryRows<{ v: string }>(db, query)).map((r) => r.v)

/** The comments of the submitted report's returns: one event column, or one per-figure comment. */
const returnComments = (read: SQL) => async (db: Db) => {
  const found = await values(
    db,
    sql`select ${read} as v from outcome_report_events
      where report_id = ${submittedId} and action = 'returned' order by at, id`,
  )
  await resubmit(db)
  return found
}

/**
 * The organisation sends the returned report in again, so that the next return has a submitted
 * report to act on (each free-text value is returned once).
 */
async function resubmit(db: Db) {
  const [report] = await queryRows<{ status: string }>(
    db,
    sql`select status from outcome_reports where id = ${submittedId}`,
  )
  if (report?.status !== 'returned') return
  const [staff] = await queryRows<{ id: string }>(
    db,
    sql`select id from people where lower(email) = 'staff@example.org'`,
  )
  const personId = staff?.id ?? ''
  await submitReport(db, submittedId, { personId, actor: `person:${personId}`, isStaff: true })
}

/** Hostile-input entries for outcome reports, goals and metrics (/outcomes, /staff/outcomes/metrics). */
export const outcomesEntries: Record<string, Entry> = {
  'POST /outcomes': {
    sample: () => ({ path: '/outcomes', fields: { organization: 'amp-socal', 'period-year': String(year) } }),
  },
  'POST /outcomes/reports/:id': {
    sample: () => ({
      path: `/outcomes/reports/${draftId}`,
      fields: { narrative: 'Started; figures come in January.', evidenceUrl: '', [`figure-${METRIC}`]: '' },
    }),
    freeText: {
      narrative: {
        tooLong: 'Write at most 5,000 characters in the narrative.',
        readBack: (db) => values(db, sql`select note as v from outcome_reports where id = ${draftId}`),
      },
      [`note-${METRIC}`]: {
        tooLong: `Write at most 2,000 characters in the note on ${METRIC_NAME}.`,
        readBack: (db) =>
          values(
            db,
            sql`select note as v from outcome_figures where report_id = ${draftId} and metric = ${METRIC}`,
          ),
      },
    },
    shownAt: reportPage(draftId),
  },
  'POST /outcomes/reports/:id/verify': {
    sample: () => ({ path: `/outcomes/reports/${submittedId}/verify`, fields: { comment: '' } }),
  },
  'POST /outcomes/reports/:id/return': {
    sample: () => ({
      path: `/outcomes/reports/${submittedId}/return`,
      fields: { comment: 'Please check the count.', [`comment-${METRIC}`]: '' },
    }),
    freeText: {
      comment: {
        tooLong: 'Write at most 2,000 characters in the comment.',
        readBack: returnComments(sql`comment`),
      },
      [`comment-${METRIC}`]: {
        tooLong: 'Write at most 2,000 characters in a comment.',
        readBack: returnComments(sql`figure_comments->>${METRIC}`),
      },
    },
    shownAt: reportPage(submittedId),
  },
  'POST /outcomes/reports/:id/correct': {
    // The same figure as verified: a correction that changes only its recorded reason.
    sample: () => ({
      path: `/outcomes/reports/${verifiedId}/correct`,
      fields: { [`figure-${METRIC}`]: '38', reason: 'The count was checked again.' },
    }),
    freeText: {
      [`note-${METRIC}`]: {
        tooLong: `Write at most 2,000 characters in the note on ${METRIC_NAME}.`,
        readBack: (db) =>
          values(
            db,
            sql`select note as v from outcome_figures where report_id = ${verifiedId} and metric = ${METRIC}`,
          ),
      },
      reason: {
        tooLong: 'Write at most 2,000 characters in the reason.',
        readBack: (db) =>
          values(
            db,
            sql`select comment as v from outcome_report_events
              where report_id = ${verifiedId} and action = 'corrected' order by at, id`,
          ),
      },
    },
    shownAt: reportPage(verifiedId),
  },
  'POST /outcomes/goals': {
    sample: () => ({
      path: '/outcomes/goals',
      fields: { organization: 'amp-socal', 'period-year': String(year), [`goal-${METRIC}`]: '10' },
    }),
  },
  'POST /staff/outcomes/metrics': {
    sample: (ctx) => ({
      path: '/staff/outcomes/metrics',
      fields: {
        key: `hostile_metric_${ctx.next()}`,
        name: 'Mentors matched',
        description: 'Mentors matched with a firm.',
        unit: 'count',
        position: '90',
      },
    }),
    freeText: {
      name: {
        tooLong: 'Write the name in at most 80 characters.',
        readBack: (db, sent) =>
          values(db, sql`select name as v from outcome_metrics where key = ${sent.key ?? ''}`),
      },
      description: {
        tooLong: 'Write the description in at most 500 characters.',
        readBack: (db, sent) =>
          values(db, sql`select description as v from outcome_metrics where key = ${sent.key ?? ''}`),
      },
    },
    shownAt: () => ['/staff/outcomes/metrics'],
  },
  // Another seeded metric than the one the reports' entries name in their messages.
  'POST /staff/outcomes/metrics/:key': {
    sample: () => ({
      path: `/staff/outcomes/metrics/${EDITED}`,
      fields: {
        name: 'Jobs retained',
        description: 'Existing jobs kept that would otherwise have been lost.',
        unit: 'count',
        sums: 'on',
        position: '2',
      },
    }),
    freeText: {
      name: {
        tooLong: 'Write the name in at most 80 characters.',
        readBack: (db) => values(db, sql`select name as v from outcome_metrics where key = ${EDITED}`),
      },
      description: {
        tooLong: 'Write the description in at most 500 characters.',
        readBack: (db) => values(db, sql`select description as v from outcome_metrics where key = ${EDITED}`),
      },
    },
    shownAt: () => ['/staff/outcomes/metrics'],
  },
  'POST /staff/outcomes/metrics/:key/retire': {
    sample: () => ({ path: `/staff/outcomes/metrics/${METRIC}/retire`, fields: {} }),
  },
  'POST /staff/outcomes/metrics/:key/restore': {
    sample: () => ({ path: `/staff/outcomes/metrics/${METRIC}/restore`, fields: {} }),
  },
}
