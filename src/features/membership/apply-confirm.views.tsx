import { categoryLabels } from '#src/features/organizations/index.ts'
import { ButtonForm, Flash } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'

// The pages around the emailed links that start an application.

/** After an application is started by someone not signed in. */
export function ApplyEmailSentPage(props: { email: string; problem?: string }) {
  return (
    <Layout title="Check your email">
      <div class="wrap">
        <h1>Check your email</h1>
        {props.problem ? (
          <Flash isError>{props.problem}</Flash>
        ) : (
          <Flash>
            We sent you a link to your draft at {props.email}. It works once, for 15 minutes, and signs you
            in.
          </Flash>
        )}
        <p>
          Your draft is saved. Whenever you come back, sign in with an emailed link from the{' '}
          <a href="/sign-in?next=%2Fapplications">sign-in page</a> to find it again.
        </p>
      </div>
    </Layout>
  )
}

/** The owner of the address was emailed: nothing is created until they open the link. */
export function ApplyConfirmationSentPage(props: { email: string; hours: number }) {
  return (
    <Layout title="Check your email">
      <div class="wrap">
        <h1>Check your email</h1>
        <Flash>
          We emailed a link to {props.email}. The draft is created when it is opened: the link works once, for{' '}
          {props.hours} hours.
        </Flash>
        <p>
          That address is already known to the Hub, so only its owner can start an application with it. If it
          is yours, open the link from your mailbox; if you have an account, you can also{' '}
          <a href="/sign-in?next=%2Fapply">sign in</a> and apply from there.
        </p>
      </div>
    </Layout>
  )
}

/** The owner opened the link: what would be created, and the button that creates it. */
export function ApplyConfirmPage(props: {
  action: string
  organizationName: string
  category: 'member' | 'bff'
}) {
  return (
    <Layout title="Start your application">
      <div class="wrap">
        <h1>Start your application</h1>
        <p>
          Someone asked, with your email address, to start an application for{' '}
          <strong>{props.organizationName}</strong> ({categoryLabels[props.category]}). If it was you, start
          the draft: it is kept in your account and only you can see it until you submit it. If it was not
          you, close this page: nothing is created.
        </p>
        <ButtonForm action={props.action}>Start the draft</ButtonForm>
      </div>
    </Layout>
  )
}

/** The draft is created; the owner is not signed in on this browser. */
export function ApplyConfirmedPage(props: { draftPath: string }) {
  return (
    <Layout title="Your draft is started">
      <div class="wrap">
        <h1>Your draft is started</h1>
        <Flash>Your draft is in your account. Sign in to fill it in at your own pace.</Flash>
        <p>
          <a class="button" href={`/sign-in?next=${encodeURIComponent(props.draftPath)}`}>
            Sign in to open the draft
          </a>
        </p>
      </div>
    </Layout>
  )
}

/** A link that is unknown, used or expired. */
export function ApplyConfirmGonePage() {
  return (
    <Layout title="This link no longer works">
      <div class="wrap">
        <h1>This link no longer works</h1>
        <p>
          It was used already, or it is older than its time limit. Start again on the{' '}
          <a href="/apply">apply page</a>, or sign in and apply from your account.
        </p>
      </div>
    </Layout>
  )
}
