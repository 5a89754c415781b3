import { sql } from 'drizzle-orm'
import type { Tx } from '#src/db/client.ts'
import { isHubPath } from '#src/lib/markdown.ts'

/**
 * Records many old addresses at once, by the rule of the site feature's recordRedirect: the
 * old address now goes to the new one (replacing what it went to), and any address that went
 * to the old one goes to the new one too (no chains). One statement per thousand instead of
 * two per address: an export of 20,000 posts has 60,000 old addresses.
 */
export async function recordRedirects(tx: Tx, pairs: [from: string, to: string][]): Promise<void> {
  for (const [from, to] of pairs)
    if (!isHubPath(to)) throw new Error(`a redirect goes to a path of the Hub, not ${to} (from ${from})`)
  const wanted = pairs.filter(([from, to]) => from !== to)
  for (let i = 0; i < wanted.length; i += 1000) {
    const chunk = JSON.stringify(wanted.slice(i, i + 1000).map(([f, t]) => ({ f, t })))
    await tx.execute(sql`
      insert into redirects (from_path, to_path)
      select f, t from jsonb_to_recordset(${chunk}::jsonb) as n(f text, t text)
      on conflict (from_path) do update set to_path = excluded.to_path`)
    await tx.execute(sql`
      update redirects r set to_path = n.t
      from jsonb_to_recordset(${chunk}::jsonb) as n(f text, t text)
      where r.to_path = n.f`)
  }
}
