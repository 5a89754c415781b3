import { CsrfInput, Field, Flash } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { currentChrome } from '#src/ui/site-chrome.ts'
import { NewPasswordFields } from './auth.views.tsx'
import type { InvitationListItem } from './invitations.ts'
import type { NewPasswordErrors } from './passwords.ts'
import { commitmentKeys, commitmentLabels, seatRoleLabels } from './seat-commitments.ts'

export type StaffInvitationsProps = {
  invitations: InvitationListItem[]
  notice?: string
  error?: string
  form?: { fullName?: string; email?: string; fullNameError?: string; emailError?: string }
}

function StateCell(props: { invitation: InvitationListItem }) {
  const i = props.invitation
  if (i.state === 'accepted') return <td>Accepted {i.acceptedOn ? formatDate(i.acceptedOn) : ''}</td>
  if (i.state === 'expired') return <td>Expired {formatDate(i.expiresOn)}, not used</td>
  return <td>Pending, until {formatDate(i.expiresOn)}</td>
}

export function StaffInvitationsPage(props: StaffInvitationsProps) {
  return (
    <Layout title="Invitations">
      <div class="wrap">
        <h1>Invitations</h1>
        <p class="lede">
          Invite someone to the Hub: they get an email with a link to choose their password. The link works
          once, for 7 days.
        </p>
        {props.notice ? <Flash>{props.notice}</Flash> : null}
        {props.error ? <Flash isError>{props.error}</Flash> : null}
        <h2 id="invite-heading">Invite a person</h2>
        <form method="post" action="/staff/invitations" class="form-card" aria-labelledby="invite-heading">
          <CsrfInput />
          <Field
            id="full-name"
            name="fullName"
            label="Full name"
            value={props.form?.fullName}
            autocomplete="off"
            maxlength={200}
            hint="Used when the address is new to the Hub; a person already on record keeps their name."
            error={props.form?.fullNameError}
          />
          <Field
            id="email"
            name="email"
            type="email"
            label="Email address"
            value={props.form?.email}
            autocomplete="off"
            error={props.form?.emailError}
          />
          <p>
            <button type="submit" class="button">
              Send the invitation
            </button>
          </p>
        </form>
        <h2 id="list-heading">Invitations sent</h2>
        {props.invitations.length === 0 ? (
          <p>No invitations yet.</p>
        ) : (
          <div class="table-wrap">
            <table aria-labelledby="list-heading">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Sent</th>
                  <th scope="col">By</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {props.invitations.map((i) => (
                  <tr>
                    <td>
                      {i.fullName}
                      <br />
                      <span class="note">{i.email}</span>
                    </td>
                    <td>{formatDate(i.createdOn)}</td>
                    <td>{i.invitedByName ?? 'Someone no longer on record'}</td>
                    <StateCell invitation={i} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Layout>
  )
}

export type InvitedSeat = { role: 'representative' | 'alternate'; organizationName: string; startsOn: string }

/** For an invitation to a seat: the organisation, the seat, and the commitments to confirm. */
function SeatCommitments(props: { seat: InvitedSeat; error?: string }) {
  const { seat } = props
  return (
    <section class="form-section" aria-labelledby="seat-heading" id="seat">
      <h2 id="seat-heading">Your seat</h2>
      <p>
        <strong>{seatRoleLabels[seat.role]}</strong> of <strong>{seat.organizationName}</strong>, from{' '}
        {formatDate(seat.startsOn)}.
      </p>
      <p>As the organisation's {seat.role}, you take on its commitments to the network:</p>
      <ul>
        {commitmentKeys.map((key) => (
          <li>{commitmentLabels[key]}</li>
        ))}
      </ul>
      {props.error ? (
        <p class="error" id="commitments-error">
          {props.error}
        </p>
      ) : null}
      <p class="choice">
        <input
          type="checkbox"
          id="confirm-commitments"
          name="confirmCommitments"
          value="yes"
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? 'commitments-error' : undefined}
        />
        <label for="confirm-commitments">I confirm these commitments.</label>
      </p>
    </section>
  )
}

export function AcceptInvitationPage(props: {
  token: string
  fullName: string
  email: string
  seat?: InvitedSeat | null
  errors?: NewPasswordErrors
  commitmentsError?: string
  error?: string
}) {
  return (
    <Layout title="Choose your password">
      <div class="wrap">
        <h1>Choose your password</h1>
        <p class="lede">
          Welcome to the {currentChrome().name}, {props.fullName}. Choose the password you will sign in with,
          together with your address {props.email}.
        </p>
        {props.error ? <Flash isError>{props.error}</Flash> : null}
        <form method="post" action={`/invitations/${props.token}`} class="form-card">
          <CsrfInput />
          {props.seat ? <SeatCommitments seat={props.seat} error={props.commitmentsError} /> : null}
          <NewPasswordFields errors={props.errors} label="Password" />
          <p>
            <button type="submit" class="button">
              Set my password and sign in
            </button>
          </p>
        </form>
      </div>
    </Layout>
  )
}

/**
 * An invitation for someone who already signs in: signed in as them, they confirm the seat's
 * commitments and accept; otherwise they are asked to sign in first. Never a new password.
 */
export function AcceptWithAccountPage(props: {
  token: string
  fullName: string
  email: string
  seat?: InvitedSeat | null
  /** Who is signed in now, if anyone. */
  signedIn?: { email: string; isInvited: boolean }
  commitmentsError?: string
  error?: string
}) {
  const path = `/invitations/${props.token}`
  const what = props.seat ? 'the seat' : 'the invitation'
  const title = props.seat ? 'Accept your seat' : 'Accept the invitation'
  return (
    <Layout title={title}>
      <div class="wrap">
        <h1>{title}</h1>
        {props.error ? <Flash isError>{props.error}</Flash> : null}
        {props.signedIn?.isInvited ? (
          <>
            <p class="lede">
              Welcome back, {props.fullName}. You are signed in as {props.email}: accept {what} below. Your
              password stays as it is.
            </p>
            <form method="post" action={path} class="form-card">
              <CsrfInput />
              {props.seat ? <SeatCommitments seat={props.seat} error={props.commitmentsError} /> : null}
              <p>
                <button type="submit" class="button">
                  Accept {what}
                </button>
              </p>
            </form>
          </>
        ) : (
          <>
            <p class="lede">
              {props.fullName}, you already have an account with the address {props.email}. Sign in as you
              usually do, with your own password (or an emailed sign-in link); you come back here to accept{' '}
              {what}. Nothing about your password changes.
            </p>
            {props.signedIn ? (
              <p>
                You are signed in as {props.signedIn.email}, not {props.email}: sign out first (at the top of
                the page), then sign in as {props.email}.
              </p>
            ) : (
              <p>
                <a class="button" href={`/sign-in?next=${encodeURIComponent(path)}`}>
                  Sign in to accept
                </a>
              </p>
            )}
          </>
        )}
      </div>
    </Layout>
  )
}

export function InvitationUnusablePage(props: { title: string; message: string }) {
  return (
    <Layout title={props.title}>
      <div class="wrap">
        <h1>{props.title}</h1>
        <p class="lede">{props.message}</p>
        <p>
          Already chose a password? <a href="/sign-in">Sign in</a>. Otherwise ask the staff member who invited
          you to send a new invitation, or <a href="/forgot-password">get a link to choose a password</a>.
        </p>
      </div>
    </Layout>
  )
}
