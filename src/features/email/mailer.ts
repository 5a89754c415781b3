import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'

export type OutgoingEmail = { to: string; subject: string; text: string }

export type Mailer = {
  send: (email: OutgoingEmail) => Promise<void>
  /** Where emails go: 'smtp' to a server, 'outbox' to .eml files the staff read on the outbox page. */
  kind: 'smtp' | 'outbox'
}

/** Sends over SMTP when `smtpUrl` is set, otherwise writes each email as an .eml file in `outboxDir`. */
export function createMailer(options: { smtpUrl?: string; outboxDir: string; from: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl)
    return {
      kind: 'smtp',
      send: async (email) => {
        await transport.sendMail({ from: options.from, ...email })
      },
    }
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    kind: 'outbox',
    send: async (email) => {
      const info = await transport.sendMail({ from: options.from, ...email })
      await mkdir(options.outboxDir, { recursive: true })
      const stamp = new Date().toISOString().replace(/[:.]/g, '-')
      const name = `${stamp}-${randomBytes(4).toString('hex')}.eml`
      await writeFile(path.join(options.outboxDir, name), info.message as Buffer)
    },
  }
}

export type OutboxEntry = { file: string; to: string; subject: string; date: string; text: string }

/** The emails written to the outbox folder, newest first (for the staff outbox page). */
export async function listOutbox(outboxDir: string, limit = 100): Promise<OutboxEntry[]> {
  let files: string[]
  try {
    files = (await readdir(outboxDir)).filter((f) => f.endsWith('.eml'))
  } catch {
    return []
  }
  files.sort().reverse()
  const entries: OutboxEntry[] = []
  for (const file of files.slice(0, limit)) {
    const raw = await readFile(path.join(outboxDir, file), 'utf8')
    const [head = '', ...body] = raw.split(/\r?\n\r?\n/)
    const header = (name: string) => head.match(new RegExp(`^${name}: (.*)$`, 'mi'))?.[1]?.trim() ?? ''
    entries.push({
      file,
      to: header('To'),
      subject: header('Subject'),
      date: header('Date'),
      text: decodeBody(body.join('\n\n'), head),
    })
  }
  return entries
}

function decodeBody(body: string, head: string): string {
  if (/content-transfer-encoding: quoted-printable/i.test(head))
    return body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)))
  if (/content-transfer-encoding: base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  return body
}
