import { commitmentKeys, commitmentLabels, INVITATION_DAYS } from '#src/features/auth/index.ts'
import type { OutgoingEmail } from '#src/lib/mailer.ts'
import { formatDate } from '#src/ui/format.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import type { SeatInvitation } from './seat-nominees.ts'

/**
 * The invitation a nominee gets on admission: the organisation, the seat and its date, the
 * commitments they confirm, and the link to accept (which works once, like every invitation).
 */
export function seatInvitationEmail(
  o: SeatInvitation & { organizationName: string; origin: string; today: string },
): OutgoingEmail {
  const network = currentChrome().name
  // Someone who already signs in keeps their password: they sign in, then accept.
  const step = o.hasAccount
    ? 'Sign in with the address and password you already use (or an emailed sign-in link), then accept the seat here'
    : 'Accept the seat and choose your password here'
  const commitments = commitmentKeys.map((key) => `- ${commitmentLabels[key]}`).join('\n')
  return {
    to: o.email,
    subject: `You are invited to be the ${o.seat} of ${o.organizationName} in the ${network}`,
    text: `Hello ${o.fullName},\n\n${o.organizationName} is admitted to the ${network} from ${formatDate(o.today)}, and its application names you as its ${o.seat}.\n\nThe seat comes with these commitments, which you confirm when you accept:\n${commitments}\n\n${step} (the link works once, for ${INVITATION_DAYS} days):\n${o.origin}/invitations/${o.token}\n\nIf you did not expect this, ignore this email and tell the applicant.\n`,
  }
}
