import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import type { Config } from '#src/config.ts'
import { AppError } from '#src/lib/errors.ts'
import { logger } from '#src/lib/logger.ts'
import { type BufferPool, type Database, openDatabase } from './client.ts'
import { classifyFailure } from './failures.ts'

// What to undo when a start fails: the lock, and the data folder if this start created it.
const cleanups = new WeakMap<Database, () => Promise<void>>()

/**
 * Opens the database the configuration names: the server at DATABASE_URL, else PGlite in
 * DATA_DIR, with a small buffer pool unless told it serves pages (see BUFFER_POOLS).
 */
export async function openConfiguredDatabase(
  config: Config,
  options: { bufferPool?: BufferPool } = {},
): Promise<Database> {
  if (config.databaseUrl)
    return openDatabase({ kind: 'postgres', url: config.databaseUrl, clock: config.clock })
  const folder = path.resolve(config.dataDir)
  const created = makeDataFolder(folder)
  const removeCreated = () => {
    if (created) rmSync(created, { recursive: true, force: true })
  }
  let releaseLock: () => Promise<void>
  try {
    releaseLock = await lockDataFolder(folder)
  } catch (error) {
    removeCreated()
    throw error
  }
  try {
    const inner = await openDatabase({
      kind: 'pglite',
      dataDir: path.join(folder, 'pglite'),
      bufferPool: options.bufferPool,
      clock: config.clock,
    })
    const database: Database = {
      ...inner,
      close: async () => {
        try {
          await inner.close()
        } finally {
          await releaseLock()
        }
      },
    }
    cleanups.set(database, async () => {
      await inner.close().catch(() => {})
      removeCreated()
      await releaseLock()
    })
    return database
  } catch (error) {
    removeCreated()
    await releaseLock()
    throw storageFailureIn(folder, error)
  }
}

/**
 * Closes a database after a start that failed. A data folder that did not exist before this
 * start is removed again, so that a failed first start (read-only or full disk) leaves nothing
 * half-built behind for the next one to trip on.
 */
export async function closeAfterFailedStart(database: Database): Promise<void> {
  const cleanup = cleanups.get(database)
  if (cleanup) await cleanup()
  else await database.close()
}

/** Creates `folder` and any missing parents; returns the topmost folder it created, if any. */
function makeDataFolder(folder: string): string | undefined {
  const missing: string[] = []
  for (let current = folder; !existsSync(current); current = path.dirname(current)) {
    missing.unshift(current)
    if (path.dirname(current) === current) break
  }
  try {
    // One level at a time: a recursive mkdir reports ENOENT where the disk said EROFS.
    for (const level of missing) mkdirSync(level)
  } catch (error) {
    if (missing[0] && existsSync(missing[0])) rmSync(missing[0], { recursive: true, force: true })
    throw storageFailureIn(folder, error)
  }
  return missing[0]
}

function storageFailureIn(folder: string, error: unknown): unknown {
  return classifyFailure(error, { folder }) ?? error
}

/**
 * PGlite is one process's database: a second process on the same folder loses data. The lock
 * must be released by the operating system when its holder dies, and must not be a file that
 * an operator can delete.
 *
 * - Linux: the process listens on an abstract Unix socket named after the folder's device and
 *   inode. Abstract sockets have no file; the kernel frees the name when the process exits or
 *   is killed, so a crash never leaves a stale lock and no delete lets a second process in.
 *   Scope: processes in the same network namespace (one machine, or one container). Two
 *   containers with their own network namespaces sharing one volume are not kept apart.
 * - Other platforms (macOS, Windows have no abstract sockets): a hub.pid file, checked against
 *   running processes. Weaker: deleting the file, or a reused pid, defeats it.
 */
async function lockDataFolder(folder: string): Promise<() => Promise<void>> {
  if (process.platform !== 'linux') return lockWithPidFile(folder)
  const { dev, ino } = statSync(folder)
  const name = `\0collaborative-hub:${createHash('sha256').update(`${dev}:${ino}`).digest('hex')}`
  const server = createServer((socket) => socket.destroy())
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new AppError('CONFLICT', {
              userMessage: `another Hub process holds the data folder ${folder}; stop it first, or set DATA_DIR to another folder`,
            })
          : error,
      ),
    )
    server.listen({ path: name }, () => resolve())
  })
  // The lock must not keep a finished command (hub migrate, hub export) alive.
  server.unref()
  return () => new Promise<void>((resolve) => server.close(() => resolve()))
}

function lockWithPidFile(folder: string): () => Promise<void> {
  logger.warn(
    { folder, platform: process.platform },
    'data folder lock: hub.pid only on this platform (deleting it, or a reused pid, lets a second process in)',
  )
  const lockFile = path.join(folder, 'hub.pid')
  let pid = 0
  try {
    pid = Number(readFileSync(lockFile, 'utf8').trim())
  } catch {
    pid = 0
  }
  if (pid && pid !== process.pid && isRunning(pid))
    throw new AppError('CONFLICT', {
      userMessage: `another Hub process (pid ${pid}, from ${lockFile}) holds the data folder ${folder}; stop it first, or set DATA_DIR to another folder`,
    })
  writeFileSync(lockFile, String(process.pid), { flag: 'w' })
  return async () => rmSync(lockFile, { force: true })
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
