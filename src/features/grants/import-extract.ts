/**
 * A Grants.gov extract into the Hub: recorded in grant_imports first (so a failure is kept with its
 * reason), then read and written in one transaction, so a damaged file writes no opportunity.
 * Only a newer version replaces a kept one (see writeBatch): the same extract twice changes
 * nothing, and an older extract never wins.
 */
import { eq, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { grantImports } from '#src/db/schema/index.ts'
import { readExtract } from './extract-reader.ts'
import { knownElements, type Opportunity, toOpportunity } from './opportunity.ts'
import { writeBatch } from './write-opportunities.ts'

export type GrantImportBy = { personId: string | null; actor: Actor }

export type GrantImportResult = {
  importId: string
  fileName: string
  extractDate: string
  sha256: string
  bytes: number
  records: number
  added: number
  updated: number
  unchanged: number
  closed: number
  unknownElements: Record<string, number>
}

const BATCH = 250

/** The extract's day from its name (GrantsDBExtract20250115v2.xml), or undefined. */
export function extractDateOf(fileName: string): string | undefined {
  const match = /GrantsDBExtract(\d{4})(\d{2})(\d{2})/i.exec(fileName)
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined
}

/** Reads and writes one extract; throws (ExtractSyntaxError, OpportunityProblem) with nothing written. */
export async function importExtract(
  db: Db,
  input: {
    fileName: string
    source: AsyncIterable<Uint8Array>
    via: 'web' | 'cli' | 'fetch'
    by: GrantImportBy
    today: string
    progress?: (read: { records: number; bytes: number }) => void
  },
): Promise<GrantImportResult> {
  const extractDate = extractDateOf(input.fileName) ?? input.today
  const [started] = await writeAs(db, input.by.actor, (tx) =>
    tx
      .insert(grantImports)
      .values({ fileName: input.fileName, extractDate, via: input.via, importedBy: input.by.personId })
      .returning({ id: grantImports.id }),
  )
  const importId = started?.id ?? ''
  const counts = { added: 0, updated: 0, unchanged: 0, closed: 0 }
  try {
    const read = await writeAs(db, input.by.actor, async (tx) => {
      let batch = new Map<string, Opportunity>()
      let pending = 0
      const flush = async () => {
        const written = await writeBatch(tx, [...batch.values()], { importId, extractDate })
        counts.added += written.added
        counts.updated += written.updated
        counts.unchanged += pending - written.added - written.updated
        batch = new Map()
        pending = 0
      }
      const result = await readExtract(input.source, {
        known: knownElements,
        progress: input.progress,
        record: async (record) => {
          const opportunity = toOpportunity(record)
          if (opportunity.closeDate !== null && opportunity.closeDate < extractDate) counts.closed += 1
          const kept = batch.get(opportunity.opportunityId)
          if (!kept || isNewer(opportunity, kept)) batch.set(opportunity.opportunityId, opportunity)
          pending += 1
          if (pending >= BATCH) await flush()
        },
      })
      if (pending > 0) await flush()
      return result
    })
    await writeAs(db, input.by.actor, (tx) =>
      tx
        .update(grantImports)
        .set({
          status: 'done',
          sha256: read.sha256,
          bytes: read.bytes,
          records: read.records,
          ...counts,
          unknownElements: read.unknownElements,
          finishedAt: sql`hub_now()`,
        })
        .where(eq(grantImports.id, importId)),
    )
    return { importId, fileName: input.fileName, extractDate, ...read, ...counts }
  } catch (error) {
    await writeAs(db, input.by.actor, (tx) =>
      tx
        .update(grantImports)
        .set({
          status: 'failed',
          problem: error instanceof Error ? error.message : String(error),
          finishedAt: sql`hub_now()`,
        })
        .where(eq(grantImports.id, importId)),
    )
    throw error
  }
}

/** The order of versions: a synopsis after a forecast, then the Version's number, then the update day. */
export function isNewer(a: Opportunity, b: Opportunity): boolean {
  const rank = (o: Opportunity) => [o.kind === 'synopsis' ? 1 : 0, o.versionNumber] as const
  const [ak, an] = rank(a)
  const [bk, bn] = rank(b)
  if (ak !== bk) return ak > bk
  if (an !== bn) return an > bn
  return a.lastUpdated > b.lastUpdated
}
