import { DrizzleQueryError } from 'drizzle-orm/errors'
import { describe, expect, it } from 'vitest'
import { unexpectedErrorText } from './unexpected-error.ts'

const describeValue = (value: unknown) => String(value)

describe('unexpectedErrorText', () => {
  it('gives a failed query as the database’s words in one line, without the statement or its parameters', () => {
    const file = 'x'.repeat(5_000_000)
    const cause = new Error(
      'new row for relation "stored_files" violates check constraint "stored_files_size"',
    )
    const error = new DrizzleQueryError('insert into "stored_files" ("data") values ($1)', [file], cause)
    const text = unexpectedErrorText(error, describeValue)
    expect(text).toBe(
      'hub: a database query failed: new row for relation "stored_files" violates check constraint "stored_files_size"\n',
    )
  })

  it('cuts any other message to its first line of at most 300 characters, then says where it happened', () => {
    const text = unexpectedErrorText(new Error(`${'y'.repeat(10_000)}\nsecond line`), describeValue)
    const [first, ...frames] = text.trimEnd().split('\n')
    expect(first).toBe(`hub: unexpected error: ${'y'.repeat(300)}…`)
    expect(frames.length).toBeGreaterThan(0)
    expect(frames.every((line) => /^\s+at /.test(line))).toBe(true)
  })

  it('describes what is not an Error', () => {
    expect(unexpectedErrorText({ name: 'ErrnoError' }, () => 'ErrnoError errno 69')).toBe(
      'hub: unexpected error: ErrnoError errno 69\n',
    )
  })
})
