import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMailer, decodeHeaderWords, listOutbox, parseEmail } from './mailer.ts'

describe('decodeHeaderWords', () => {
  it('decodes Q and B encoded words, joining adjacent ones', () => {
    expect(decodeHeaderWords('=?UTF-8?Q?H=C3=A9llo_world?=')).toBe('Héllo world')
    expect(decodeHeaderWords('=?UTF-8?B?Q2Fmw6k=?= ouvert')).toBe('Café ouvert')
    // A character split across two words still reads, and the space between words goes.
    expect(decodeHeaderWords('=?UTF-8?Q?caf=C3?=\n =?UTF-8?Q?=A9?=')).toBe('café')
    expect(decodeHeaderWords('Plain subject')).toBe('Plain subject')
  })
})

describe('parseEmail', () => {
  it('unfolds headers and decodes a quoted-printable UTF-8 body', () => {
    const raw = [
      'To: someone@example.org',
      'Subject: =?UTF-8?Q?A_long_subject_=E2=80=94?=',
      ' =?UTF-8?Q?_continued?=',
      'Content-Transfer-Encoding: quoted-printable',
      'Date: Thu, 26 Nov 2026 14:03:22 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Caf=C3=A9 =E2=80=94 a=3D1 and a soft=',
      ' break',
      '',
    ].join('\n')
    expect(parseEmail(raw)).toEqual({
      to: 'someone@example.org',
      subject: 'A long subject — continued',
      date: 'Thu, 26 Nov 2026 14:03:22 +0000',
      sentAt: '2026-11-26T14:03:22.000Z',
      text: 'Café — a=1 and a soft break\n',
    })
  })

  it('decodes a base64 body and copes with a missing date', () => {
    const raw = `To: a@example.org\nSubject: Hi\nContent-Transfer-Encoding: base64\n\n${Buffer.from('Grüße\n').toString('base64')}\n`
    expect(parseEmail(raw)).toMatchObject({ text: 'Grüße\n', sentAt: null, date: '' })
  })
})

describe('listOutbox', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hub-outbox-unit-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('reads back what the outbox mailer wrote, newest first', async () => {
    const mailer = createMailer({ outboxDir: dir, from: 'Hub <hub@example.org>' })
    await mailer.send({ to: 'one@example.org', subject: 'First', text: 'one' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const subject = 'Second — with a subject long enough to be folded over more than one header line, surely'
    await mailer.send({
      to: 'two@example.org',
      subject,
      text: 'Zwei: Grüße, https://hub.example.org/x?a=1&b=2\n',
    })
    await writeFile(path.join(dir, 'notes.txt'), 'not an email')
    const emails = await listOutbox(dir)
    expect(emails.map((e) => [e.to, e.subject])).toEqual([
      ['two@example.org', subject],
      ['one@example.org', 'First'],
    ])
    expect(emails[0]?.text).toBe('Zwei: Grüße, https://hub.example.org/x?a=1&b=2\n')
    expect(emails[0]?.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(await listOutbox(dir, 1)).toHaveLength(1)
  })

  it('is empty when the folder does not exist', async () => {
    expect(await listOutbox(path.join(dir, 'missing'))).toEqual([])
  })
})
