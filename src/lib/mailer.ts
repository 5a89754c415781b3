import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import { logger } from './logger.ts'

export type OutgoingEmail = {
  to: string
  subject: string
  text: string
  /** An HTML part beside the text (multipart/alternative); the text part is what the outbox shows. */
  html?: string
  /** A page where the recipient stops this kind of email: sent as the List-Unsubscribe header. */
  unsubscribeUrl?: string
}

/** The message nodemailer sends for an email: List-Unsubscribe from `unsubscribeUrl`. */
const message = (from: string, { unsubscribeUrl, ...email }: OutgoingEmail) => ({
  from,
  ...email,
  ...(unsubscribeUrl ? { list: { unsubscribe: unsubscribeUrl } } : {}),
})

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
        await transport.sendMail(message(options.from, email))
      },
    }
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    kind: 'outbox',
    send: async (email) => {
      const info = await transport.sendMail(message(options.from, email))
      await mkdir(options.outboxDir, { recursive: true })
      const stamp = new Date().toISOString().replace(/[:.]/g, '-')
      const name = `${stamp}-${randomBytes(4).toString('hex')}.eml`
      await writeFile(path.join(options.outboxDir, name), info.message as Buffer)
    },
  }
}

export type OutboxEntry = {
  file: string
  to: string
  subject: string
  /** The Date header as written. */
  date: string
  /** When it was written, ISO 8601 in UTC (from the Date header), or null when unreadable. */
  sentAt: string | null
  text: string
}

/** The emails written to the outbox folder, newest first (for the staff outbox page). */
export async function listOutbox(outboxDir: string, limit = 100): Promise<OutboxEntry[]> {
  let files: string[]
  try {
    files = (await readdir(outboxDir)).filter((f) => f.endsWith('.eml'))
  } catch {
    return []
  }
  // The names start with the time they were written, so the newest sort last.
  files.sort().reverse()
  const entries: OutboxEntry[] = []
  for (const file of files.slice(0, limit)) {
    let raw: string
    try {
      raw = await readFile(path.join(outboxDir, file), 'utf8')
    } catch {
      continue // removed since the folder was read
    }
    entries.push({ file, ...parseEmail(raw) })
  }
  return entries
}

/**
 * Reads an email as nodemailer writes it: unfolded, decoded headers and the decoded text (of a
 * multipart email, its text/plain part).
 */
export function parseEmail(raw: string): Omit<OutboxEntry, 'file'> {
  const blank = raw.search(/\r?\n\r?\n/)
  const head = blank === -1 ? raw : raw.slice(0, blank)
  const body = blank === -1 ? '' : raw.slice(blank).replace(/^\r?\n\r?\n/, '')
  const headers = new Map<string, string>()
  // A header line that starts with a space or tab continues the one before (RFC 5322 folding).
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim())
  }
  const header = (name: string) => decodeHeaderWords(headers.get(name) ?? '')
  const date = headers.get('date') ?? ''
  const sent = new Date(date)
  const contentType = headers.get('content-type') ?? ''
  const charset = contentType.match(/charset="?([\w.:-]+)"?/i)?.[1] ?? 'utf-8'
  const boundary = /^multipart\//i.test(contentType)
    ? contentType.match(/boundary="?([^";]+)"?/i)?.[1]
    : undefined
  const textPart = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1)
        .find((part) => /^content-type:\s*text\/plain/im.test(part.split(/\r?\n\r?\n/)[0] ?? ''))
    : undefined
  return {
    to: header('to'),
    subject: header('subject'),
    date,
    sentAt: date && !Number.isNaN(sent.getTime()) ? sent.toISOString() : null,
    text: boundary
      ? textPart
        ? // The line break before the next boundary belongs to the boundary, not to the text.
          parseEmail(textPart.replace(/^\r?\n/, '').replace(/\r?\n$/, '')).text
        : ''
      : decodeBody(body, (headers.get('content-transfer-encoding') ?? '').toLowerCase(), charset),
  }
}

function decodeText(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

/** Bytes of quoted-printable text: =XX is a byte, anything else stands for itself. */
function quotedPrintableBytes(text: string): Buffer {
  const parts = text.split(/=([0-9A-Fa-f]{2})/)
  return Buffer.concat(
    parts.map((part, i) =>
      i % 2 === 1 ? Buffer.from([Number.parseInt(part, 16)]) : Buffer.from(part, 'utf8'),
    ),
  )
}

const encodedWord = /=\?([^?\s]+?)(?:\*[\w-]+)?\?([QqBb])\?([^?\s]*)\?=/g

/**
 * Decodes RFC 2047 encoded words (=?UTF-8?Q?...?= and =?UTF-8?B?...?=). Adjacent words are
 * joined before decoding, as the standard says, so a character split across two still reads.
 */
export function decodeHeaderWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1')
  return joined.replace(new RegExp(`(?:${encodedWord.source})+`, 'g'), (run) => {
    const words = [...run.matchAll(encodedWord)]
    const bytes = Buffer.concat(
      words.map(([, , encoding = 'Q', text = '']) =>
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : quotedPrintableBytes(text.replace(/_/g, ' ')),
      ),
    )
    return decodeText(bytes, words[0]?.[1] ?? 'utf-8')
  })
}

function decodeBody(body: string, encoding: string, charset: string): string {
  if (encoding === 'quoted-printable')
    return decodeText(quotedPrintableBytes(body.replace(/=\r?\n/g, '')), charset)
  if (encoding === 'base64') return decodeText(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset)
  return body
}

/**
 * Sends an email whose cause is already committed: a failure is logged, not thrown, so the
 * person who acted sees what they did (the record stands either way). True when it went out.
 */
export async function sendSafely(mailer: Mailer, email: OutgoingEmail): Promise<boolean> {
  try {
    await mailer.send(email)
    return true
  } catch (error) {
    logger.error({ err: error, to: email.to, subject: email.subject }, 'an email could not be sent')
    return false
  }
}
