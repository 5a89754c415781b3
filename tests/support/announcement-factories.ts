import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { briefings, newsPosts, people } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { saveChoices } from '#src/features/reminders/preferences.ts'
import { ensureAccount } from '#src/http/accounts.ts'
import type { Auth } from '#src/http/auth.ts'
import type { TestPerson } from './factories.ts'
import { TEST_PASSWORD } from './sign-in-as.ts'

/**
 * What the announcement and digest tests build: news posts and library items dated where a test
 * needs them, a person without an email address, and a reader who asked for the digest.
 */
const unique = () => randomBytes(4).toString('hex')

/** A news post: published at `publishAt` (ISO instant) unless another status is given. */
export async function createNewsPost(
  db: Db,
  options: {
    title: string
    publishAt: string
    visibility?: 'public' | 'members'
    status?: 'draft' | 'scheduled' | 'published'
    summary?: string
  },
): Promise<{ id: string; slug: string }> {
  const slug = `post-${unique()}`
  const [row] = await writeAs(db, 'system', (tx) =>
    tx
      .insert(newsPosts)
      .values({
        slug,
        title: options.title,
        summary: options.summary ?? `What ${options.title} is about.`,
        bodyMarkdown: 'The text of the post.',
        status: options.status ?? 'published',
        publishAt: options.publishAt,
        visibility: options.visibility ?? 'public',
      })
      .returning({ id: newsPosts.id }),
  )
  if (!row) throw new Error('the news post was not created')
  return { id: row.id, slug }
}

/** A library item, published and approved at `approvedAt` (ISO instant) unless said otherwise. */
export async function createLibraryItem(
  db: Db,
  options: {
    title: string
    kind?: 'briefing' | 'resource'
    visibility?: 'public' | 'members'
    status?: 'draft' | 'pending' | 'published'
    approvedAt?: string | null
    publishedOn?: string | null
  },
): Promise<{ id: string; slug: string }> {
  const slug = `item-${unique()}`
  const [row] = await writeAs(db, 'system', (tx) =>
    tx
      .insert(briefings)
      .values({
        slug,
        kind: options.kind ?? 'briefing',
        title: options.title,
        summary: `A summary of ${options.title}.`,
        bodyMarkdown: 'The body of the item.',
        visibility: options.visibility ?? 'members',
        status: options.status ?? 'published',
        approvedAt: options.approvedAt ?? null,
        publishedOn: options.publishedOn ?? null,
      })
      .returning({ id: briefings.id }),
  )
  if (!row) throw new Error('the library item was not created')
  return { id: row.id, slug }
}

/** A person whose record has no email address (people.email is required, so it is empty). */
export async function personWithoutEmail(db: Db, fullName = `No Address ${unique()}`): Promise<TestPerson> {
  const [row] = await writeAs(db, 'system', (tx) =>
    tx.insert(people).values({ fullName, email: '' }).returning(),
  )
  if (!row) throw new Error('the person was not created')
  return { id: row.id, email: row.email, fullName: row.fullName }
}

/** Gives the person an account (their roles come from it) and turns the weekly digest on for them. */
export async function digestReader(db: Db, auth: Auth, person: TestPerson): Promise<TestPerson> {
  await ensureAccount(db, auth, { personId: person.id, password: TEST_PASSWORD })
  await saveChoices(db, person.id, { weekly_digest: true })
  return person
}

/** How many digests were recorded as sent for the week starting on `weekStart`. */
export async function digestsRecorded(db: Db, weekStart: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from reminder_deliveries
      where kind = 'weekly_digest' and subject = ${weekStart} and sent_at is not null`,
  )
  return row?.n ?? 0
}

/** How many weeks' digests were recorded as sent to the person. */
export async function digestsSentTo(db: Db, personId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from reminder_deliveries
      where kind = 'weekly_digest' and person_id = ${personId}::uuid and sent_at is not null`,
  )
  return row?.n ?? 0
}
