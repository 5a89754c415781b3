import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runHub, startHubProcess } from '../support/run-hub.ts'

type Hub = Awaited<ReturnType<typeof startHubProcess>>

// Production mode on loopback: no demo network to load, so each start is quick. SMTP is never contacted.
const quick = {
  NODE_ENV: 'production',
  AUTH_SECRET: 'lock-test-secret-lock-test-secret-0123456',
  SMTP_URL: 'smtp://127.0.0.1:1',
  HOST: '127.0.0.1',
}

// The lock is the same on both engines' runs (it guards PGlite folders): run it once.
describe('one Hub process per data folder', () => {
  let dir: string
  let first: Hub | undefined
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hub-lock-'))
  })
  afterAll(async () => {
    if (first && first.child.exitCode === null && first.child.signalCode === null) await first.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('refuses a second hub serve and a hub export, even with every loose file in the folder deleted', async () => {
    const env = { ...quick, DATA_DIR: dir }
    first = await startHubProcess(env)
    // What an operator might delete to "unstick" a start: anything that is not the database itself.
    for (const name of await readdir(dir))
      if (name !== 'pglite') await rm(path.join(dir, name), { recursive: true })

    const second = await runHub(['serve'], { ...env, PORT: '0' })
    expect(second.code).toBe(1)
    expect(second.stderr).toContain(`another Hub process holds the data folder ${dir}`)

    const exported = await runHub(['export'], env)
    expect(exported.code).toBe(1)
    expect(exported.stderr).toContain(`another Hub process holds the data folder ${dir}`)
    expect(exported.stdout).toBe('')

    // The first Hub still answers: the refused commands did not touch it.
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200)
  }, 120_000)

  it('lets the next start in at once after the holder is killed with SIGKILL', async () => {
    if (!first) throw new Error('the first Hub did not start')
    const exited = new Promise((resolve) => first?.child.once('close', resolve))
    first.child.kill('SIGKILL')
    await exited
    const next = await startHubProcess({ ...quick, DATA_DIR: dir })
    try {
      expect((await fetch(`${next.url}/healthz`)).status).toBe(200)
    } finally {
      expect(await next.stop()).toBe(0)
    }
  }, 120_000)
})
