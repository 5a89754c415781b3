/**
 * Sends an application's news once its change is committed: who is told of what (the one rule),
 * read from the database after the transaction. A failure is logged by sendSafely and undoes
 * nothing.
 */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { holdsTermSql } from '#src/db/terms.ts'
import type { AppDeps } from '#src/http/deps.ts'
import { type Mailer, type OutgoingEmail, sendSafely } from '#src/lib/mailer.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import {
  type ApplicationEmailContext,
  type ApplicationNews,
  type ApplicationReader,
  composeAnsweredEmails,
  composeReadyForBoardEmails,
  composeSubmittedEmails,
} from './application-emails.ts'

/** What happened to the application. */
export type ApplicationChange =
  | { kind: 'submitted'; toBoard: boolean }
  | { kind: 'ready_for_board' }
  | { kind: 'answered'; answer: string }

/** The context of a request's application emails: the network's name, the Hub's origin, today. */
export const applicationEmailContext = (deps: AppDeps): ApplicationEmailContext => ({
  network: currentChrome().name,
  origin: deps.origin,
  today: deps.clock.today(),
})

async function loadNews(db: DbOrTx, applicationId: string): Promise<ApplicationNews | undefined> {
  const [row] = await queryRows<{
    id: string
    category: 'member' | 'bff'
    organization_name: string
    round: number
    full_name: string
    email: string
  }>(
    db,
    sql`select a.id, a.category, a.organization_name, a.round, p.full_name, p.email
      from applications a join people p on p.id = a.applicant_id where a.id = ${applicationId}`,
  )
  if (!row) return undefined
  const { full_name: fullName, email, organization_name: organizationName, ...app } = row
  return { ...app, organizationName, applicant: { fullName, email } }
}

/** The people with a staff or Advisory Board term on `onDate` and an email address, by name. */
async function readersOn(db: DbOrTx, role: 'staff' | 'board', onDate: string): Promise<ApplicationReader[]> {
  return queryRows<ApplicationReader>(
    db,
    sql`select p.full_name as "fullName", p.email from people p
      where trim(p.email) <> '' and ${holdsTermSql(role, sql`p.id`, onDate)}
      order by p.full_name, p.id`,
  )
}

/** The emails of one committed change, to whoever the rule names. */
export async function composeApplicationEmails(
  db: DbOrTx,
  applicationId: string,
  change: ApplicationChange,
  ctx: ApplicationEmailContext,
): Promise<OutgoingEmail[]> {
  const app = await loadNews(db, applicationId)
  if (!app) return []
  const staff = () => readersOn(db, 'staff', ctx.today)
  const board = () => readersOn(db, 'board', ctx.today)
  switch (change.kind) {
    case 'submitted':
      return [
        ...composeSubmittedEmails(app, await staff(), { ...ctx, toBoard: change.toBoard }),
        ...(change.toBoard ? composeReadyForBoardEmails(app, await board(), ctx) : []),
      ]
    case 'ready_for_board':
      return composeReadyForBoardEmails(app, await board(), ctx)
    case 'answered':
      return composeAnsweredEmails(app, change.answer, await staff(), ctx)
  }
}

/** Sends the emails of a committed change, each once. How many went out. */
export async function sendApplicationEmails(
  db: DbOrTx,
  mailer: Mailer,
  applicationId: string,
  change: ApplicationChange,
  ctx: ApplicationEmailContext,
): Promise<number> {
  let sent = 0
  for (const email of await composeApplicationEmails(db, applicationId, change, ctx))
    if (await sendSafely(mailer, email)) sent += 1
  return sent
}

/** For a router: sends one committed change's emails with the request's context. */
export const applicationEmailsOf =
  (deps: AppDeps) =>
  (applicationId: string, change: ApplicationChange): Promise<number> =>
    sendApplicationEmails(deps.database.db, deps.mailer, applicationId, change, applicationEmailContext(deps))
