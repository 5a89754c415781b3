import { createHash, randomBytes } from 'node:crypto'
import { type AnyColumn, and, desc, eq, isNull, sql } from 'drizzle-orm'
import { createMiddleware } from 'hono/factory'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { apiTokens, auditLog, people } from '#src/db/schema/index.ts'
import type { AppEnv } from '#src/http/deps.ts'
import { AppError } from '#src/lib/errors.ts'

export const apiScopes = [
  'organizations:read',
  'audit:read',
  'applications:read',
  'organizations:write',
] as const
export type ApiScope = (typeof apiScopes)[number]

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Creates a named token; the token itself is returned once and only its hash is kept. */
export async function createApiToken(
  db: Db,
  options: { name: string; scopes: ApiScope[]; createdBy: string },
): Promise<{ id: string; token: string }> {
  const name = options.name.trim()
  if (name.length < 1 || name.length > 100)
    throw new AppError('BAD_INPUT', { userMessage: 'A token needs a name of 1 to 100 characters.' })
  if (options.scopes.length === 0)
    throw new AppError('BAD_INPUT', { userMessage: 'Choose at least one scope.' })
  const token = `hub_${randomBytes(24).toString('base64url')}`
  const [row] = await writeAs(db, `person:${options.createdBy}`, (tx) =>
    tx
      .insert(apiTokens)
      .values({
        name,
        prefix: token.slice(0, 10),
        tokenHash: hashToken(token),
        scopes: [...new Set(options.scopes)],
        createdBy: options.createdBy,
      })
      .returning({ id: apiTokens.id }),
  )
  return { id: row?.id ?? '', token }
}

/** A token as the staff list shows it: never its hash. Times are ISO 8601 in UTC. */
export type ApiTokenSummary = {
  id: string
  name: string
  prefix: string
  scopes: string[]
  createdAt: string
  createdByName: string | null
  createdByEmail: string | null
  lastUsedAt: string | null
  revokedAt: string | null
}

const isoUtc = (column: AnyColumn) =>
  sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** Every token, newest first, with who created it. */
export async function listApiTokens(db: DbOrTx): Promise<ApiTokenSummary[]> {
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      createdAt: isoUtc(apiTokens.createdAt),
      createdByName: people.fullName,
      createdByEmail: people.email,
      lastUsedAt: isoUtc(apiTokens.lastUsedAt),
      revokedAt: isoUtc(apiTokens.revokedAt),
    })
    .from(apiTokens)
    .leftJoin(people, eq(people.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
  // created_at is never null, so neither is its text.
  return rows.map((r) => ({ ...r, createdAt: r.createdAt ?? '' }))
}

export async function revokeApiToken(db: Db, options: { id: string; by: string }): Promise<void> {
  const revoked = await writeAs(db, `person:${options.by}`, (tx) =>
    tx
      .update(apiTokens)
      .set({ revokedAt: sql`hub_now()` })
      .where(and(eq(apiTokens.id, options.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id }),
  )
  if (revoked.length === 0) throw new AppError('NOT_FOUND', { userMessage: 'No active token has this id.' })
}

/** The active token a bearer string names, or undefined; every use is recorded in the audit log. */
export async function useApiToken(
  db: Db,
  options: { token: string; request: string },
): Promise<{ id: string; name: string; scopes: string[] } | undefined> {
  const [row] = await db
    .select({ id: apiTokens.id, name: apiTokens.name, scopes: apiTokens.scopes })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(options.token)), isNull(apiTokens.revokedAt)))
  if (!row) return undefined
  await db.transaction(async (tx) => {
    // The call itself is the event worth keeping, not the last-used stamp.
    await tx.execute(sql`select set_config('hub.audit_off', 'on', true)`)
    await tx.update(apiTokens).set({ lastUsedAt: sql`hub_now()` }).where(eq(apiTokens.id, row.id))
    await tx
      .insert(auditLog)
      .values({ actor: `token:${row.id}`, action: 'api_call', detail: options.request })
  })
  return row
}

/**
 * Refuses a request made with an API token that lacks `scope` (403); requests from
 * sessions pass (their permission was checked before). Goes after requirePermission.
 * @example app.get('/api/v1/audit', requirePermission('audit:read'), requireScope('audit:read'), ...)
 */
export function requireScope(scope: ApiScope) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const viewer = c.get('viewer')
    if (viewer?.kind === 'token' && !viewer.scopes.includes(scope))
      return c.json(
        { error: { code: 'FORBIDDEN', message: `This API token does not have the ${scope} scope.` } },
        403,
      )
    return next()
  })
}
