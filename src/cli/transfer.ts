/** `hub export` and `hub import`: the document streams through, in bounded memory. */
import { once } from 'node:events'
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Config } from '#src/config.ts'
import type { Database } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import { openConfiguredDatabase } from '#src/db/open-configured.ts'
import { exportNetwork, importNetwork, isRefusedExport, verifyExport } from '#src/features/transfer/index.ts'

/** The exit status of every refused document, the same as other refused input (usage errors). */
export const REFUSED_DOCUMENT = 2

/** Writes the export to `out`, waiting whenever the reader falls behind. */
export async function exportTo(database: Database, out: NodeJS.WritableStream): Promise<void> {
  await migrateDatabase(database)
  await exportNetwork(database.db, async (text) => {
    if (!out.write(text)) await once(out, 'drain')
  })
}

/**
 * Checks the document first (structure, counts, checksums) without opening any database, then
 * opens or creates it, migrates, and imports in one transaction. A refused document leaves no
 * data folder behind when there was none before. Returns the exit status.
 */
export async function importFrom(
  config: Config,
  file: string,
  io: { say: (line: string) => void; stdin: NodeJS.ReadableStream },
): Promise<number> {
  const spooled = file === '-' ? await spoolStdin(io.stdin) : undefined
  const source = () => createReadStream(spooled?.file ?? file)
  const shown = file === '-' ? 'the export on stdin' : file
  const refuse = (error: unknown) => {
    if (!isRefusedExport(error)) throw error
    io.say(`hub: cannot import ${shown}: ${error.userMessage}`)
    return REFUSED_DOCUMENT
  }
  try {
    try {
      await verifyExport(source)
    } catch (error) {
      return refuse(error)
    }
    const isNewFolder = !config.databaseUrl && !existsSync(config.dataDir)
    try {
      const database = await openConfiguredDatabase(config)
      try {
        await migrateDatabase(database)
        const counts = await importNetwork(database.db, source)
        const total = Object.values(counts).reduce((a, b) => a + b, 0)
        io.say(`Imported ${total} rows into ${Object.keys(counts).length} tables.`)
        return 0
      } finally {
        await database.close()
      }
    } catch (error) {
      if (isNewFolder) await rm(config.dataDir, { recursive: true, force: true })
      return refuse(error)
    }
  } finally {
    await spooled?.remove()
  }
}

/** Standard input is read twice (check, then import): it goes to a temporary file first. */
async function spoolStdin(
  stdin: NodeJS.ReadableStream,
): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-import-'))
  const file = path.join(dir, 'export.ndjson')
  const remove = () => rm(dir, { recursive: true, force: true })
  try {
    await pipeline(stdin, createWriteStream(file))
  } catch (error) {
    await remove()
    throw error
  }
  return { file, remove }
}
