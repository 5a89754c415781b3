/**
 * Oversized request bodies against a real `hub serve` process (a fresh PGlite folder, loopback):
 * each probe streams a body with `Transfer-Encoding: chunked` (no Content-Length), as
 * `curl -H 'Transfer-Encoding: chunked' -F f=@- /sign-in` did with 600 MB, and keeps writing
 * after the answer until the server stops reading. Reported per probe: the answer, how much
 * was written before it, and the Hub's resident memory (VmRSS) before and after, with its peak
 * (VmHWM) over the whole run.
 *
 *   npm run bench:bodies
 *   BENCH_BODY_MB=100 npm run bench:bodies -- --json
 *
 * Exit code 1 when a probe was not refused with 413 or the Hub stopped answering /healthz.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { productionHubEnv, startHubServe } from './start-hub.ts'

const BODY_MB = Number(process.env.BENCH_BODY_MB ?? 600)
const asJson = process.argv.includes('--json')
const MB = 1024 * 1024

/** Starts `hub serve` in production mode (no demo to load); resolves once it listens. */
const startHub = (dataDir: string) => startHubServe(productionHubEnv({ DATA_DIR: dataDir }), 120_000)

async function memory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) =>
    Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN)
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) }
}

type Probe = { name: string; method: string; path: string; headers: Record<string, string>; head: string }

/**
 * Streams `total` bytes after `head`, like a client that does not stop when answered; stops when
 * the server closes the connection. Resolves with the answer and the bytes written before it.
 */
function stubbornUpload(url: string, probe: Probe, total: number) {
  return new Promise<{ status: number; body: string; writtenBeforeAnswer: number; written: number }>(
    (resolve) => {
      const chunk = Buffer.alloc(64 * 1024, 0x61)
      let written = 0
      let writtenBeforeAnswer = -1
      let status = 0
      let body = ''
      let done = false
      const finish = () => {
        if (done) return
        done = true
        resolve({ status, body, writtenBeforeAnswer, written })
      }
      const req = http.request(`${url}${probe.path}`, {
        method: probe.method,
        headers: { ...probe.headers, 'Transfer-Encoding': 'chunked' },
      })
      req.on('response', (res) => {
        status = res.statusCode ?? 0
        writtenBeforeAnswer = written
        res.setEncoding('utf8')
        res.on('data', (part: string) => {
          body += part
        })
      })
      req.on('error', finish)
      req.on('close', finish)
      const write = () => {
        while (written < total && !req.destroyed) {
          written += chunk.length
          if (!req.write(chunk)) return void req.once('drain', write)
        }
        if (!req.destroyed) req.end()
      }
      req.write(probe.head)
      write()
    },
  )
}

const BOUNDARY = 'bench-boundary'
const multipart = {
  'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
  Origin: 'http://127.0.0.1',
}
const fileHead = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="f"; filename="-"\r\n\r\n`
const probes: Probe[] = [
  { name: 'sign-in form (64 KB)', method: 'POST', path: '/sign-in', headers: multipart, head: fileHead },
  {
    name: 'evidence upload (20 MB a file)',
    method: 'POST',
    path: '/applications/00000000-0000-4000-8000-000000000000/evidence',
    headers: multipart,
    head: fileHead,
  },
  {
    name: 'JSON API (512 KB)',
    method: 'PATCH',
    path: '/api/v1/organizations/any',
    headers: { 'Content-Type': 'application/json' },
    head: '{"summary":"',
  },
]

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-bench-bodies-'))
const hub = await startHub(dataDir)
const pid = hub.child.pid as number
let failed = false
const results: Record<string, unknown>[] = []
try {
  for (let i = 0; i < 20; i++) await (await fetch(`${hub.url}/healthz`)).text()
  const start = await memory(pid)
  for (const probe of probes) {
    const before = await memory(pid)
    const answer = await stubbornUpload(hub.url, probe, BODY_MB * MB)
    const health = (await fetch(`${hub.url}/healthz`)).status
    const after = await memory(pid)
    if (answer.status !== 413 || health !== 200) failed = true
    results.push({
      probe: probe.name,
      status: answer.status,
      sentMb: Math.round(answer.written / MB),
      writtenBeforeAnswerKb: Math.round(answer.writtenBeforeAnswer / 1024),
      rssBeforeMb: before.rss,
      rssAfterMb: after.rss,
      healthz: health,
    })
  }
  const end = await memory(pid)
  const summary = {
    bodyMb: BODY_MB,
    rssStartMb: start.rss,
    peakBeforeProbesMb: start.peak,
    rssEndMb: end.rss,
    peakAfterProbesMb: end.peak,
    results,
  }
  if (asJson) console.log(JSON.stringify(summary, null, 2))
  else {
    console.log(
      `Each probe streams up to ${BODY_MB} MB chunked (no Content-Length) and keeps writing after the answer.`,
    )
    for (const r of results)
      console.log(
        `${String(r.probe).padEnd(32)} ${r.status}  answered after ${r.writtenBeforeAnswerKb} KB, ${r.sentMb} MB written before the Hub closed  RSS ${r.rssBeforeMb} -> ${r.rssAfterMb} MB  /healthz ${r.healthz}`,
      )
    console.log(
      `Hub RSS: ${start.rss} MB before the probes (peak so far ${start.peak} MB, from start-up), ${end.rss} MB after them; peak over the run ${end.peak} MB.`,
    )
  }
} finally {
  hub.child.kill('SIGTERM')
  await new Promise((resolve) => hub.child.once('exit', resolve))
  await rm(dataDir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
