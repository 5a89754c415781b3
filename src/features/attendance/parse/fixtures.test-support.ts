import { readFileSync } from 'node:fs'
import path from 'node:path'

const dir = path.resolve(import.meta.dirname, '../../../../tests/fixtures/attendance')

/** The bytes of a file in tests/fixtures/attendance. */
export const fixture = (name: string): Uint8Array => readFileSync(path.join(dir, name))

export const NY = 'America/New_York'

/** A participant as [name, email, minutes] for compact expectations. */
export const summary = (p: { name: string; email: string | null; seconds: number }) => [
  p.name,
  p.email,
  p.seconds,
]
