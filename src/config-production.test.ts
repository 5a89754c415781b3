import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

const production = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) }

describe('loadConfig in production', () => {
  it('refuses to start without SMTP_URL, in one line naming it (sign-in links would sit in a folder)', () => {
    expect(() => loadConfig(production)).toThrow(
      'SMTP_URL: production needs SMTP_URL (smtp:// or smtps://) to send sign-in and invitation emails',
    )
    expect(() => loadConfig({ ...production, SMTP_URL: '' })).toThrow(/^SMTP_URL: production needs SMTP_URL/)
  })

  it('starts with an SMTP server', () => {
    expect(loadConfig({ ...production, SMTP_URL: 'smtps://user:pass@mail.example.org:465' }).smtpUrl).toBe(
      'smtps://user:pass@mail.example.org:465',
    )
  })

  it('keeps the outbox folder outside production', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).smtpUrl).toBeUndefined()
    expect(loadConfig({ NODE_ENV: 'test' }).smtpUrl).toBeUndefined()
  })
})
