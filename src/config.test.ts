import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('uses port 3000, ./data and the embedded database by default', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.dataDir.endsWith('/data')).toBe(true)
    expect(config.databaseUrl).toBeUndefined()
    expect(config.isProduction).toBe(false)
  })

  it('takes PORT, DATA_DIR and DATABASE_URL from the environment', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/tmp/hub', DATABASE_URL: 'postgres://u@h:5432/db' })
    expect(config).toMatchObject({ port: 8080, dataDir: '/tmp/hub', databaseUrl: 'postgres://u@h:5432/db' })
  })

  it.each(['abc', '-1', '65536', '3.5', ''])('refuses PORT=%j with a message naming the range', (port) => {
    expect(() => loadConfig({ PORT: port })).toThrow('PORT: PORT must be a whole number from 0 to 65535')
  })

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      'DATABASE_URL: DATABASE_URL must start with postgres:// or postgresql://',
    )
  })

  it('knows production mode from NODE_ENV', () => {
    expect(
      loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32), SMTP_URL: 'smtp://mail:25' })
        .isProduction,
    ).toBe(true)
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow('AUTH_SECRET: production needs AUTH_SECRET')
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/^NODE_ENV:/)
  })
})
