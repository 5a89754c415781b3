import type { OutgoingEmail } from '#src/lib/mailer.ts'
import { formatDate, formatTimeInZone, formatWeekdayDate, monthName } from '#src/ui/format.ts'
import type { DueReminder } from './due-reminder.ts'
import { reminderKindLabels } from './preferences.ts'

export type ReminderOrganization = { name: string; slug: string }
export type ReminderCall = {
  localDate: string
  startTime: string
  timeZone: string
  /** UTC instant, ISO 8601. */
  startsAt: string
  durationMinutes: number
  title: string | null
  /** How members join (the call's own or the series'); '' when none is set. */
  joinUrl: string
  dialIn: string
}

export type ReminderEmailContext = {
  /** Where people reach the Hub, such as https://hub.example.org. */
  origin: string
  /** The network's name as staff set it (the emails speak for the network, not the software). */
  network: string
  person: { fullName: string; email: string }
  organization?: ReminderOrganization
  call?: ReminderCall
  unsubscribeUrl: string
}

/** The plain-text email of one reminder: a subject that says it all, what to do, a link, how to stop. */
export function composeReminderEmail(reminder: DueReminder, ctx: ReminderEmailContext): OutgoingEmail {
  const link = (path: string) => new URL(path, ctx.origin).href
  const org = ctx.organization ?? { name: 'your organisation', slug: '' }
  const orgPage = (page: string) => link(`/organizations/${org.slug}/${page}`)
  const seat =
    'role' in reminder
      ? `You receive this email as the ${reminder.role} of ${org.name} in the ${ctx.network}.`
      : ''
  let subject: string
  let body: string[]
  switch (reminder.kind) {
    case 'call_tomorrow': {
      const call = ctx.call
      const when = call
        ? `${formatWeekdayDate(call.localDate)}, at ${formatTimeInZone(call.startsAt, call.timeZone)} (${call.durationMinutes} minutes)`
        : formatWeekdayDate(reminder.callDate)
      subject = call
        ? `Tomorrow: the national call at ${formatTimeInZone(call.startsAt, call.timeZone)}`
        : 'Tomorrow: the national call'
      body = [
        `The national call of the ${ctx.network} is tomorrow, ${when}.`,
        ...(call?.title?.trim() ? [`Topic: ${call.title.trim()}`] : []),
        ...(call?.joinUrl ? [`Join the call:\n${call.joinUrl}`] : []),
        ...(call?.dialIn ? [`Dial-in:\n${call.dialIn}`] : []),
        `The agenda and the call's details:\n${link(`/calls/${reminder.callDate}`)}`,
        'Your organisation’s attendance counts when its representative or alternate is on the call for at least the minimum time.',
        'You receive this email because you asked for a reminder the day before each national call.',
      ]
      break
    }
    case 'at_risk':
      subject = `${org.name} is at risk of missing its ${reminder.year} obligations`
      body = [
        `${org.name} is at risk of not meeting its obligations to the ${ctx.network} in ${reminder.year}:`,
        reminder.reasons.map((r) => `- ${r}`).join('\n') || '- See the obligations page for the details.',
        `What is still needed, and by when:\n${orgPage('obligations')}`,
        seat,
      ]
      break
    case 'sharing_due':
      subject = `${org.name}: no sharing record yet for Q${reminder.quarter} ${reminder.year} (ends ${formatDate(reminder.endsOn)})`
      body = [
        `${org.name} has not recorded a sharing action in the quarter that ends on ${formatDate(reminder.endsOn)} (Q${reminder.quarter} ${reminder.year}).`,
        `Every quarter, each organisation shares the briefings and resources of the ${ctx.network} with its stakeholders. Once you have, record it (the date, the audience, the channel and which briefings):`,
        orgPage('sharing'),
        seat,
      ]
      break
    case 'presentation_unplanned':
      subject = `${org.name} has no presentation slot for ${reminder.year} yet`
      body = [
        `${org.name} has no presentation planned on a national call for ${reminder.year}. Every organisation gives one 10 to 15 minute presentation a year.`,
        reminder.requestedMonth === null
          ? `Ask for the month that suits you; staff then place it on a call:\n${orgPage('presentation')}`
          : `You asked for ${monthName(reminder.requestedMonth)}, and staff have not placed it on a call yet. To ask for another month, or to see it once planned:\n${orgPage('presentation')}`,
        seat,
      ]
      break
  }
  const footer = [
    '--',
    `To stop these emails (“${reminderKindLabels[reminder.kind]}”), open:`,
    ctx.unsubscribeUrl,
    `Choose which reminders you get: ${link('/account/reminders')}`,
  ].join('\n')
  const text = [`Hello ${ctx.person.fullName},`, ...body.filter(Boolean), footer].join('\n\n')
  return { to: ctx.person.email, subject, text: `${text}\n`, unsubscribeUrl: ctx.unsubscribeUrl }
}
