/**
 * The emails that tell people where an application stands: the applicant's receipt, and the
 * notices to staff (submitted, answered) and to the Advisory Board (ready for its vote). Each is
 * about work the person does or their own application, so it is always sent: no kind of reminder
 * covers it and it carries no unsubscribe link. Plain text, composed here and nowhere else.
 */
import { categoryLabels } from '#src/features/organizations/index.ts'
import type { OutgoingEmail } from '#src/lib/mailer.ts'
import { formatDate } from '#src/ui/format.ts'

/** An application as its emails name it. */
export type ApplicationNews = {
  id: string
  category: 'member' | 'bff'
  organizationName: string
  round: number
  applicant: { fullName: string; email: string }
}

/** Someone told about an application: a staff member or a member of the Advisory Board. */
export type ApplicationReader = { fullName: string; email: string }

export type ApplicationEmailContext = {
  /** The network's name, as staff set it. */
  network: string
  /** Where people reach the Hub, such as https://hub.example.org. */
  origin: string
  /** The day it happened (the network's calendar day). */
  today: string
}

const why = {
  applicant: 'You receive this email because it is about your own application: these emails are always sent.',
  staff: 'You receive this email as staff of the network: staff are told of every application.',
  board:
    'You receive this email as a member of the Advisory Board: the board is told of every application it decides on.',
} as const

const email = (
  to: ApplicationReader,
  subject: string,
  body: string[],
  footer: keyof typeof why,
): OutgoingEmail => ({
  to: to.email,
  subject,
  text: `${[`Hello ${to.fullName},`, ...body, `--\n${why[footer]}`].join('\n\n')}\n`,
})

const named = (app: ApplicationNews) => `${app.organizationName} (${categoryLabels[app.category]})`
const withAddress = (emails: OutgoingEmail[]) => emails.filter((e) => e.to.trim() !== '')

/**
 * On submission: the applicant's receipt and a notice to each staff member. `toBoard` when the
 * application went straight to the Advisory Board (a BFF, when the settings say so).
 */
export function composeSubmittedEmails(
  app: ApplicationNews,
  staff: readonly ApplicationReader[],
  ctx: ApplicationEmailContext & { toBoard: boolean },
): OutgoingEmail[] {
  const on = formatDate(ctx.today)
  const next = ctx.toBoard
    ? 'It goes straight to the Advisory Board, which votes on it.'
    : 'Staff now check it against the membership criteria; then it goes to the Advisory Board.'
  const receipt = email(
    app.applicant,
    `${ctx.network}: the application of ${app.organizationName} is submitted`,
    [
      `The application of ${named(app)} to the ${ctx.network} was submitted on ${on}. ${next}`,
      `Follow the application and its history here:\n${new URL(`/applications/${app.id}`, ctx.origin).href}`,
    ],
    'applicant',
  )
  const page = new URL(`/staff/applications/${app.id}`, ctx.origin).href
  const notices = staff.map((to) =>
    email(
      to,
      `${ctx.network}: new application from ${app.organizationName}`,
      [
        `${app.applicant.fullName} submitted the application of ${named(app)} to the ${ctx.network} on ${on}. ${
          ctx.toBoard ? 'It went straight to the Advisory Board.' : 'It waits for staff review.'
        }`,
        `The application:\n${page}`,
      ],
      'staff',
    ),
  )
  return withAddress([receipt, ...notices])
}

/** When an application reaches the Advisory Board: a notice to each member of the board. */
export function composeReadyForBoardEmails(
  app: ApplicationNews,
  board: readonly ApplicationReader[],
  ctx: ApplicationEmailContext,
): OutgoingEmail[] {
  const page = new URL(`/board/applications/${app.id}`, ctx.origin).href
  return withAddress(
    board.map((to) =>
      email(
        to,
        `${ctx.network}: the application of ${app.organizationName} is ready for the Advisory Board`,
        [
          `The application of ${named(app)} to the ${ctx.network} is with the Advisory Board since ${formatDate(ctx.today)}, ready for your vote.`,
          `Read it and vote here:\n${page}`,
        ],
        'board',
      ),
    ),
  )
}

/** When the applicant answers a request for more information: a notice to each staff member. */
export function composeAnsweredEmails(
  app: ApplicationNews,
  answer: string,
  staff: readonly ApplicationReader[],
  ctx: ApplicationEmailContext,
): OutgoingEmail[] {
  const page = new URL(`/staff/applications/${app.id}`, ctx.origin).href
  return withAddress(
    staff.map((to) =>
      email(
        to,
        `${ctx.network}: ${app.organizationName} answered the request for more information`,
        [
          `${app.applicant.fullName} answered staff's request for more information on the application of ${named(app)} on ${formatDate(ctx.today)}. The application is back with staff for round ${app.round}.`,
          `The answer:\n${answer}`,
          `Review the application:\n${page}`,
        ],
        'staff',
      ),
    ),
  )
}
