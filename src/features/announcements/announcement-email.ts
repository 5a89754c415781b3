import type { OutgoingEmail } from '#src/lib/mailer.ts'
import { renderMarkdown } from '#src/lib/markdown.ts'
import { escapeHtml } from '#src/lib/text.ts'
import { type Audience, audienceLabels, type Recipient } from './audiences.ts'

export type AnnouncementEmailContext = {
  /** Where people reach the Hub (links in the body that are paths of the Hub become absolute). */
  origin: string
  /** The network's name, as staff set it. */
  network: string
  person: Pick<Recipient, 'fullName' | 'email'>
}

/** Links and images of the Hub ('/library/x') point at the Hub from a mail reader too. */
const absoluteLinks = (html: string, origin: string) =>
  html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${origin.replace(/\/$/, '')}/`)

/**
 * The email of an announcement to one person: the subject as written, the Markdown as the text
 * part, the same Markdown made safe HTML (renderMarkdown) as the HTML part, and a line saying whom
 * it went to.
 */
export function composeAnnouncementEmail(
  announcement: { subject: string; body: string; audience: Audience },
  ctx: AnnouncementEmailContext,
): OutgoingEmail {
  const to = audienceLabels[announcement.audience].replace(/^./, (c) => c.toLowerCase())
  const why = `An announcement of the ${ctx.network} to ${to}.`
  // Markdown links to Hub paths, [text](/library), point at the Hub in the text part too.
  const body = announcement.body.trim().replace(/\]\(\/(?!\/)/g, `](${ctx.origin.replace(/\/$/, '')}/`)
  const text = [`Hello ${ctx.person.fullName},`, body, `--\n${why}`].join('\n\n')
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(announcement.subject)}</title></head>`,
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2933; max-width: 40rem;">',
    `<p>Hello ${escapeHtml(ctx.person.fullName)},</p>`,
    absoluteLinks(renderMarkdown(announcement.body), ctx.origin),
    `<hr><p style="color: #52606d; font-size: 0.9em;">${escapeHtml(why)}</p>`,
    '</body></html>',
  ].join('\n')
  return { to: ctx.person.email, subject: announcement.subject, text: `${text}\n`, html }
}
