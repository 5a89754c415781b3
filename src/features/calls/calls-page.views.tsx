import { Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { formatCallWhen } from './call-format.ts'
import { CallBadges, CallChanges, callPath } from './call-parts.tsx'
import { type CallView, DEFAULT_CALL_TITLE } from './call-view.ts'

function CallList(props: { calls: CallView[]; today: string; labelledBy: string; empty: string }) {
  if (props.calls.length === 0) return <p>{props.empty}</p>
  return (
    <ol class="call-list" aria-labelledby={props.labelledBy}>
      {props.calls.map((call) => (
        <li class={call.status === 'cancelled' ? 'is-cancelled' : undefined}>
          <div class="call-line">
            <a href={callPath(call)} class="call-when">
              <time datetime={call.startsAt}>{formatCallWhen(call.startsAt, call.timeZone)}</time>
            </a>
            <CallBadges call={call} today={props.today} />
          </div>
          {call.title && call.title !== DEFAULT_CALL_TITLE ? <p class="call-title">{call.title}</p> : null}
          <CallChanges call={call} />
        </li>
      ))}
    </ol>
  )
}

export type CallsPageProps = {
  today: string
  upcoming: CallView[]
  recent: CallView[]
  /** The usual time of the weekly call, such as 'Mondays at 1:00 pm ET, 30 minutes'. */
  usual: string
  feedUrl: string
  isStaff: boolean
  flash?: FlashMessage
}

/** The calls as members see them: the next ones, the latest held, and the calendar feeds. */
export function CallsPage(props: CallsPageProps) {
  return (
    <Layout title="National calls">
      <div class="wrap calls-page">
        <div class="profile-head">
          <h1>National calls</h1>
          {props.isStaff ? (
            <div class="actions-row">
              <a class="button" href="/staff/calls/new">
                Add an extra call
              </a>
              <a class="button secondary" href="/staff/calls/joining">
                Join link and dial-in
              </a>
            </div>
          ) : null}
        </div>
        <p class="lede">
          The network meets {props.usual}. Every admitted organisation’s representative or alternate attends
          at least half of the calls held in the year.
        </p>
        <Flashes flash={props.flash} />

        <div class="calls-columns">
          <section aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">Upcoming calls</h2>
            <CallList
              calls={props.upcoming}
              today={props.today}
              labelledBy="upcoming-heading"
              empty="No call is scheduled yet."
            />
          </section>
          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recent calls</h2>
            <CallList
              calls={props.recent}
              today={props.today}
              labelledBy="recent-heading"
              empty="No call has been held yet."
            />
          </section>
        </div>

        <section class="card calls-subscribe" aria-labelledby="subscribe-heading">
          <h2 id="subscribe-heading">In your calendar</h2>
          <p>
            <a href="/calendar/network.ics">Subscribe to the network calendar</a>: every call, with
            cancellations and moves as they happen. Paste this address into Google Calendar, Outlook or Apple
            Calendar:
          </p>
          <p class="feed-url">
            <code>{props.feedUrl}</code>
          </p>
          <p>
            <a href="/account/calendar">Your private calendar feed</a> adds your organisation’s presentation
            slots.
          </p>
        </section>
      </div>
    </Layout>
  )
}
