import { sql } from 'drizzle-orm'
import type { Db } from '#src/db/client.ts'
import * as s from '#src/db/schema/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { assertDatabaseEmpty } from '#src/features/transfer/index.ts'
import { todayIn } from '#src/lib/dates.ts'
import { AppError } from '#src/lib/errors.ts'
import { buildDemoNetwork, type DemoNetwork } from './build-demo.ts'

const BATCH = 500

/**
 * Loads the demo network into an empty database, in one transaction.
 * Refused in production and on a database that holds anything.
 */
export async function loadDemo(
  db: Db,
  options: { isProduction: boolean; today?: string },
): Promise<{ organizations: number; people: number; calls: number; attendance: number }> {
  if (options.isProduction)
    throw new AppError('CONFLICT', {
      userMessage: 'the demo network is never loaded when NODE_ENV=production',
    })
  return db.transaction(async (tx) => {
    await assertDatabaseEmpty(tx, 'load the demo network')
    // Seeding is not a change anyone made: the demo starts with an empty audit log.
    await tx.execute(sql`select set_config('hub.audit_off', 'on', true)`)
    const settings = await getSettings(tx)
    const today = options.today ?? todayIn(settings.callTimeZone)
    const net = buildDemoNetwork({ today, settings })
    const order: [keyof DemoNetwork, (typeof s)[keyof typeof s]][] = [
      ['settings', s.settings],
      ['designationPrograms', s.designationPrograms],
      ['organizations', s.organizations],
      ['organizationPartners', s.organizationPartners],
      ['admissionEvents', s.admissionEvents],
      ['designations', s.designations],
      ['people', s.people],
      ['seats', s.seats],
      ['calls', s.calls],
      ['attendance', s.attendance],
      ['presentations', s.presentations],
      ['sharingAttestations', s.sharingAttestations],
      ['outcomeReports', s.outcomeReports],
      ['outcomeFigures', s.outcomeFigures],
      ['outcomeReportEvents', s.outcomeReportEvents],
      ['outcomeGoals', s.outcomeGoals],
      ['reportedFacts', s.reportedFacts],
      ['briefings', s.briefings],
      ['sitePages', s.sitePages],
      ['pageRevisions', s.pageRevisions],
      ['newsPosts', s.newsPosts],
      ['staffMembers', s.staffMembers],
      ['boardMembers', s.boardMembers],
    ]
    for (const [key, table] of order) {
      const rows = net[key]
      for (let i = 0; i < rows.length; i += BATCH) {
        // biome-ignore lint/suspicious/noExplicitAny: each row list matches its table by construction above
        await tx.insert(table as any).values(rows.slice(i, i + BATCH) as any)
      }
    }
    return {
      organizations: net.organizations.length,
      people: net.people.length,
      calls: net.calls.length,
      attendance: net.attendance.length,
    }
  })
}
