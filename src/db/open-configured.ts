import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Config } from '#src/config.ts'
import { AppError } from '#src/lib/errors.ts'
import { type Database, openDatabase } from './client.ts'

/** Opens the database the configuration names: the server at DATABASE_URL, else PGlite in DATA_DIR. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ kind: 'postgres', url: config.databaseUrl })
  const dataDir = path.join(config.dataDir, 'pglite')
  const releaseLock = lockDataDir(config.dataDir)
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir })
    return {
      ...database,
      close: async () => {
        await database.close()
        releaseLock()
      },
    }
  } catch (error) {
    releaseLock()
    throw error
  }
}

/**
 * PGlite is one process's database: a second process on the same folder would
 * corrupt it. A pid file keeps a second Hub (or `hub export`) out while one runs.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const lockFile = path.join(dataDir, 'hub.pid')
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim())
    if (pid && pid !== process.pid && isRunning(pid))
      throw new AppError('CONFLICT', {
        userMessage: `another Hub process (pid ${pid}) is using the data folder ${dataDir}; stop it first, or set DATA_DIR to another folder`,
      })
  } catch (error) {
    if (error instanceof AppError) throw error
  }
  writeFileSync(lockFile, String(process.pid), { flag: 'w' })
  return () => rmSync(lockFile, { force: true })
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
