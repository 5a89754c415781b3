import { ButtonForm, CsrfInput, Flash } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import {
  type ChoicesForm,
  newsKinds,
  obligationKinds,
  type ReminderChoices,
  type ReminderKind,
  reminderKindHints,
  reminderKindLabels,
  reminderKinds,
} from './preferences.ts'
import { UNSUBSCRIBE_PATH } from './unsubscribe.ts'

export type PreferencesPageProps = {
  choices: ReminderChoices
  errors?: ChoicesForm['errors']
  /** Holds a representative or alternate seat today (only seat holders are sent reminders). */
  isSeatHolder: boolean
  notice?: string
}

/** A person's choice of reminder emails: one checkbox a kind. */
export function PreferencesPage(props: PreferencesPageProps) {
  const errors = props.errors ?? {}
  const wrong = reminderKinds.filter((k) => errors[k])
  return (
    <Layout title="Email reminders">
      <div class="wrap">
        <p>
          <a href="/account">← Your account</a>
        </p>
        <h1>Email reminders</h1>
        <p class="lede">
          Representatives and alternates get an email when something about their organisation’s obligations
          needs them, and anyone may ask for a weekly digest of what was published. Choose which emails you
          get.
        </p>
        {props.notice ? <Flash>{props.notice}</Flash> : null}
        {wrong.length > 0 ? (
          <div class="flash error" role="alert">
            <p>Your choices were not saved:</p>
            <ul>
              {wrong.map((k) => (
                <li>
                  <a href={`#reminder-${k}`}>{errors[k]}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {props.isSeatHolder ? null : (
          <p class="note">
            You hold no representative or alternate seat today, so the obligation reminders are not sent to
            you for now. Your choices apply from the day you do; the weekly digest comes whenever you ask for
            it.
          </p>
        )}
        <form method="post" action="/account/reminders" class="form-card reminder-form">
          <CsrfInput />
          <fieldset class="choices">
            <legend>Email me when</legend>
            <ul class="choice-list">
              {obligationKinds.map((kind) => (
                <KindChoice kind={kind} isChecked={props.choices[kind]} error={errors[kind]} />
              ))}
            </ul>
          </fieldset>
          <fieldset class="choices">
            <legend>News from the network</legend>
            <ul class="choice-list">
              {newsKinds.map((kind) => (
                <KindChoice kind={kind} isChecked={props.choices[kind]} error={errors[kind]} />
              ))}
            </ul>
          </fieldset>
          <button type="submit" class="button">
            Save my choices
          </button>
        </form>
        <p class="note reminder-note">
          Every one of these emails ends with a link that stops that kind of email, without signing in.
        </p>
      </div>
    </Layout>
  )
}

function KindChoice(props: { kind: ReminderKind; isChecked: boolean; error?: string }) {
  const id = `reminder-${props.kind}`
  const describedBy = [props.error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')
  return (
    <li>
      <div class="choice">
        <input
          type="checkbox"
          id={id}
          name={props.kind}
          value="on"
          checked={props.isChecked}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
        <label for={id}>{reminderKindLabels[props.kind]}</label>
      </div>
      {props.error ? (
        <p class="error reminder-choice-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      <p class="hint" id={`${id}-hint`}>
        {reminderKindHints[props.kind]}
      </p>
    </li>
  )
}

export type UnsubscribePageProps = {
  token: string
  kind: ReminderKind
  /** The person gets no more emails of this kind. */
  isOff: boolean
  /** Just turned off by this link. */
  isDone: boolean
}

/** Where the link of a reminder email leads: a confirmation with one button, or that it is done. */
export function UnsubscribePage(props: UnsubscribePageProps) {
  const label = reminderKindLabels[props.kind]
  const title = props.kind === 'weekly_digest' ? 'Stop the weekly digest' : 'Stop reminder emails'
  return (
    <Layout title={title}>
      <div class="wrap unsubscribe">
        <h1>{title}</h1>
        {props.isOff ? (
          <>
            <Flash>
              {props.isDone ? 'Done. ' : ''}You will no longer get the emails “{label}”.
            </Flash>
            <p>
              Your other emails are not affected. To turn this one back on, or to choose the others, sign in
              and open <a href="/account/reminders">Email reminders</a>.
            </p>
          </>
        ) : (
          <>
            <p class="lede">
              Stop the emails “{label}”? {reminderKindHints[props.kind]}
            </p>
            <ButtonForm
              action={UNSUBSCRIBE_PATH}
              formClass="form-card unsubscribe-form"
              fields={{ token: props.token }}
            >
              Stop these emails
            </ButtonForm>
            <p class="note">
              Only this kind of email stops. To choose each kind, sign in and open{' '}
              <a href="/account/reminders">Email reminders</a>.
            </p>
          </>
        )}
      </div>
    </Layout>
  )
}
