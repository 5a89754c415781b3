import { type ChildProcess, spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

const hubBin = path.resolve(import.meta.dirname, '../../bin/hub.js')

export type HubRun = { code: number | null; stdout: string; stderr: string }

/** Runs the real `hub` command in a child process with the given environment. */
export function runHub(args: string[], env: Record<string, string>, stdin?: string): Promise<HubRun> {
  return spawnHub(args, env, stdin).done
}

export type MeasuredHubRun = HubRun & { peakMb: number }

/** Runs `hub` as runHub does, reading the child's peak RSS (VmHWM, from /proc) every 50 ms until it exits. */
export async function runHubMeasured(args: string[], env: Record<string, string>): Promise<MeasuredHubRun> {
  const { child, done } = spawnHub(args, env)
  let peakKb = 0
  const poll = setInterval(async () => {
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '')
    peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))
  }, 50)
  try {
    return { ...(await done), peakMb: peakKb / 1024 }
  } finally {
    clearInterval(poll)
  }
}

function spawnHub(args: string[], env: Record<string, string>, stdin?: string) {
  const child = spawn(process.execPath, [hubBin, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
  })
  const done = new Promise<HubRun>((resolve, reject) => {
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin ?? '')
  })
  return { child, done }
}

/** Starts `hub serve` and resolves once it says where it listens. */
export function startHubProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string; stop: () => Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hubBin, 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'warn',
        PORT: '0',
        ...env,
      },
    })
    let output = ''
    const timer = setTimeout(() => reject(new Error(`hub serve did not start:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk
      const match = output.match(/listening on (http:\/\/\S+)/)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({
          child,
          url: match[1],
          output: () => output,
          stop: () =>
            new Promise((done) => {
              child.once('close', (code) => done(code))
              child.kill('SIGTERM')
            }),
        })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('close', (code) => {
      clearTimeout(timer)
      reject(new Error(`hub serve exited with ${code}:\n${output}`))
    })
  })
}
