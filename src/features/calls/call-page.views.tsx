import type { JoinDetails } from '#src/features/settings/index.ts'
import { ButtonForm, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { CallLibraryItem, PresentationSlot } from './call-attachments.ts'
import { formatCallDate, formatCallWhen } from './call-format.ts'
import { CallBadges, movedFromText, staffPath } from './call-parts.tsx'
import { type CallView, DEFAULT_CALL_TITLE } from './call-view.ts'
import { isHeld } from './held.ts'

const presentationStatusLabels: Record<string, string> = {
  requested: 'Requested',
  planned: 'Planned',
  given: 'Given',
  missed: 'Missed',
}

export type CallPageProps = {
  call: CallView
  today: string
  briefings: CallLibraryItem[]
  presentations: PresentationSlot[]
  /** How many funding opportunities staff pinned to the call (listed at /calls/:date/funding). */
  pinnedFunding?: number
  isStaff: boolean
  /** How members join: the call's own link and dial-in, or the series'. The page answers members only. */
  join: JoinDetails
  flash?: FlashMessage
}

/** One call: when, what changed, agenda, notes, recording, briefings and presentations; staff actions. */
export function CallPage(props: CallPageProps) {
  const { call } = props
  const when = formatCallWhen(call.startsAt, call.timeZone)
  const title = call.title ?? DEFAULT_CALL_TITLE
  const tense =
    call.status === 'cancelled'
      ? 'Cancelled'
      : isHeld(call, props.today)
        ? 'Held'
        : call.localDate === props.today
          ? 'Today'
          : 'Upcoming'
  return (
    <Layout title={`${title}, ${formatCallDate(call.localDate)}`}>
      <div class="wrap call-page">
        <p>
          <a href="/calls">← All calls</a>
        </p>
        <div class="profile-head">
          <h1>{title}</h1>
          <CallBadges call={call} today={props.today} showHeld />
        </div>
        <p class="lede">
          <time datetime={call.startsAt}>{when}</time>, {formatNumber(call.durationMinutes)} minutes
        </p>
        <Flashes flash={props.flash} />

        <dl class="facts call-facts">
          <dt>Status</dt>
          <dd>
            {tense}
            {call.status === 'cancelled' ? <>: {call.cancelReason}</> : null}
          </dd>
          {call.movedFrom ? (
            <>
              <dt>Moved</dt>
              <dd>From {movedFromText(call.movedFrom)}</dd>
            </>
          ) : null}
          {call.isSeries ? null : (
            <>
              <dt>Extra call</dt>
              <dd>Added outside the weekly series</dd>
            </>
          )}
          {props.isStaff && call.addedReason ? (
            <>
              <dt>Added afterwards</dt>
              <dd class="prose">{call.addedReason}</dd>
            </>
          ) : null}
          {/* A cancelled call has no way in and no recording to wait for. */}
          {call.status === 'cancelled' ? null : (
            <>
              <JoinFacts join={props.join} />
              <dt>Recording</dt>
              <dd>
                {call.recordingUrl ? (
                  <a href={call.recordingUrl} rel="noopener noreferrer">
                    Watch the recording
                  </a>
                ) : (
                  <span class="note">No recording yet</span>
                )}
              </dd>
            </>
          )}
        </dl>

        {props.isStaff ? <StaffActions call={call} today={props.today} /> : null}

        <div class="call-sections">
          <section aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">Agenda</h2>
            {call.agenda ? <p class="prose">{call.agenda}</p> : <p class="note">No agenda yet.</p>}
          </section>
          <section aria-labelledby="notes-heading">
            <h2 id="notes-heading">Notes</h2>
            {call.notes ? <p class="prose">{call.notes}</p> : <p class="note">No notes yet.</p>}
          </section>
          <section aria-labelledby="briefings-heading">
            <h2 id="briefings-heading">Briefings and resources</h2>
            {props.briefings.length === 0 ? (
              <p class="note">No briefing or resource of the library was presented on this call.</p>
            ) : (
              <ul>
                {props.briefings.map((b) => (
                  <li>
                    <a href={`/library/${b.slug}`}>{b.title}</a>
                    {b.kind === 'resource' ? <span class="note"> (resource)</span> : null}
                    {b.publishedOn ? (
                      <span class="note"> (published {formatCallDate(b.publishedOn)})</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {props.pinnedFunding ? (
              <p>
                <a href={`/calls/${call.localDate}/funding`}>
                  {props.pinnedFunding === 1
                    ? 'One federal funding opportunity is pinned to this call'
                    : `${formatNumber(props.pinnedFunding)} federal funding opportunities are pinned to this call`}
                </a>
              </p>
            ) : null}
          </section>
          <section aria-labelledby="presentations-heading">
            <h2 id="presentations-heading">Presentations</h2>
            {props.presentations.length === 0 ? (
              <p class="note">No presentation is planned on this call.</p>
            ) : (
              <ul>
                {props.presentations.map((p) => (
                  <li>
                    <a href={`/organizations/${p.organizationSlug}`}>{p.organizationName}</a>{' '}
                    <span class="note">
                      {presentationStatusLabels[p.status] ?? p.status}
                      {p.title ? `: ${p.title}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </Layout>
  )
}

/** The join link and dial-in, for the members who read this page. */
function JoinFacts(props: { join: CallPageProps['join'] }) {
  const { joinUrl, dialIn } = props.join
  return (
    <>
      <dt>Join</dt>
      <dd>
        {joinUrl ? (
          <a href={joinUrl} rel="noopener noreferrer" class="join-link">
            Join the call
          </a>
        ) : (
          <span class="note">No join link yet</span>
        )}
      </dd>
      {dialIn ? (
        <>
          <dt>Dial-in</dt>
          <dd class="prose">{dialIn}</dd>
        </>
      ) : null}
    </>
  )
}

function StaffActions(props: { call: CallView; today: string }) {
  const { call } = props
  const isPast = call.localDate < props.today
  return (
    <section class="card staff-actions" aria-labelledby="staff-heading">
      <h2 id="staff-heading">Staff</h2>
      <div class="actions-row">
        <a class="button secondary" href={staffPath(call, 'edit')}>
          Edit agenda, notes, recording and join link
        </a>
        {call.status === 'cancelled' ? (
          <ButtonForm
            action={staffPath(call, 'reinstate')}
            formClass="inline-form"
            buttonClass="button secondary"
          >
            Reinstate the call
          </ButtonForm>
        ) : (
          <>
            {isPast ? null : (
              <a class="button secondary" href={staffPath(call, 'move')}>
                Move the call
              </a>
            )}
            <a class="button secondary" href={staffPath(call, 'cancel')}>
              Cancel the call
            </a>
          </>
        )}
      </div>
      <p>
        Attendance: <a href={staffPath(call, 'roll-call')}>Roll call</a> ·{' '}
        <a href={staffPath(call, 'attendance')}>Attendance imports</a>
      </p>
    </section>
  )
}
