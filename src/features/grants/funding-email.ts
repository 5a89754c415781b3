import type { OutgoingEmail } from '#src/lib/mailer.ts'
import { formatNumber, formatWeekdayDate, plural } from '#src/ui/format.ts'
import type { FittingOrganization } from './funding-for.ts'
import type { OpportunitySummary } from './open-opportunities.ts'
import { closesText } from './opportunity-parts.tsx'
import type { Match } from './relevance.ts'

type Fit = { opportunity: OpportunitySummary; match: Match }

/** What one organisation is told: new fitting opportunities, and fitting ones closing soon. */
export type FundingSection = { organization: FittingOrganization; fresh: Fit[]; closing: Fit[] }

export type FundingEmailContext = {
  origin: string
  network: { name: string; shortName: string }
  person: { fullName: string; email: string }
  unsubscribeUrl: string
  /** The first day of the week the email tells of. */
  weekFrom: string
}

/**
 * The weekly funding email to one seat holder: per organisation, what is new and what closes soon,
 * each with when it closes, why it fits and its page. Ends with the link that stops it (also the
 * List-Unsubscribe header).
 */
export function composeFundingEmail(
  sections: readonly FundingSection[],
  ctx: FundingEmailContext,
): OutgoingEmail {
  const link = (path: string) => new URL(path, ctx.origin).href
  const lines = (fits: Fit[]) =>
    fits
      .map(({ opportunity, match }) =>
        [
          `- ${opportunity.title}`,
          `  ${opportunity.agencyName ?? opportunity.agencyCode ?? 'Agency not given'}. ${closesText(opportunity)}.`,
          `  Why: ${match.reasons.join('; ')}.`,
          `  ${link(`/funding/${opportunity.opportunityId}`)}`,
        ].join('\n'),
      )
      .join('\n\n')
  const blocks = sections.flatMap((s) => [
    `For ${s.organization.name} (${link(`/funding/for/${s.organization.slug}`)})`,
    ...(s.fresh.length > 0 ? [`New since ${formatWeekdayDate(ctx.weekFrom)}:\n\n${lines(s.fresh)}`] : []),
    ...(s.closing.length > 0 ? [`Closing in the next 14 days:\n\n${lines(s.closing)}`] : []),
  ])
  const fresh = sections.reduce((n, s) => n + s.fresh.length, 0)
  const closing = sections.reduce((n, s) => n + s.closing.length, 0)
  const counts = [
    ...(fresh > 0 ? [`${formatNumber(fresh)} new`] : []),
    ...(closing > 0 ? [`${formatNumber(closing)} closing soon`] : []),
  ]
  const text = [
    `Hello ${ctx.person.fullName},`,
    `Federal funding opportunities that fit your ${plural(sections.length, 'organisation')}, from the ${ctx.network.name}:`,
    ...blocks,
    [
      '--',
      'You receive this weekly email because you asked for it as a representative or alternate.',
      'To stop it, open:',
      ctx.unsubscribeUrl,
      `Choose which emails you get: ${link('/account/reminders')}`,
    ].join('\n'),
  ].join('\n\n')
  return {
    to: ctx.person.email,
    subject: `${ctx.network.shortName} funding for you: ${counts.join(', ')}`,
    text: `${text}\n`,
    unsubscribeUrl: ctx.unsubscribeUrl,
  }
}
