import type { Child } from 'hono/jsx'
import { CsrfInput, Field, type FieldProps, Flash } from '#src/ui/form-parts.tsx'
import { formatNumber } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import {
  type BriefingChoice,
  type CallBriefing,
  type CallView,
  callLimits,
  DEFAULT_CALL_TITLE,
  formatCallDate,
  formatCallWhen,
  isHeld,
  type PresentationSlot,
} from './calls-admin.ts'

export type FlashMessage = { text: string; isError?: boolean }
type Errors<K extends string> = Partial<Record<K, string>>

const callPath = (call: Pick<CallView, 'localDate'>) => `/calls/${call.localDate}`
const staffPath = (call: Pick<CallView, 'localDate'>, action: string) =>
  `/staff/calls/${call.localDate}/${action}`

/** Where the call was before it moved: 'Monday 7 December 2026, 1:00 pm ET', or just the date. */
const movedFromText = (moved: NonNullable<CallView['movedFrom']>): string =>
  moved.startsAt ? formatCallWhen(moved.startsAt, moved.timeZone) : formatCallDate(moved.localDate)

/** The badges of a call: cancelled, moved, extra, and (on its own page) held. */
function CallBadges(props: { call: CallView; today: string; showHeld?: boolean }) {
  const { call } = props
  return (
    <span class="call-badges">
      {call.status === 'cancelled' ? <span class="badge cancelled">Cancelled</span> : null}
      {call.movedFrom ? <span class="badge moved">Moved</span> : null}
      {call.isSeries ? null : <span class="badge extra">Extra call</span>}
      {props.showHeld && isHeld(call, props.today) ? <span class="badge held">Held</span> : null}
    </span>
  )
}

/** One line of explanation under a call: why it is cancelled, where it moved from. */
function CallChanges(props: { call: CallView }) {
  const { call } = props
  return (
    <>
      {call.status === 'cancelled' ? (
        <p class="call-change">
          <strong>Reason:</strong> {call.cancelReason}
        </p>
      ) : null}
      {call.movedFrom ? (
        <p class="call-change">
          <strong>Moved</strong> from {movedFromText(call.movedFrom)}.
        </p>
      ) : null}
    </>
  )
}

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
            <a class="button" href="/staff/calls/new">
              Add an extra call
            </a>
          ) : null}
        </div>
        <p class="lede">
          The network meets {props.usual}. Every admitted organisation’s representative or alternate attends
          at least half of the calls held in the year.
        </p>
        {props.flash ? <Flash isError={props.flash.isError}>{props.flash.text}</Flash> : null}

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

const presentationStatusLabels: Record<string, string> = {
  requested: 'Requested',
  planned: 'Planned',
  given: 'Given',
  missed: 'Missed',
}

export type CallPageProps = {
  call: CallView
  today: string
  briefings: CallBriefing[]
  presentations: PresentationSlot[]
  isStaff: boolean
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
        {props.flash ? <Flash isError={props.flash.isError}>{props.flash.text}</Flash> : null}

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
            <h2 id="briefings-heading">Briefings</h2>
            {props.briefings.length === 0 ? (
              <p class="note">No briefing is attached to this call.</p>
            ) : (
              <ul>
                {props.briefings.map((b) => (
                  <li>
                    {b.title}
                    {b.publishedOn ? (
                      <span class="note"> (published {formatCallDate(b.publishedOn)})</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
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

function StaffActions(props: { call: CallView; today: string }) {
  const { call } = props
  const isPast = call.localDate < props.today
  return (
    <section class="card staff-actions" aria-labelledby="staff-heading">
      <h2 id="staff-heading">Staff</h2>
      <div class="actions-row">
        <a class="button secondary" href={staffPath(call, 'edit')}>
          Edit agenda, notes and recording
        </a>
        {call.status === 'cancelled' ? (
          <form method="post" action={staffPath(call, 'reinstate')} class="inline-form">
            <CsrfInput />
            <button type="submit" class="button secondary">
              Reinstate the call
            </button>
          </form>
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

// ---------------------------------------------------------------------------------------------
// Staff forms

function ErrorSummary(props: { errors: Record<string, string | undefined>; flash?: FlashMessage }) {
  if (props.flash) return <Flash isError={props.flash.isError}>{props.flash.text}</Flash>
  const count = Object.values(props.errors).filter(Boolean).length
  if (count === 0) return null
  return (
    <Flash isError>
      {count === 1
        ? 'Nothing was changed: correct the field marked below.'
        : `Nothing was changed: correct the ${count} fields marked below.`}
    </Flash>
  )
}

function TextArea(
  props: Omit<FieldProps, 'type' | 'min' | 'max' | 'autocomplete' | 'minlength'> & { value: string } & {
    rows: number
  },
) {
  const hintId = props.hint ? `${props.id}-hint` : undefined
  const errorId = props.error ? `${props.id}-error` : undefined
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows}
        required={props.required ?? false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
      >
        {props.value}
      </textarea>
      {props.error ? (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
  )
}

function StaffFormPage(props: {
  title: string
  back: { href: string; label: string }
  lede?: Child
  errors: Record<string, string | undefined>
  flash?: FlashMessage
  children: Child
}) {
  return (
    <Layout title={props.title}>
      <div class="wrap call-form-page">
        <p>
          <a href={props.back.href}>← {props.back.label}</a>
        </p>
        <h1>{props.title}</h1>
        {props.lede ? <p class="lede">{props.lede}</p> : null}
        <ErrorSummary errors={props.errors} flash={props.flash} />
        {props.children}
      </div>
    </Layout>
  )
}

const backToCall = (call: CallView) => ({ href: callPath(call), label: 'The call' })

export type CancelValues = { reason: string }

export function CancelCallPage(props: {
  call: CallView
  values: CancelValues
  errors: Errors<'reason'>
  flash?: FlashMessage
}) {
  const { call } = props
  const isCancelled = call.status === 'cancelled'
  return (
    <StaffFormPage
      title={`${isCancelled ? 'Change why the call is cancelled' : 'Cancel the call'}: ${formatCallDate(call.localDate)}`}
      back={backToCall(call)}
      lede={
        <>
          The call of <time datetime={call.startsAt}>{formatCallWhen(call.startsAt, call.timeZone)}</time>.
          Members see it cancelled, with the reason, on the calls page and in their calendars. It does not
          count towards attendance.
        </>
      }
      errors={props.errors}
      flash={props.flash}
    >
      <form method="post" action={staffPath(call, 'cancel')} class="form-card" novalidate>
        <CsrfInput />
        <TextArea
          id="cancel-reason"
          name="reason"
          label="Reason"
          rows={3}
          required
          value={props.values.reason}
          error={props.errors.reason}
          hint={`Members see it. Up to ${formatNumber(callLimits.reason)} characters.`}
        />
        <div class="actions-row">
          <button type="submit" class="button">
            {isCancelled ? 'Save the reason' : 'Cancel the call'}
          </button>
          <a class="button secondary" href={callPath(call)}>
            {isCancelled ? 'Back' : 'Keep the call'}
          </a>
        </div>
      </form>
    </StaffFormPage>
  )
}

export type MoveValues = { date: string; startTime: string }

export function MoveCallPage(props: {
  call: CallView
  today: string
  values: MoveValues
  errors: Errors<'date' | 'startTime'>
  flash?: FlashMessage
}) {
  const { call } = props
  return (
    <StaffFormPage
      title={`Move the call: ${formatCallDate(call.localDate)}`}
      back={backToCall(call)}
      lede={
        <>
          Now <time datetime={call.startsAt}>{formatCallWhen(call.startsAt, call.timeZone)}</time>. Members
          see the new date and time, and their calendars move the event.
        </>
      }
      errors={props.errors}
      flash={props.flash}
    >
      <form method="post" action={staffPath(call, 'move')} class="form-card" novalidate>
        <CsrfInput />
        <Field
          id="move-date"
          name="date"
          type="date"
          label="New date"
          required
          min={props.today}
          value={props.values.date}
          error={props.errors.date}
          hint="Today or later, on a day with no other call (one call a day)."
        />
        <Field
          id="move-startTime"
          name="startTime"
          type="time"
          label="New start time"
          required
          value={props.values.startTime}
          error={props.errors.startTime}
          hint={`In the call’s time zone, ${call.timeZone}.`}
        />
        <div class="actions-row">
          <button type="submit" class="button">
            Move the call
          </button>
          <a class="button secondary" href={callPath(call)}>
            Back
          </a>
        </div>
      </form>
    </StaffFormPage>
  )
}

export type NewCallValues = { date: string; startTime: string; durationMinutes: string; title: string }

export function NewCallPage(props: {
  today: string
  timeZone: string
  values: NewCallValues
  errors: Errors<'date' | 'startTime' | 'durationMinutes' | 'title'>
  flash?: FlashMessage
}) {
  return (
    <StaffFormPage
      title="Add an extra call"
      back={{ href: '/calls', label: 'All calls' }}
      lede="A call outside the weekly series, such as a briefing on new funding. Members see it with the other calls and in their calendars."
      errors={props.errors}
      flash={props.flash}
    >
      <form method="post" action="/staff/calls/new" class="form-card" novalidate>
        <CsrfInput />
        <Field
          id="new-title"
          name="title"
          label="Title"
          required
          value={props.values.title}
          error={props.errors.title}
          hint={`What the call is about. Up to ${formatNumber(callLimits.title)} characters.`}
        />
        <Field
          id="new-date"
          name="date"
          type="date"
          label="Date"
          required
          min={props.today}
          value={props.values.date}
          error={props.errors.date}
          hint="Today or later, on a day with no other call (one call a day)."
        />
        <Field
          id="new-startTime"
          name="startTime"
          type="time"
          label="Start time"
          required
          value={props.values.startTime}
          error={props.errors.startTime}
          hint={`In the network’s time zone, ${props.timeZone}.`}
        />
        <Field
          id="new-durationMinutes"
          name="durationMinutes"
          type="number"
          label="Length in minutes"
          required
          min="5"
          max="240"
          value={props.values.durationMinutes}
          error={props.errors.durationMinutes}
          hint="From 5 to 240 minutes."
        />
        <div class="actions-row">
          <button type="submit" class="button">
            Add the call
          </button>
          <a class="button secondary" href="/calls">
            Back
          </a>
        </div>
      </form>
    </StaffFormPage>
  )
}

export type EditValues = {
  title: string
  agenda: string
  notes: string
  recordingUrl: string
  briefingIds: string[]
}

export function EditCallPage(props: {
  call: CallView
  values: EditValues
  briefings: BriefingChoice[]
  errors: Errors<'title' | 'agenda' | 'notes' | 'recordingUrl' | 'briefingIds'>
  flash?: FlashMessage
}) {
  const { call, values, errors } = props
  return (
    <StaffFormPage
      title={`Edit the call: ${formatCallDate(call.localDate)}`}
      back={backToCall(call)}
      lede={
        <>
          The call of <time datetime={call.startsAt}>{formatCallWhen(call.startsAt, call.timeZone)}</time>.
          Everything here is shown to members on the call’s page.
        </>
      }
      errors={errors}
      flash={props.flash}
    >
      <form method="post" action={staffPath(call, 'edit')} class="form-card wide" novalidate>
        <CsrfInput />
        <Field
          required={false}
          id="edit-title"
          name="title"
          label="Title"
          value={values.title}
          error={errors.title}
          hint={`Left empty, the call is called “${DEFAULT_CALL_TITLE}”. Up to ${formatNumber(callLimits.title)} characters.`}
        />
        <TextArea
          id="edit-agenda"
          name="agenda"
          label="Agenda"
          rows={6}
          value={values.agenda}
          error={errors.agenda}
          hint={`Plain text: line breaks are kept. Up to ${formatNumber(callLimits.agenda)} characters.`}
        />
        <TextArea
          id="edit-notes"
          name="notes"
          label="Notes"
          rows={8}
          value={values.notes}
          error={errors.notes}
          hint={`What was said and decided. Plain text, up to ${formatNumber(callLimits.notes)} characters.`}
        />
        <Field
          required={false}
          id="edit-recordingUrl"
          name="recordingUrl"
          type="url"
          label="Recording link"
          value={values.recordingUrl}
          error={errors.recordingUrl}
          hint="The web address of the recording, starting with https://. Leave empty when there is none."
        />
        <fieldset class="choices" aria-describedby={errors.briefingIds ? 'edit-briefings-error' : undefined}>
          <legend>Briefings attached to this call</legend>
          {errors.briefingIds ? (
            <p class="error" id="edit-briefings-error">
              {errors.briefingIds}
            </p>
          ) : null}
          {props.briefings.length === 0 ? (
            <p class="note">No briefings yet.</p>
          ) : (
            props.briefings.map((b) => (
              <div class="choice">
                <input
                  type="checkbox"
                  id={`briefing-${b.id}`}
                  name="briefingIds"
                  value={b.id}
                  checked={values.briefingIds.includes(b.id)}
                />
                <label for={`briefing-${b.id}`}>
                  {b.title}
                  {b.callDate && b.callDate !== call.localDate ? (
                    <span class="note">
                      {' '}
                      (attached to the call of {formatCallDate(b.callDate)}: ticking moves it here)
                    </span>
                  ) : b.publishedOn ? (
                    <span class="note"> (published {formatCallDate(b.publishedOn)})</span>
                  ) : null}
                </label>
              </div>
            ))
          )}
        </fieldset>
        <div class="actions-row">
          <button type="submit" class="button">
            Save
          </button>
          <a class="button secondary" href={callPath(call)}>
            Back
          </a>
        </div>
      </form>
    </StaffFormPage>
  )
}
