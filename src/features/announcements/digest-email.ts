import type { DigestWeek } from '#src/lib/digest-week.ts'
import type { OutgoingEmail } from '#src/lib/mailer.ts'
import { formatDate, formatNumber, formatWeekdayDate, plural } from '#src/ui/format.ts'
import type { DigestItem } from './digest-content.ts'

export type DigestEmailContext = {
  origin: string
  network: { name: string; shortName: string }
  person: { fullName: string; email: string }
  unsubscribeUrl: string
}

const sections = [
  { kind: 'news', heading: 'News', one: 'news post', many: 'news posts' },
  { kind: 'briefing', heading: 'Briefings', one: 'briefing', many: 'briefings' },
  { kind: 'resource', heading: 'Resources', one: 'resource', many: 'resources' },
] as const

/**
 * The weekly digest to one person: what came out in the week before, by kind, each with its date,
 * summary and link; members-only items say so. Ends with the link that stops it (also sent as the
 * List-Unsubscribe header).
 */
export function composeDigestEmail(
  week: DigestWeek,
  items: readonly DigestItem[],
  ctx: DigestEmailContext,
): OutgoingEmail {
  const link = (path: string) => new URL(path, ctx.origin).href
  const counts = sections.flatMap((s) => {
    const n = items.filter((i) => i.kind === s.kind).length
    return n > 0 ? [`${formatNumber(n)} ${plural(n, s.one, s.many)}`] : []
  })
  const blocks = sections.flatMap((s) => {
    const mine = items.filter((i) => i.kind === s.kind)
    if (mine.length === 0) return []
    const lines = mine.map((i) =>
      [
        `- ${i.title} (${formatDate(i.day)}${i.visibility === 'members' ? ', members only' : ''})`,
        ...(i.summary.trim() ? [`  ${i.summary.trim().replace(/\s+/g, ' ')}`] : []),
        `  ${link(i.path)}`,
      ].join('\n'),
    )
    return [`${s.heading}\n\n${lines.join('\n\n')}`]
  })
  const text = [
    `Hello ${ctx.person.fullName},`,
    `New from the ${ctx.network.name} in the week of ${formatWeekdayDate(week.from)}:`,
    ...blocks,
    [
      '--',
      'You receive this weekly digest because you asked for it.',
      'To stop it, open:',
      ctx.unsubscribeUrl,
      `Choose which emails you get: ${link('/account/reminders')}`,
    ].join('\n'),
  ].join('\n\n')
  return {
    to: ctx.person.email,
    subject: `${ctx.network.shortName} weekly digest: ${counts.join(', ')}`,
    text: `${text}\n`,
    unsubscribeUrl: ctx.unsubscribeUrl,
  }
}
