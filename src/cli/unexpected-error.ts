import { databaseMessage } from '#src/db/sql.ts'

const LONGEST = 300

/** The first line of a message, cut to a readable length. */
const oneLine = (message: string): string => {
  const line = message.split('\n', 1)[0] ?? ''
  return line.length > LONGEST ? `${line.slice(0, LONGEST)}…` : line
}

/** drizzle's DrizzleQueryError: its message is the whole statement and its parameters (a stored file's bytes, say). */
const isQueryError = (error: Error): boolean =>
  typeof (error as { query?: unknown }).query === 'string' && 'params' in error

/**
 * What `hub` prints for an error it did not expect, never a whole statement or file: a
 * failed query as the database's own words in one line (not drizzle's "Failed query: <sql>
 * params: <...>"); anything else as its first line, cut to 300 characters, and where it happened.
 */
export function unexpectedErrorText(error: unknown, describe: (error: unknown) => string): string {
  if (!(error instanceof Error)) return `hub: unexpected error: ${oneLine(describe(error))}\n`
  if (isQueryError(error)) return `hub: a database query failed: ${oneLine(databaseMessage(error))}\n`
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
  return `hub: unexpected error: ${oneLine(error.message)}\n${frames.slice(0, 12).join('\n')}\n`
}
