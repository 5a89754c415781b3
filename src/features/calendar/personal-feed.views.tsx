import { ButtonForm, Flash } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { TimeAt } from '#src/ui/time-at.tsx'
import type { PresentationSlot } from './personal-feed.ts'

/** 'https://hub.example.org/x.ics' → 'webcal://hub.example.org/x.ics': calendar apps open it as a subscription. */
export const webcalUrl = (url: string): string => url.replace(/^https?:\/\//, 'webcal://')

export type CalendarPageProps = {
  networkUrl: string
  /** The active private feed, when there is one (its address is not kept). */
  feed?: { createdAt: string }
  /** The address of a feed just created: shown this once. */
  createdUrl?: string
  /** Whether the new feed replaced an older one. */
  replaced?: boolean
  /** The organisations whose seat the person holds today, whose slots the private feed adds. */
  organizations: string[]
  slots: PresentationSlot[]
  notice?: string
}

function FeedAddress(props: { id: string; label: string; url: string; describedBy?: string }) {
  return (
    <div class="field feed-address">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="text"
        readonly
        value={props.url}
        autocomplete="off"
        spellcheck={false}
        aria-describedby={props.describedBy}
      />
    </div>
  )
}

function HowToSubscribe() {
  return (
    <details class="feed-howto">
      <summary>How to subscribe in Google Calendar, Outlook or Apple Calendar</summary>
      <ul>
        <li>
          Google Calendar (on the web): beside “Other calendars” choose “+”, then “From URL”, and paste the
          address.
        </li>
        <li>Outlook: “Add calendar”, then “Subscribe from web”, and paste the address.</li>
        <li>
          Apple Calendar: “File”, then “New Calendar Subscription…”, and paste the address; or open the
          subscribe link.
        </li>
      </ul>
      <p class="note">
        Calendar apps check a feed every few hours: a cancelled or moved call reaches them on its own.
      </p>
    </details>
  )
}

function SlotList(props: { slots: PresentationSlot[] }) {
  if (props.slots.length === 0) return <p>No presentation slot is planned for your organisation yet.</p>
  return (
    <ul class="feed-slots">
      {props.slots.map((slot) => (
        <li>
          <strong>Presentation: {slot.organizationName}</strong>,{' '}
          <time datetime={slot.callDate}>{formatDate(slot.callDate)}</time>
          {slot.callStatus === 'cancelled'
            ? ' (the call is cancelled)'
            : slot.status === 'given'
              ? ' (given)'
              : ' (planned)'}
        </li>
      ))}
    </ul>
  )
}

/** A person's calendar feeds: the public network feed and their private one. */
export function CalendarPage(props: CalendarPageProps) {
  const orgs = props.organizations
  return (
    <Layout title="Calendar feeds">
      <div class="wrap">
        <p>
          <a href="/account">← Your account</a>
        </p>
        <h1>Calendar feeds</h1>
        <p class="lede">
          Follow the national calls in your own calendar app. A feed is an address your app subscribes to:
          when staff cancel or move a call, your calendar follows.
        </p>
        {props.notice ? <Flash>{props.notice}</Flash> : null}

        <h2 id="network-heading">The network feed</h2>
        <p>Every national call, for anyone: cancelled calls stay listed, marked as cancelled.</p>
        <div class="form-card feed-card">
          <FeedAddress id="network-feed" label="Address of the network feed" url={props.networkUrl} />
          <p>
            <a href={webcalUrl(props.networkUrl)}>Subscribe to the network feed</a>
          </p>
        </div>

        <h2 id="private-heading">Your private feed</h2>
        <p>
          The same calls, and the presentation slots of{' '}
          {orgs.length > 0 ? orgs.join(' and ') : 'the organisation whose seat you hold'}. Its address is a
          secret: anyone who has it can read your feed, so keep it to yourself.
        </p>
        {props.createdUrl ? (
          <div class="form-card feed-card feed-created">
            <Flash>
              {props.replaced
                ? 'Your new private feed is ready. The old address has stopped working.'
                : 'Your private feed is ready.'}
            </Flash>
            <p class="form-error" id="feed-warning">
              Copy the address now: it is shown only this once. The Hub keeps only a fingerprint of it, so a
              lost address cannot be shown again; create a new feed instead.
            </p>
            <FeedAddress
              id="private-feed"
              label="Address of your private feed"
              url={props.createdUrl}
              describedBy="feed-warning"
            />
            <p>
              <a href={webcalUrl(props.createdUrl)}>Subscribe to your private feed</a>
            </p>
          </div>
        ) : props.feed ? (
          <p>
            You have a private feed, created <TimeAt at={props.feed.createdAt} />. Its address was shown once,
            when you created it. If you lost it, or someone else may have it, replace it: the old address
            stops working at once.
          </p>
        ) : (
          <p>You have no private feed.</p>
        )}
        <div class="actions-row feed-actions">
          <ButtonForm action="/account/calendar/feed" formClass="inline-form">
            {props.feed ? 'Replace my private feed' : 'Create my private feed'}
          </ButtonForm>
          {props.feed ? (
            <ButtonForm
              action="/account/calendar/feed/revoke"
              formClass="inline-form"
              buttonClass="button secondary"
            >
              Stop my private feed
            </ButtonForm>
          ) : null}
        </div>

        <h3 class="feed-slots-heading">Presentation slots your private feed adds</h3>
        {orgs.length === 0 ? (
          <p>You hold no representative or alternate seat today, so your private feed has the calls only.</p>
        ) : (
          <SlotList slots={props.slots} />
        )}
        <HowToSubscribe />
      </div>
    </Layout>
  )
}
