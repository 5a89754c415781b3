import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The secret that signs sessions: AUTH_SECRET when set (required in production),
 * otherwise one made once and kept in the data folder, so that every process that
 * shares the folder (and a restart) agrees on it.
 */
export function resolveAuthSecret(options: { authSecret?: string; dataDir: string }): string {
  if (options.authSecret) return options.authSecret
  const file = path.join(options.dataDir, 'auth-secret')
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    mkdirSync(options.dataDir, { recursive: true })
    const secret = randomBytes(32).toString('base64url')
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
    return readFileSync(file, 'utf8').trim()
  }
}
