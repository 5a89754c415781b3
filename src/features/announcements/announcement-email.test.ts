import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMailer, listOutbox } from '#src/lib/mailer.ts'
import { composeAnnouncementEmail } from './announcement-email.ts'

const email = composeAnnouncementEmail(
  {
    subject: 'Q4 briefing',
    body: 'See [the library](/library).\n\n<img src=x onerror=alert(1)>',
    audience: 'board',
  },
  {
    origin: 'https://hub.example.org',
    network: 'American Manufacturing Community Collaborative',
    person: { fullName: 'Avery Bennett', email: 'avery@example.org' },
  },
)

describe('the email of an announcement', () => {
  it('has a text part with Hub links made absolute and a safe HTML part', () => {
    expect(email.text).toContain('Hello Avery Bennett,')
    expect(email.text).toContain('See [the library](https://hub.example.org/library).')
    expect(email.text).toContain(
      'An announcement of the American Manufacturing Community Collaborative to the Advisory Board.',
    )
    expect(email.html).toContain('<a href="https://hub.example.org/library">the library</a>')
    expect(email.html).not.toMatch(/onerror|<script/)
  })

  it('reads as its text part in the outbox', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-announcement-outbox-'))
    try {
      await createMailer({ outboxDir: dir, from: 'Hub <hub@example.org>' }).send(email)
      const [entry] = await listOutbox(dir)
      expect(entry?.subject).toBe('Q4 briefing')
      expect(entry?.text).toBe(email.text)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
