import type { Context } from 'hono'
import type { AppEnv } from '#src/http/deps.ts'

/** The text fields of a posted form (files and repeated names left out). */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody()
  const fields: Record<string, string> = {}
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') fields[key] = value
  return fields
}
