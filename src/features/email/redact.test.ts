import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { OutboxEntry } from '#src/lib/mailer.ts'
import { entryFor, isRecipient, LINK_HIDDEN, redactLinks } from './redact.ts'

const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  file: 'x.eml',
  to: 'board@example.org',
  subject: 'Your sign-in link for the Collaborative Hub',
  date: '',
  sentAt: null,
  text: 'Open this link to sign in:\nhttps://hub.example.org/api/auth/magic-link/verify?token=SECRETTOKEN123&callbackURL=%2F\n\nIf you did not ask for it, ignore this email.\n',
  ...over,
})

describe('redactLinks', () => {
  it('hides every kind of link the Hub sends, and keeps the words around them', () => {
    const text = [
      'Sign in: https://hub.example.org/api/auth/magic-link/verify?token=abc',
      'Reset: http://localhost:3000/reset-password/abc?callbackURL=x',
      'Invitation (one week): https://hub.example.org/invitations/abc.',
      'Calendar: webcal://hub.example.org/calendar/people/abc.ics',
      'Stop these: <https://hub.example.org/reminders/stop/abc>',
      'Or www.example.org/x?token=abc',
    ].join('\n')
    const redacted = redactLinks(text)
    expect(redacted).not.toMatch(/abc/)
    expect(redacted.split('\n')).toEqual([
      `Sign in: ${LINK_HIDDEN}`,
      `Reset: ${LINK_HIDDEN}`,
      `Invitation (one week): ${LINK_HIDDEN}`,
      `Calendar: ${LINK_HIDDEN}`,
      `Stop these: <${LINK_HIDDEN}>`,
      `Or ${LINK_HIDDEN}`,
    ])
  })

  it('leaves no URL-borne secret in any text, whatever surrounds the link', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9_-]{16,43}$/)
    const words = fc.string({ maxLength: 30 }).map((s) => s.replace(/[a-z]+:\/\/|www\./gi, ''))
    fc.assert(
      fc.property(
        words,
        secret,
        words,
        fc.constantFrom('https', 'http', 'webcal'),
        (before, token, after, scheme) => {
          const text = `${before} ${scheme}://hub.example.org/path?token=${token} ${after}`
          expect(redactLinks(text)).not.toContain(token)
        },
      ),
    )
  })
})

describe('entryFor', () => {
  it('shows the recipient their email whole, whatever the case of their address', () => {
    expect(isRecipient(entry({ to: 'Board Member <Board@Example.org>' }), 'board@example.org')).toBe(true)
    expect(entryFor(entry(), 'BOARD@example.org')).toMatchObject({ isRedacted: false, text: entry().text })
  })

  it('hides the links from anyone else, and from nobody signed in', () => {
    for (const viewer of ['staff@example.org', undefined, '']) {
      const shown = entryFor(entry(), viewer)
      expect(shown.isRedacted).toBe(true)
      expect(shown.text).not.toContain('SECRETTOKEN123')
      expect(shown.text).toContain(`Open this link to sign in:\n${LINK_HIDDEN}\n`)
    }
  })

  it('does not take an address that merely contains the viewer’s for theirs', () => {
    expect(isRecipient(entry({ to: 'ann@example.org.evil.test' }), 'ann@example.org')).toBe(false)
    expect(isRecipient(entry({ to: 'joann@example.org' }), 'ann@example.org')).toBe(false)
  })
})
