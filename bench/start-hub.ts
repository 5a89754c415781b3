import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

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
