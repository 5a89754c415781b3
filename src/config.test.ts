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

  it('reads HUB_TODAY as the day the clock starts on, in the network zone', () => {
    const config = loadConfig({ HUB_TODAY: '2026-12-20' })
    expect(config.clock.today()).toBe('2026-12-20')
    expect(config.clock.timeZone).toBe('America/New_York')
    expect(config.asOfDay).toBe('2026-12-20')
    expect(loadConfig({ HUB_TIME_ZONE: 'America/Los_Angeles' }).clock.timeZone).toBe('America/Los_Angeles')
  })

  it.each(['2026-02-30', '2026-13-01', 'tomorrow'])(
    'refuses HUB_TODAY=%j with a message saying the form',
    (day) => {
      expect(() => loadConfig({ HUB_TODAY: day })).toThrow('HUB_TODAY: HUB_TODAY must be a')
    },
  )

  it('refuses an unknown HUB_TIME_ZONE', () => {
    expect(() => loadConfig({ HUB_TIME_ZONE: 'Mars/Olympus' })).toThrow(
      'HUB_TIME_ZONE: HUB_TIME_ZONE must be an IANA',
    )
  })

  it('trusts no proxy by default, reads TRUSTED_PROXIES as a list, and refuses an entry that is not an address', () => {
    expect(loadConfig({}).trustedProxies).toEqual([])
    expect(loadConfig({ TRUSTED_PROXIES: ' 127.0.0.1, 10.0.0.0/8,::1 ' }).trustedProxies).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ])
    expect(() => loadConfig({ TRUSTED_PROXIES: '127.0.0.1,proxy.internal' })).toThrow(
      'TRUSTED_PROXIES: proxy.internal is not an IP address or a CIDR range such as 10.0.0.0/8',
    )
  })
})
