import { sql } from 'drizzle-orm'
import type { DbOrTx, Tx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { oldAddressSpellings } from '#src/features/site/commands.ts'
import { batchesOf } from '#src/lib/batches.ts'
import { isHubPath } from '#src/lib/markdown.ts'
import { existingRedirects } from './existing.ts'
import type { Plan } from './plan.ts'
import { siteSpellings } from './site-key.ts'

/**
 * What an import wrote to one old address: its new address, and where that old address went
 * before (a redirect of an earlier import of the same site), or null when there was none. Kept
 * in the import's record, so that undoing the import removes exactly these and puts back what
 * they replaced.
 */
export type RedirectLogEntry = [from: string, to: string, previous: string | null]

export type RedirectCounts = { created: number; unchanged: number; skipped?: number }

export type SettledRedirects = { counts: RedirectCounts; warnings: string[] }

/**
 * Which of the plan's redirects to write. An old address that already goes to the same place
 * is unchanged. One that goes elsewhere is replaced only when an import of this same site wrote
 * it there: a redirect staff made, or another site's import did, is never repointed,
 * and neither is one recorded for the address with or without its trailing slash (the Hub
 * follows both spellings, and could not choose between two). Addresses the Hub answers itself
 * were left out by the plan and are counted as skipped here. `write` is given each chunk's
 * redirects to write as soon as they are settled (none on a dry run).
 */
export async function settleRedirects(
  db: DbOrTx,
  plan: Plan,
  write?: (entries: RedirectLogEntry[]) => Promise<void>,
): Promise<SettledRedirects> {
  const counts: RedirectCounts = { created: 0, unchanged: 0 }
  const kept: string[] = []
  // A chunk of old addresses at a time, written before the next is read: neither what is recorded
  // for them (a re-import finds a redirect for every one) nor what is written is held for all.
  for (const chunk of batchesOf(plan.redirects, SETTLE_CHUNK)) {
    const known = await existingRedirects(db, [
      ...new Set(chunk.flatMap(([from]) => oldAddressSpellings(from))),
    ])
    /** The spellings of an old address recorded as going somewhere else than `to`. */
    const elsewhere = (from: string, to: string) =>
      oldAddressSpellings(from).filter((f) => known.has(f) && known.get(f) !== to)
    // Only those need asking who recorded them (on a re-import, few or none).
    const asked = chunk.flatMap(([from, to]) => (known.get(from) === to ? [] : elsewhere(from, to)))
    const ours = await importedRedirects(db, plan.site, [...new Set(asked)])
    const isOurs = (from: string) => ours.has(`${from}\n${known.get(from)}`)
    const settled: RedirectLogEntry[] = []
    for (const [from, to] of chunk) {
      const before = known.get(from)
      if (before === to) counts.unchanged += 1
      else if (elsewhere(from, to).some((f) => !isOurs(f))) kept.push(from)
      else settled.push([from, to, before ?? null])
    }
    counts.created += settled.length
    if (settled.length > 0) await write?.(settled)
  }
  const skipped = plan.hubAddresses.size + kept.length
  if (skipped > 0) counts.skipped = skipped
  return { counts, warnings: kept.length > 0 ? [keptWarning(kept)] : [] }
}

const SETTLE_CHUNK = 5000

function keptWarning(kept: string[]): string {
  const one = kept.length === 1
  const some = kept.slice(0, 5).join(', ')
  const more = kept.length > 5 ? ` and ${kept.length - 5} more` : ''
  return `${kept.length} old ${one ? 'address already redirects' : 'addresses already redirect'} elsewhere, made by staff or another import, and ${one ? 'is' : 'are'} kept as ${one ? 'it is' : 'they are'}: ${some}${more}.`
}

/**
 * The (old address, new address) pairs that imports of this site wrote. An undone import's
 * pairs count too: what its undo left in place (a redirect to an item it only updated) is
 * still the import's, and an undone pair no longer matches the redirect it removed or put back.
 */
async function importedRedirects(db: DbOrTx, site: string, froms: string[]): Promise<Set<string>> {
  if (froms.length === 0) return new Set()
  const rows = await queryRows<{ from: string; to: string }>(
    db,
    sql`select distinct e.from_path as "from", e.to_path as "to"
        from wordpress_imports w join wordpress_import_redirects e on e.import_id = w.id
        where w.site_url in (select jsonb_array_elements_text(${JSON.stringify(siteSpellings(site))}::jsonb))
          and e.from_path in (select jsonb_array_elements_text(${JSON.stringify(froms)}::jsonb))`,
  )
  return new Set(rows.map((r) => `${r.from}\n${r.to}`))
}

/**
 * Writes the settled redirects, a thousand per statement (a large export has tens of thousands
 * of old addresses). Only the old addresses themselves: no other redirect is repointed.
 */
export async function writeRedirects(tx: Tx, importId: string, log: RedirectLogEntry[]): Promise<void> {
  for (const [from, to] of log)
    if (!isHubPath(to)) throw new Error(`a redirect goes to a path of the Hub, not ${to} (from ${from})`)
  for (const entries of batchesOf(log, 1000)) {
    const chunk = JSON.stringify(entries.map(([f, t, p]) => ({ f, t, p })))
    // The redirects, and the import's own record of them for its undo, from one reading of the chunk.
    await tx.execute(sql`
      with n as (select * from jsonb_to_recordset(${chunk}::jsonb) as n(f text, t text, p text)),
        written as (insert into redirects (from_path, to_path) select f, t from n
          on conflict (from_path) do update set to_path = excluded.to_path)
      insert into wordpress_import_redirects (import_id, from_path, to_path, previous_path)
      select ${importId}, f, t, p from n`)
  }
}

/** What an import's log says it wrote to old addresses (see RedirectLogEntry). */
export async function loggedRedirects(db: DbOrTx, importId: string): Promise<RedirectLogEntry[]> {
  const rows = await queryRows<{ from: string; to: string; previous: string | null }>(
    db,
    sql`select from_path as "from", to_path as "to", previous_path as "previous"
        from wordpress_import_redirects where import_id = ${importId}`,
  )
  return rows.map((r) => [r.from, r.to, r.previous])
}

/**
 * Undoes what an import's log says it wrote: an old address that still goes where the import
 * sent it is removed, or sent back where it went before. One that staff or a later import
 * changed since is left as it is. Returns how many were removed or put back. (The caller
 * passes only the entries that lead to what the undo removes.)
 */
export async function undoRedirects(tx: Tx, log: RedirectLogEntry[]): Promise<number> {
  let undone = 0
  for (const entries of batchesOf(log, 1000)) {
    const chunk = JSON.stringify(entries.map(([f, t, p]) => ({ f, t, p })))
    const removed = await queryRows<{ from: string }>(
      tx,
      sql`delete from redirects r using jsonb_to_recordset(${chunk}::jsonb) as n(f text, t text, p text)
          where r.from_path = n.f and r.to_path = n.t and n.p is null
          returning r.from_path as "from"`,
    )
    const restored = await queryRows<{ from: string }>(
      tx,
      sql`update redirects r set to_path = n.p from jsonb_to_recordset(${chunk}::jsonb) as n(f text, t text, p text)
          where r.from_path = n.f and r.to_path = n.t and n.p is not null
          returning r.from_path as "from"`,
    )
    undone += removed.length + restored.length
  }
  return undone
}
