import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const hubBin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/hub.js')

/**
 * The environment of a benchmark's Hub: production mode (no demo network to load, so a start
 * is quick), on 127.0.0.1 and a free port; SMTP is never contacted.
 */
export const productionHubEnv = (extra: Record<string, string>): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  NODE_ENV: 'production',
  AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  SMTP_URL: 'smtp://127.0.0.1:1',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'warn',
  ...extra,
})

/**
 * Whether an answer came from the page cache: `hit` when the app sent it from the cache, `ready`
 * when the server's fast path sent a visitor the kept answer before the app ran (ready-answers.ts).
 */
export const isFromPageCache = (xCache: string | null): boolean => xCache === 'hit' || xCache === 'ready'

/** Starts `hub serve` with `env`; resolves with its URL once it listens, or fails after `timeoutMs`. */
export function startHubServe(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hubBin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`hub serve did not start within ${timeoutMs / 1000} s:\n${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk
      const match = output.match(/listening on (http:\/\/\S+)/)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ child, url: match[1] })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`hub serve exited with ${code}:\n${output}`))
    })
  })
}

/**
 * A throwaway database on the PostgreSQL server at BENCH_POSTGRES_URL (default the local test
 * server), named `prefix` and a random suffix; undefined, said on stderr, when there is no server.
 */
export async function throwawayServerDatabase(
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      await client.query(text)
    } finally {
      await client.end()
    }
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`
  try {
    await admin(`CREATE DATABASE ${name}`)
  } catch (error) {
    process.stderr.write(`PostgreSQL skipped: ${(error as Error).message}\n`)
    return undefined
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}
