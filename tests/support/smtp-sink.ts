import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export type ReceivedEmail = { from: string; to: string[]; raw: string; subject: string; text: string }

/** A real SMTP server on 127.0.0.1 that keeps every message it receives (tests read them). */
export async function startSmtpSink(): Promise<{
  url: string
  messages: ReceivedEmail[]
  /** The last message sent to `to`, waiting for it up to `ms`. */
  waitFor: (to: string, ms?: number) => Promise<ReceivedEmail>
  stop: () => Promise<void>
}> {
  const messages: ReceivedEmail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const [head = '', ...rest] = raw.split(/\r?\n\r?\n/)
        const unfolded = head.replace(/\r?\n[ \t]+/g, ' ')
        const subject = unfolded.match(/^Subject: (.*)$/im)?.[1]?.trim() ?? ''
        let text = rest.join('\n\n')
        if (/content-transfer-encoding: quoted-printable/i.test(head))
          text = text
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)))
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw,
          subject,
          text,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: async (to, ms = 5000) => {
      const deadline = Date.now() + ms
      for (;;) {
        const found = messages.filter((m) => m.to.includes(to.toLowerCase())).at(-1)
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no email to ${to} within ${ms} ms`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
