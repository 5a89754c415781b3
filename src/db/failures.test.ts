import { describe, expect, it } from 'vitest'
import { classifyFailure, describe as describeError, isConnectionFailure } from './failures.ts'

const errno = (code: string, message: string, extra: object = {}) =>
  Object.assign(new Error(message), { code, ...extra })

describe('classifyFailure', () => {
  it('names a read-only data folder from PGlite, which throws a bare { name: "ErrnoError", errno } object', () => {
    const failure = classifyFailure({ name: 'ErrnoError', errno: 69 }, { folder: '/srv/hub/data' })
    expect(failure?.code).toBe('STORAGE_UNAVAILABLE')
    expect(failure?.userMessage).toBe('the data folder /srv/hub/data is read-only (EROFS)')
  })

  it('names a full disk, a quota and a folder without permission', () => {
    const full = errno('ENOSPC', "ENOSPC: no space left on device, write '/srv/hub/data/pglite/base/1'")
    expect(classifyFailure(full, { folder: '/srv/hub/data' })?.userMessage).toBe(
      "the data folder /srv/hub/data is full (ENOSPC: no space left on device, write '/srv/hub/data/pglite/base/1')",
    )
    expect(classifyFailure({ name: 'ErrnoError', errno: 51 }, { folder: '/d' })?.userMessage).toContain(
      'is full',
    )
    expect(classifyFailure(errno('EDQUOT', 'EDQUOT: quota'), { folder: '/d' })?.userMessage).toContain(
      'quota',
    )
    expect(
      classifyFailure(errno('EACCES', 'EACCES: permission denied'), { folder: '/d' })?.userMessage,
    ).toContain('is not writable')
  })

  it('names the outbox folder when an email cannot be written there, not the database folder', () => {
    const error = errno('EROFS', "EROFS: read-only file system, open '/srv/hub/data/outbox/x.eml'", {
      path: '/srv/hub/data/outbox/x.eml',
    })
    expect(classifyFailure(error, { folder: '/srv/hub/data/pglite' })?.userMessage).toMatch(
      /^the data folder \/srv\/hub\/data\/outbox is read-only/,
    )
  })

  it('finds the cause that drizzle wraps around the driver error', () => {
    const wrapped = new Error('Failed query: select 1', {
      cause: errno('ECONNREFUSED', 'connect ECONNREFUSED'),
    })
    expect(classifyFailure(wrapped)?.code).toBe('DATABASE_UNAVAILABLE')
    expect(classifyFailure(wrapped)?.status).toBe(503)
  })

  it('leaves a wrong query an unexpected error', () => {
    const wrong = errno('42P01', 'relation "nope" does not exist')
    expect(classifyFailure(wrong)).toBeUndefined()
    expect(classifyFailure(new Error('boom'))).toBeUndefined()
  })
})

describe('isConnectionFailure', () => {
  it.each([
    ['a refused connection', errno('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1')],
    ['a connect timeout', errno('ETIMEDOUT', 'connect ETIMEDOUT')],
    ['an administrator shutdown', errno('57P01', 'terminating connection due to administrator command')],
    ['a connection exception (class 08)', errno('08006', 'connection failure')],
    ['a dropped database', errno('3D000', 'database "x" does not exist')],
    ['the pool giving up', new Error('timeout exceeded when trying to connect')],
    ['a socket closed under a query', new Error('Connection terminated unexpectedly')],
    ['several addresses refused', Object.assign(new AggregateError([errno('ECONNREFUSED', 'refused')]), {})],
  ])('is true for %s', (_, error) => {
    expect(isConnectionFailure(error)).toBe(true)
  })

  it('is false for a constraint violation', () => {
    expect(isConnectionFailure(errno('23505', 'duplicate key value'))).toBe(false)
  })
})

describe('describe', () => {
  it('renders thrown objects that are not Errors instead of "[object Object]"', () => {
    expect(describeError({ name: 'ErrnoError', errno: 51 })).toBe('ErrnoError errno 51')
    expect(describeError('plain')).toBe('plain')
  })
})

describe('classifyFailure on errors PostgreSQL reports itself', () => {
  it('names a full disk from SQLSTATE 53100, in the PGlite folder or on the server', () => {
    const full = errno('53100', 'could not extend file "base/5/16384": No space left on device')
    expect(classifyFailure(full, { folder: '/srv/hub/data/pglite' })?.userMessage).toMatch(
      /^the data folder \/srv\/hub\/data\/pglite is full/,
    )
    expect(classifyFailure(full)?.userMessage).toMatch(/^the data folder of the database server is full/)
  })

  it('names a read-only disk, but leaves an ordinary permission error on a table alone', () => {
    const readOnly = errno('42501', 'could not create file "base/5/16390": Read-only file system')
    expect(classifyFailure(readOnly, { folder: '/d' })?.userMessage).toContain('is read-only')
    expect(classifyFailure(errno('42501', 'permission denied for table people'))).toBeUndefined()
  })
})

it('does not blame the disk for a port the Hub may not listen on', () => {
  const port = errno('EACCES', 'listen EACCES: permission denied 0.0.0.0:80', { syscall: 'listen' })
  expect(classifyFailure(port, { folder: '/d' })).toBeUndefined()
})
