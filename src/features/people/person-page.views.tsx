import { CsrfInput, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatDayIn, formatInstantInZone } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { ActivityEntry } from './person-activity.ts'
import type { PersonDetail } from './person-detail.ts'
import { AddTermForm, SeatTable, type TermFormState, TermTable } from './person-terms.views.tsx'

type Props = {
  person: PersonDetail
  activity: ActivityEntry[]
  today: string
  timeZone: string
  flash?: FlashMessage
  termForm?: TermFormState
}

const tableLabels: Record<string, string> = {
  people: 'person record',
  auth_users: 'account',
  auth_accounts: 'sign-in method',
  seats: 'seat',
  staff_members: 'staff term',
  board_members: 'Advisory Board term',
  invitations: 'invitation',
}
const actionLabels = { insert: 'Added', update: 'Changed', delete: 'Removed', api_call: 'API call' } as const

function AccountState(props: { person: PersonDetail; timeZone: string }) {
  const { person, timeZone } = props
  const latest = person.invitations[0]
  const day = (instant: string) => formatDayIn(instant, timeZone)
  let text: string
  if (person.account === 'account')
    text = `Has an account: signs in as ${person.accountEmail ?? person.email}.`
  else if (latest?.state === 'pending')
    text = `Invited on ${day(latest.sentAt)}${latest.invitedBy ? ` by ${latest.invitedBy}` : ''}; the link works until ${day(latest.expiresAt)}.`
  else if (latest)
    text = `Invited on ${day(latest.sentAt)}; the link stopped working on ${day(latest.expiresAt)}. No account yet.`
  else text = 'Never invited: no account.'
  const canInvite = person.account !== 'account' && person.hasEmail
  return (
    <>
      <p id="account-state">{text}</p>
      {canInvite ? (
        <form method="post" action={`/staff/people/${person.id}/invite`} class="inline-form">
          <CsrfInput />
          <button class="button" type="submit">
            {latest ? 'Invite again' : 'Invite'}
          </button>{' '}
          <span class="note">
            {latest?.state === 'pending'
              ? 'A new link is emailed; the earlier one stops working.'
              : `We email ${person.email} a link to choose a password.`}
          </span>
        </form>
      ) : null}
      {person.account !== 'account' && !person.hasEmail ? (
        <p class="note">Record an email address before inviting this person.</p>
      ) : null}
    </>
  )
}

function Activity(props: { entries: ActivityEntry[]; timeZone: string }) {
  if (props.entries.length === 0) return <p>Nothing recorded about or by this person yet.</p>
  return (
    <ol class="timeline">
      {props.entries.map((e) => (
        <li>
          <time datetime={e.at}>{formatInstantInZone(e.at, props.timeZone)}</time>
          {actionLabels[e.action] ?? e.action} {e.tableName ? (tableLabels[e.tableName] ?? e.tableName) : ''}
          {e.changed && e.changed.length > 0 ? ` (${e.changed.join(', ')})` : ''}
          {e.isOwn ? ', by this person' : `, by ${e.actor}`}
        </li>
      ))}
    </ol>
  )
}

/** /staff/people/:id: everything staff need to know and do about a person, without the database. */
export function PersonPage(props: Props) {
  const { person, today } = props
  const represents = person.seats.filter((s) => s.period === 'current')
  return (
    <Layout title={person.fullName}>
      <div class="wrap">
        <StaffNav current="people" />
        <nav aria-label="Breadcrumb" class="breadcrumbs">
          <ol>
            <li>
              <a href="/staff/people">People</a>
            </li>
            <li aria-current="page">{person.fullName}</li>
          </ol>
        </nav>
        <h1>{person.fullName}</h1>
        <Flashes flash={props.flash} />
        <h2>Contact</h2>
        <dl class="facts">
          <dt>Email</dt>
          <dd>
            {person.hasEmail ? (
              <a href={`mailto:${person.email}`}>{person.email}</a>
            ) : (
              <em>no email address</em>
            )}
          </dd>
          <dt>Title</dt>
          <dd>{person.title ?? <em>not recorded</em>}</dd>
          <dt>Works for</dt>
          <dd>
            {person.worksFor ? (
              <a href={`/organizations/${person.worksFor.slug}`}>{person.worksFor.name}</a>
            ) : (
              <em>not recorded</em>
            )}
          </dd>
          <dt>Represents</dt>
          <dd>
            {represents.length === 0
              ? 'No organisation today'
              : represents.map((s, i) => (
                  <>
                    {i > 0 ? '; ' : ''}
                    {s.role === 'representative' ? 'Representative' : 'Alternate'} of{' '}
                    <a href={`/organizations/${s.slug}`}>{s.organization}</a>
                  </>
                ))}
          </dd>
        </dl>
        <h2>Account</h2>
        <AccountState person={person} timeZone={props.timeZone} />
        <h2>Seats</h2>
        <SeatTable seats={person.seats} />
        <p class="note">
          “Until” is the first day a seat or term is no longer held. Seats change hands on the organisation's
          seats page (a handover or a swap).
        </p>
        <h2>Staff terms</h2>
        <TermTable
          personId={person.id}
          termRole="staff"
          terms={person.staffTerms}
          form={props.termForm}
          today={today}
        />
        <h2>Advisory Board terms</h2>
        <TermTable
          personId={person.id}
          termRole="board"
          terms={person.boardTerms}
          form={props.termForm}
          today={today}
        />
        <h2 id="add-term-heading">Add a term</h2>
        <AddTermForm personId={person.id} form={props.termForm} today={today} />
        <h2>Recent activity</h2>
        <p class="note">The last 20 changes by or about this person; the whole record is in the audit log.</p>
        <Activity entries={props.activity} timeZone={props.timeZone} />
      </div>
    </Layout>
  )
}
