import { type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'

/** What an audit entry records: a row written by a trigger, or a call made with an API token. */
export const auditActions = ['insert', 'update', 'delete', 'api_call'] as const
export type AuditAction = (typeof auditActions)[number]

export const auditActionLabels: Record<AuditAction, string> = {
  insert: 'Insert',
  update: 'Update',
  delete: 'Delete',
  api_call: 'API call',
}

/** Entries on one page of the log. */
export const AUDIT_PAGE_SIZE = 50

export const auditFilterFields = ['actor', 'table', 'record', 'action', 'from', 'to'] as const
export type AuditFilterField = (typeof auditFilterFields)[number]

export type AuditFilters = {
  /** Part of the actor string, or of the name or email of the person (or name of the token) behind it. */
  actor?: string
  table?: string
  /** The record's id, exactly. */
  record?: string
  action?: AuditAction
  /** First day included (YYYY-MM-DD), a day in the network's time zone. */
  from?: string
  /** Last day included (YYYY-MM-DD), a day in the network's time zone. */
  to?: string
}

/** The log's filters as typed (kept for the form), the valid ones, errors per field, and the page cursor. */
export type AuditQuery = {
  values: Record<AuditFilterField, string>
  filters: AuditFilters
  errors: Partial<Record<AuditFilterField, string>>
  /** Show entries older than this entry (its id). */
  before?: string
  /** Show entries newer than this entry (its id). */
  after?: string
}

const dateField = z.iso.date({ error: 'Enter a date as YYYY-MM-DD, such as 2026-11-26.' })
const fieldSchemas = {
  actor: z.string().max(200, 'Type at most 200 characters.'),
  table: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'Choose a table from the list.'),
  record: z.string().max(200, 'Type at most 200 characters.'),
  action: z.enum(auditActions, { error: 'Choose insert, update, delete or API call.' }),
  from: dateField,
  to: dateField,
} satisfies Record<AuditFilterField, z.ZodType>

const cursor = z.uuid()

/**
 * Reads the filters of the audit log from a query string. Empty fields are no filter;
 * a wrong value gives a message for its field (and is left out of `filters`).
 */
export function parseAuditQuery(query: Record<string, string | undefined>): AuditQuery {
  const values = {} as Record<AuditFilterField, string>
  const filters: AuditFilters = {}
  const errors: AuditQuery['errors'] = {}
  for (const field of auditFilterFields) {
    const value = (query[field] ?? '').trim()
    values[field] = value
    if (value === '') continue
    const parsed = fieldSchemas[field].safeParse(value)
    if (parsed.success) (filters as Record<string, string>)[field] = parsed.data
    else errors[field] = parsed.error.issues[0]?.message ?? 'This value is not valid.'
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    errors.to = 'The end date must be on or after the start date.'
    delete filters.to
  }
  const before = cursor.safeParse(query.before)
  const after = cursor.safeParse(query.after)
  return {
    values,
    filters,
    errors,
    // Only one direction at a time: "older than" wins when both are given.
    ...(before.success ? { before: before.data } : after.success ? { after: after.data } : {}),
  }
}

export type AuditEntry = {
  id: string
  /** ISO 8601 in UTC, with microseconds. */
  at: string
  actor: string
  /** The actor for people: "Robin Castellano (staff@example.org)", "API token Reporting", or the actor string. */
  actorLabel: string
  action: string
  tableName: string | null
  recordId: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  changed: string[] | null
  detail: string | null
}

type Row = {
  id: string
  at: string
  actor: string
  action: string
  table_name: string | null
  record_id: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  changed: string[] | null
  detail: string | null
  person_name: string | null
  person_email: string | null
  token_name: string | null
  user_name: string | null
  user_email: string | null
}

/** How an actor string reads on the page, given what its id resolves to. */
export function actorLabel(
  actor: string,
  found: { personName?: string | null; personEmail?: string | null; tokenName?: string | null } = {},
): string {
  const isPerson = actor.startsWith('person:') || actor.startsWith('user:')
  if (isPerson && found.personName && found.personEmail) return `${found.personName} (${found.personEmail})`
  if (isPerson && (found.personName || found.personEmail))
    return found.personName || found.personEmail || actor
  if (actor.startsWith('token:') && found.tokenName) return `API token ${found.tokenName}`
  return actor
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`)

function conditions(filters: AuditFilters, timeZone: string): SQL {
  const parts: SQL[] = [sql`true`]
  if (filters.actor) {
    const pattern = `%${escapeLike(filters.actor)}%`
    parts.push(sql`(a.actor ilike ${pattern}
      or a.actor in (select 'person:' || p.id::text from people p
        where p.full_name ilike ${pattern} or p.email ilike ${pattern})
      or a.actor in (select 'user:' || u.id from auth_users u
        where u.name ilike ${pattern} or u.email ilike ${pattern})
      or a.actor in (select 'token:' || t.id::text from api_tokens t where t.name ilike ${pattern}))`)
  }
  if (filters.table) parts.push(sql`a.table_name = ${filters.table}`)
  if (filters.record) parts.push(sql`a.record_id = ${filters.record}`)
  if (filters.action) parts.push(sql`a.action = ${filters.action}`)
  // Days are the network's days, as every date on its pages is, whatever the session's zone.
  if (filters.from) parts.push(sql`a.at >= (${filters.from}::date)::timestamp at time zone ${timeZone}`)
  if (filters.to) parts.push(sql`a.at < (${filters.to}::date + 1)::timestamp at time zone ${timeZone}`)
  return sql.join(parts, sql` and `)
}

const uuidPattern = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/**
 * One page of the audit log, newest first, with the filters applied: the page after
 * `before` (older entries) or before `after` (newer entries), or the newest page.
 * Keyset pagination on (at, id), so pages hold still while new entries arrive.
 */
export async function listAuditEntries(
  db: DbOrTx,
  options: { filters: AuditFilters; timeZone: string; before?: string; after?: string; limit?: number },
): Promise<{ entries: AuditEntry[]; hasOlder: boolean; hasNewer: boolean }> {
  const limit = options.limit ?? AUDIT_PAGE_SIZE
  const where = conditions(options.filters, options.timeZone)
  const isNewer = !options.before && Boolean(options.after)
  const position = options.before
    ? sql`and (a.at, a.id) < (select c.at, c.id from audit_log c where c.id = ${options.before})`
    : options.after
      ? sql`and (a.at, a.id) > (select c.at, c.id from audit_log c where c.id = ${options.after})`
      : sql``
  const direction = isNewer ? sql`asc` : sql`desc`
  const rows = await queryRows<Row>(
    db,
    sql`with page as (
        select a.* from audit_log a where ${where} ${position}
        order by a.at ${direction}, a.id ${direction} limit ${limit}
      )
      select page.id, to_char(page.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
        page.actor, page.action, page.table_name, page.record_id, page.before, page.after, page.changed,
        page.detail, p.full_name as person_name, p.email as person_email, t.name as token_name,
        u.name as user_name, u.email as user_email
      from page
      left join people p on p.id = case when page.actor ~ ${`^person:${uuidPattern}$`}
        then substring(page.actor from 8)::uuid end
      left join api_tokens t on t.id = case when page.actor ~ ${`^token:${uuidPattern}$`}
        then substring(page.actor from 7)::uuid end
      left join auth_users u on page.actor like 'user:%' and u.id = substring(page.actor from 6)
      order by page.at desc, page.id desc`,
  )
  const entries = rows.map(
    (r): AuditEntry => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      actorLabel: actorLabel(r.actor, {
        personName: r.person_name ?? r.user_name,
        personEmail: r.person_email ?? r.user_email,
        tokenName: r.token_name,
      }),
      action: r.action,
      tableName: r.table_name,
      recordId: r.record_id,
      before: r.before,
      after: r.after,
      changed: r.changed,
      detail: r.detail,
    }),
  )
  const first = entries[0]
  const last = entries.at(-1)
  const exists = async (side: SQL) => {
    const [row] = await queryRows<{ yes: boolean }>(
      db,
      sql`select exists (select 1 from audit_log a where ${where} and ${side}) as yes`,
    )
    return row?.yes === true
  }
  if (!first || !last) {
    // An empty page after a cursor: whatever lies beyond the cursor is on the other side.
    return {
      entries,
      hasOlder: options.after ? await exists(sql`true`) : false,
      hasNewer: options.before ? await exists(sql`true`) : false,
    }
  }
  return {
    entries,
    hasNewer: await exists(sql`(a.at, a.id) > (select c.at, c.id from audit_log c where c.id = ${first.id})`),
    hasOlder: await exists(sql`(a.at, a.id) < (select c.at, c.id from audit_log c where c.id = ${last.id})`),
  }
}

/** The tables that have entries in the log, for the filter's list. */
export async function auditedTables(db: DbOrTx): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select distinct table_name from audit_log where table_name is not null order by table_name`,
  )
  return rows.map((r) => r.table_name)
}

/** The query string of a page of the log with these filters (and cursor), for links. */
export function auditQueryString(filters: AuditFilters, cursor: { before?: string; after?: string } = {}) {
  const params = new URLSearchParams()
  for (const field of auditFilterFields) {
    const value = filters[field]
    if (value) params.set(field, value)
  }
  if (cursor.before) params.set('before', cursor.before)
  else if (cursor.after) params.set('after', cursor.after)
  const text = params.toString()
  return text ? `?${text}` : ''
}
