/**
 * Fault drills against real `hub serve` processes, on loopback only:
 *
 * (a) kill -9: a stream of acknowledged writes (PATCH /api/v1/organizations/:id with an API
 *     token), the Hub killed with SIGKILL at a random moment, restarted, N times per engine
 *     (a fresh PGlite folder, and a fresh PostgreSQL database when TEST_DATABASE_URL is set);
 *     then every acknowledged write is looked for. Lost must be 0.
 * (b) listener: on PostgreSQL, the Hub's LISTEN connection is terminated (pg_terminate_backend)
 *     N times; each time the Hub must cache pages again and answer /healthz 200.
 *
 *   npm run drill
 *   DRILL_KILLS=5 DRILL_LISTENER_LOSSES=5 npm run drill
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run drill
 *
 * Bounded: at most DRILL_KILLS rounds per engine, and no new round after DRILL_SECONDS (default
 * 75) per engine; a busy machine gets fewer kills (the table says how many).
 * Exit code 1 when a write was lost or the listener did not come back.
 */
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { loadConfig } from '#src/config.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import { openConfiguredDatabase } from '#src/db/open-configured.ts'
import { queryRows } from '#src/db/sql.ts'
import { createApiToken } from '#src/features/access/api-tokens.ts'
import { isFromPageCache, productionHubEnv, startHubServe } from './start-hub.ts'

const KILLS = Number(process.env.DRILL_KILLS ?? 20)
const LISTENER_LOSSES = Number(process.env.DRILL_LISTENER_LOSSES ?? 20)
const ENGINE_BUDGET_MS = Number(process.env.DRILL_SECONDS ?? 75) * 1000
const RECOVERY_TIMEOUT_MS = 15_000
const HOST = '127.0.0.1'

type Engine = 'pglite' | 'postgres'
type Env = Record<string, string>

// Production mode: no demo network to load, so a restart is quick. SMTP is never contacted.
const baseEnv = (): Env => productionHubEnv({ HOST, LOG_LEVEL: 'silent' })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts `hub serve`; resolves with its URL once it listens. */
const startHub = (env: Env) => startHubServe(env)

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

/** One organisation per round and a write token, made with the Hub's own functions before it runs. */
async function prepare(env: Env, rounds: number): Promise<string> {
  const database = await openConfiguredDatabase(loadConfig(env))
  try {
    await migrateDatabase(database)
    const [person] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into people (full_name, email) values ('Drill Operator', 'drill@example.org') returning id`,
    )
    for (let round = 0; round < rounds; round++)
      await database.db.execute(
        sql`insert into organizations (slug, name, category) values (${`drill-${round}`}, ${`Drill ${round}`}, 'member')`,
      )
    const { token } = await createApiToken(database.db, {
      name: 'drill',
      scopes: ['organizations:write'],
      createdBy: person?.id ?? '',
    })
    return token
  } finally {
    await database.close()
  }
}

type KillFigures = { engine: Engine; kills: number; acknowledged: number; found: number; lost: number }

async function killDrill(engine: Engine, env: Env): Promise<KillFigures> {
  const token = await prepare(env, KILLS)
  const acknowledged: string[][] = []
  const started = Date.now()
  let kills = 0
  for (let round = 0; round < KILLS && Date.now() - started < ENGINE_BUDGET_MS; round++) {
    const hub = await startHub(env)
    const acked: string[] = []
    acknowledged.push(acked)
    let isKilled = false
    let firstAck: () => void = () => {}
    const acked1 = new Promise<void>((resolve) => {
      firstAck = resolve
    })
    // At a random moment once writes flow (the first one can take seconds on a busy machine).
    const killer = Promise.race([acked1, sleep(20_000)])
      .then(() => sleep(Math.random() * 1500))
      .then(() => {
        isKilled = true
        hub.child.kill('SIGKILL')
      })
    for (let write = 0; !isKilled; write++) {
      const name = `partner ${round}-${write}`
      try {
        const response = await fetch(`${hub.url}/api/v1/organizations/drill-${round}`, {
          method: 'PATCH',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ partners: [...acked, name] }),
        })
        if (response.ok) {
          acked.push(name)
          firstAck()
        } else if (!isKilled) throw new Error(`a write answered ${response.status}: ${await response.text()}`)
      } catch (error) {
        if (!isKilled) throw error
      }
    }
    await killer
    await exited(hub.child)
    kills++
  }
  // The restart that counts: everything acknowledged must be there.
  const database = await openConfiguredDatabase(loadConfig(env))
  let found = 0
  try {
    for (const [round, names] of acknowledged.entries()) {
      const rows = await queryRows<{ name: string }>(
        database.db,
        sql`select p.name from organization_partners p join organizations o on o.id = p.organization_id
            where o.slug = ${`drill-${round}`}`,
      )
      const stored = new Set(rows.map((r) => r.name))
      found += names.filter((n) => stored.has(n)).length
    }
  } finally {
    await database.close()
  }
  const total = acknowledged.reduce((sum, names) => sum + names.length, 0)
  return { engine, kills, acknowledged: total, found, lost: total - found }
}

type ListenerFigures = { losses: number; recovered: number; slowestRecoveryMs: number }

async function listenerDrill(env: Env, databaseName: string, adminUrl: string): Promise<ListenerFigures> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  const hub = await startHub(env)
  const listenerPid = async () =>
    (
      await admin.query<{ pid: number }>(
        "select pid from pg_stat_activity where datname = $1 and query ilike 'LISTEN%'",
        [databaseName],
      )
    ).rows[0]?.pid
  const isServingFromCache = async () => {
    const health = await fetch(`${hub.url}/healthz`)
    if (health.status !== 200) return false
    await fetch(`${hub.url}/`)
    return isFromPageCache((await fetch(`${hub.url}/`)).headers.get('X-Cache'))
  }
  let recovered = 0
  let slowest = 0
  try {
    for (let loss = 0; loss < LISTENER_LOSSES; loss++) {
      const deadline = Date.now() + RECOVERY_TIMEOUT_MS
      let pid = await listenerPid()
      while (pid === undefined && Date.now() < deadline) {
        await sleep(50)
        pid = await listenerPid()
      }
      if (pid === undefined) break
      const lostAt = Date.now()
      await admin.query('select pg_terminate_backend($1)', [pid])
      let isBack = false
      while (!isBack && Date.now() < lostAt + RECOVERY_TIMEOUT_MS) {
        const now = await listenerPid()
        isBack = now !== undefined && now !== pid && (await isServingFromCache())
        if (!isBack) await sleep(50)
      }
      if (!isBack) break
      recovered++
      slowest = Math.max(slowest, Date.now() - lostAt)
    }
  } finally {
    hub.child.kill('SIGTERM')
    await Promise.race([exited(hub.child), sleep(15_000)])
    if (hub.child.exitCode === null && hub.child.signalCode === null) hub.child.kill('SIGKILL')
    await admin.end()
  }
  return { losses: LISTENER_LOSSES, recovered, slowestRecoveryMs: slowest }
}

function requireLoopback(url: string): void {
  const host = new URL(url).hostname
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host))
    throw new Error(`the drills run on loopback only; TEST_DATABASE_URL points at ${host}`)
}

async function main(): Promise<number> {
  const started = Date.now()
  const kills: KillFigures[] = []
  let listener: ListenerFigures | undefined

  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-drill-'))
  try {
    kills.push(await killDrill('pglite', { ...baseEnv(), DATA_DIR: path.join(dir, 'data') }))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    requireLoopback(serverUrl)
    const name = `hub_drill_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    const env = { ...baseEnv(), DATABASE_URL: url.toString() }
    try {
      kills.push(await killDrill('postgres', env))
      listener = await listenerDrill(env, name, serverUrl)
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  } else console.log('skipped PostgreSQL drills: TEST_DATABASE_URL is not set')

  console.log('\nkill -9 drill (acknowledged PATCH writes, SIGKILL at a random moment, restart)')
  console.log('engine    kills  acknowledged  found  lost')
  for (const k of kills)
    console.log(
      `${k.engine.padEnd(9)} ${String(k.kills).padStart(5)}  ${String(k.acknowledged).padStart(12)}  ${String(k.found).padStart(5)}  ${String(k.lost).padStart(4)}`,
    )
  if (listener) {
    console.log('\nlistener drill (pg_terminate_backend of the LISTEN connection)')
    console.log('losses  recovered  slowest recovery')
    console.log(
      `${String(listener.losses).padStart(6)}  ${String(listener.recovered).padStart(9)}  ${(listener.slowestRecoveryMs / 1000).toFixed(1)} s`,
    )
  }
  console.log(`\nthe drills took ${Math.round((Date.now() - started) / 1000)} s`)
  const isFailed = kills.some((k) => k.lost > 0) || (listener && listener.recovered < listener.losses)
  return isFailed ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  },
)
