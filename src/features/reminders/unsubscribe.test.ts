import { describe, expect, it } from 'vitest'
import { readUnsubscribeToken, unsubscribeToken, unsubscribeUrl } from './unsubscribe.ts'

const secret = 'a-secret-for-the-unsubscribe-tests-0123456789'
const personId = '0b5c3a52-6f0e-4c1e-9d4e-2f4b8a1c7e90'

describe('unsubscribe tokens', () => {
  it('name the person and the kind they were made for', () => {
    for (const kind of [
      'call_tomorrow',
      'at_risk',
      'sharing_due',
      'presentation_unplanned',
      'weekly_digest',
      'call_changes',
    ] as const)
      expect(readUnsubscribeToken(unsubscribeToken({ personId, kind }, secret), secret)).toEqual({
        personId,
        kind,
      })
  })

  it('fit in a link without escaping', () => {
    const token = unsubscribeToken({ personId, kind: 'sharing_due' }, secret)
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(unsubscribeUrl('https://hub.example.org', token)).toBe(
      `https://hub.example.org/reminders/unsubscribe?token=${token}`,
    )
  })

  it('are refused when made with another secret', () => {
    const token = unsubscribeToken({ personId, kind: 'at_risk' }, 'another-secret-that-is-long-enough-000')
    expect(readUnsubscribeToken(token, secret)).toBeUndefined()
  })

  it('are refused when any character is changed, the kind swapped, or the token cut', () => {
    const token = unsubscribeToken({ personId, kind: 'at_risk' }, secret)
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue
      const changed = `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`
      expect(readUnsubscribeToken(changed, secret), `character ${i} changed`).toBeUndefined()
    }
    const [, signature] = token.split('.')
    const swapped = `${Buffer.from(`${personId}.sharing_due`).toString('base64url')}.${signature}`
    expect(readUnsubscribeToken(swapped, secret)).toBeUndefined()
    expect(readUnsubscribeToken(token.slice(0, -1), secret)).toBeUndefined()
    for (const junk of ['', '.', 'abc', 'a.b.c', `${token}.x`, `${token}=`, 'x'.repeat(500)])
      expect(readUnsubscribeToken(junk, secret)).toBeUndefined()
  })

  it('are refused when well signed but naming no person or no kind', () => {
    const badPerson = unsubscribeToken({ personId: 'not-a-uuid', kind: 'at_risk' }, secret)
    expect(readUnsubscribeToken(badPerson, secret)).toBeUndefined()
    const badKind = unsubscribeToken({ personId, kind: 'every_email' as unknown as 'at_risk' }, secret)
    expect(readUnsubscribeToken(badKind, secret)).toBeUndefined()
  })
})
