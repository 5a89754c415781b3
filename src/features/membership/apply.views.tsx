import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { type BffKind, bffKinds, type MemberCriterion, memberCriteria } from '#src/db/schema/index.ts'
import { acceptAttribute, formatFileSize } from '#src/features/files/index.ts'
import { stateName } from '#src/features/map/index.ts'
import {
  bffKindLabels,
  categoryLabels,
  countyLabel,
  RegionPicker,
  regionMapSvg,
} from '#src/features/organizations/index.ts'
import { CsrfInput, Flash } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import {
  type ApplicationDetail,
  type ApplicationListItem,
  applicantStatus,
  criterionHints,
  criterionLabels,
  type DesignationRow,
  type DraftField,
  type DraftForm,
  designationProgramCodes,
  designationProgramLabels,
  draftFieldsOf,
  draftLimits,
  type EvidenceItem,
  eventLabels,
  missingForSubmission,
  openStatuses,
  type StartField,
  type StartForm,
  verdictLabels,
} from './applications.ts'

/** An instant in the network's time zone: 'November 26, 2026 at 10:05 AM EST'. */
export function formatInstant(isoInstant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(new Date(isoInstant))
}

// ---------------------------------------------------------------------------------------------
// Fields

type FieldProps = {
  id: string
  name: string
  label: string
  value: string
  error?: string
  hint?: string
  rows?: number
  type?: 'text' | 'email' | 'url'
  autocomplete?: string
  inputmode?: 'url' | 'email' | 'text'
}

/** A labelled input or textarea, its error right under the label and its hint under the field. */
function TextField(props: FieldProps) {
  const errorId = `${props.id}-error`
  const hintId = `${props.id}-hint`
  const describedBy = [props.error ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ')
  const common = {
    id: props.id,
    name: props.name,
    'aria-invalid': props.error ? 'true' : undefined,
    'aria-describedby': describedBy || undefined,
  }
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.error ? (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      {props.rows ? (
        <textarea {...common} rows={props.rows}>
          {props.value}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          value={props.value}
          autocomplete={props.autocomplete}
          inputmode={props.inputmode}
        />
      )}
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
  )
}

function Select(props: {
  id: string
  name: string
  label: string
  value: string
  options: { value: string; label: string }[]
  error?: boolean
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} aria-invalid={props.error ? 'true' : undefined}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

function ProblemList(props: { title: string; problems: { href: string; label: string; message: string }[] }) {
  if (props.problems.length === 0) return null
  return (
    <div class="flash error" role="alert" id="form-problems">
      <p>{props.title}</p>
      <ul>
        {props.problems.map((p) => (
          <li>
            <a href={p.href}>{p.label}</a>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  )
}

// ---------------------------------------------------------------------------------------------
// /apply

const startLabels: Record<StartField, string> = {
  fullName: 'Your full name',
  email: 'Your email address',
  category: 'You apply as',
  organizationName: 'Name of the organisation',
}

export type ApplyPageProps = {
  /** Signed in: name and address come from the account. */
  signedInAs?: { name: string; email: string }
  values: StartForm
  errors: Partial<Record<StartField, string>>
  error?: string
}

/** What membership means, the two categories and the obligations, and the form that starts an application. */
export function ApplyPage(props: ApplyPageProps) {
  const { values, errors } = props
  const problems = (Object.keys(startLabels) as StartField[])
    .filter((f) => errors[f])
    .map((f) => ({ href: `#start-${f}`, label: startLabels[f], message: errors[f] ?? '' }))
  return (
    <Layout
      title="Apply to join"
      description="How a manufacturing community or a BFF joins the collaborative."
    >
      <div class="wrap">
        <h1>Apply to join the collaborative</h1>
        <p class="lede">
          The collaborative is a national network of regional manufacturing communities and the federal,
          non-profit and private organisations that support them. Organisations join in one of two ways.
        </p>
        <div class="grid-2">
          <section class="card" aria-labelledby="about-members">
            <h2 id="about-members">As a member community</h2>
            <p>
              A regional collaboration of public and private partners (cities, universities, colleges,
              development agencies, manufacturers) carrying out a regional economic development plan with an
              important manufacturing component. You show four things, each with a document or a link:
            </p>
            <ol>
              {memberCriteria.map((c) => (
                <li>{criterionLabels[c]}</li>
              ))}
            </ol>
            <p>Staff check each criterion; then the Advisory Board decides.</p>
          </section>
          <section class="card" aria-labelledby="about-bffs">
            <h2 id="about-bffs">As a BFF</h2>
            <p>
              A federal agency office, a national NGO or a private entity whose work adds open-source value to
              manufacturing communities. You tell us what kind of organisation you are and what you offer; the
              Advisory Board decides, by vote, whether you join.
            </p>
          </section>
        </div>
        <h2>What every organisation commits to</h2>
        <ol class="obligations">
          <li>
            <strong>A representative and an alternate</strong>, named at all times.
          </li>
          <li>
            <strong>The weekly call</strong>: 30 minutes every Monday; the representative or the alternate
            joins at least half of the calls held each year.
          </li>
          <li>
            <strong>A presentation a year</strong> of 10 to 15 minutes on a call: progress and best practices,
            or for BFFs the open-source value of their work.
          </li>
          <li>
            <strong>Sharing every quarter</strong>: pass the collaborative’s briefings and resources on to
            your own stakeholders.
          </li>
        </ol>
        <h2 id="start-heading">Start an application</h2>
        <p>
          {props.signedInAs
            ? `You are signed in as ${props.signedInAs.name} (${props.signedInAs.email}): the application will be yours.`
            : 'We email you a link to your draft: you can fill it in over several visits, and submit it when it is complete.'}
        </p>
        {props.error ? <Flash isError>{props.error}</Flash> : null}
        <ProblemList
          title="The application was not started: please check these fields."
          problems={problems}
        />
        <form method="post" action="/apply" class="form-card" aria-labelledby="start-heading" novalidate>
          <CsrfInput />
          {props.signedInAs ? null : (
            <>
              <TextField
                id="start-fullName"
                name="fullName"
                label={startLabels.fullName}
                value={values.fullName}
                error={errors.fullName}
                autocomplete="name"
              />
              <TextField
                id="start-email"
                name="email"
                type="email"
                label={startLabels.email}
                value={values.email}
                error={errors.email}
                autocomplete="email"
                hint="The sign-in link to your draft goes to this address."
              />
            </>
          )}
          <fieldset
            class="group"
            id="start-category"
            aria-describedby={errors.category ? 'start-category-error' : undefined}
          >
            <legend>{startLabels.category}</legend>
            {errors.category ? (
              <p class="error" id="start-category-error">
                {errors.category}
              </p>
            ) : null}
            <ul class="choice-list">
              {(['member', 'bff'] as const).map((category) => (
                <li>
                  <div class="choice">
                    <input
                      type="radio"
                      id={`start-category-${category}`}
                      name="category"
                      value={category}
                      checked={values.category === category}
                    />
                    <label for={`start-category-${category}`}>
                      {category === 'member' ? 'A member community' : 'A BFF'}
                    </label>
                  </div>
                </li>
              ))}
            </ul>
          </fieldset>
          <TextField
            id="start-organizationName"
            name="organizationName"
            label={startLabels.organizationName}
            value={values.organizationName}
            error={errors.organizationName}
            autocomplete="organization"
            hint={`Up to ${draftLimits.organizationName} characters. You can change it until you submit.`}
          />
          <p>
            <button type="submit" class="button">
              {props.signedInAs ? 'Start the application' : 'Start and email me the link'}
            </button>
          </p>
        </form>
      </div>
    </Layout>
  )
}

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
        <form method="post" action={props.action}>
          <CsrfInput />
          <button type="submit" class="button">
            Start the draft
          </button>
        </form>
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

// ---------------------------------------------------------------------------------------------
// /applications

export function StatusBadge(props: { status: ApplicationDetail['status'] }) {
  return <span class="badge">{applicantStatus[props.status].label}</span>
}

export function MyApplicationsPage(props: { items: ApplicationListItem[]; timeZone: string }) {
  return (
    <Layout title="Your applications">
      <div class="wrap">
        <h1>Your applications</h1>
        {props.items.length === 0 ? (
          <p>
            You have no application yet. <a href="/apply">Start one</a>.
          </p>
        ) : (
          <ul class="application-list">
            {props.items.map((item) => (
              <li>
                <h2>
                  <a href={`/applications/${item.id}`}>{item.organizationName || 'Untitled application'}</a>
                </h2>
                <p>
                  {categoryLabels[item.category]} · <StatusBadge status={item.status} />
                </p>
                <p class="note">
                  {item.submittedAt
                    ? `Submitted ${formatInstant(item.submittedAt, props.timeZone)}`
                    : `Last saved ${formatInstant(item.updatedAt, props.timeZone)}`}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/apply">Start another application</a>
        </p>
      </div>
    </Layout>
  )
}

// ---------------------------------------------------------------------------------------------
// /applications/:id

const fieldLabels: Record<DraftField, string> = {
  organizationName: 'Name of the organisation',
  shortName: 'Short name',
  leadOrganization: 'Lead organisation',
  website: 'Website',
  summary: 'Summary',
  partners: 'Partner organisations',
  focusIndustries: 'Focus industries',
  designations: 'Designations',
  states: 'States',
  counties: 'Counties',
  bffKind: 'Kind of organisation',
  openSourceValue: 'The open-source value you offer',
}

const fieldHints: Partial<Record<DraftField, string>> = {
  organizationName: `Up to ${draftLimits.organizationName} characters.`,
  shortName: `An acronym or short form, such as AMP SoCal. Up to ${draftLimits.shortName} characters.`,
  leadOrganization:
    'The organisation that leads the collaboration, such as a university’s centre for economic development.',
  website: 'A full address starting with http:// or https://; leave empty for none.',
  summary: `A few sentences about the organisation and what it does. Up to ${draftLimits.summary.toLocaleString('en-US')} characters.`,
  partners: `One organisation a line, up to ${draftLimits.partnerLines} lines. The number of partners is counted from this list.`,
  focusIndustries: `One a line, such as Aerospace and defense; up to ${draftLimits.focusLines} lines.`,
  openSourceValue:
    'What your work offers manufacturing communities openly: tools, data, programs, know-how. Required to submit.',
}

const fieldAnchor = (field: DraftField) =>
  field === 'designations' ? '#designations' : field === 'bffKind' ? '#field-bffKind' : `#field-${field}`

export type EvidenceFormState = { criterion: MemberCriterion; message: string; link: string }

export type ApplicationPageProps = {
  app: ApplicationDetail
  /** The draft form's values: the record, or what was typed when some of it did not pass. */
  form: DraftForm
  errors: Partial<Record<DraftField, string>>
  notice?: string
  /** A message at the top when something was refused. */
  problem?: string
  evidenceError?: EvidenceFormState
  /** After a refused submission: what is still missing. */
  missing?: string[]
  answer?: { value: string; error?: string }
  today: string
  timeZone: string
}

export function ApplicationPage(props: ApplicationPageProps) {
  const { app } = props
  const isDraft = app.status === 'draft'
  const title = app.organizationName || 'Your application'
  return (
    <Layout title={title}>
      <div class="wrap application-page">
        <p>
          <a href="/applications">← Your applications</a>
        </p>
        <h1>{title}</h1>
        <p class="lede">
          Application as a {app.category === 'member' ? 'member community' : 'BFF'} ·{' '}
          <StatusBadge status={app.status} />
        </p>
        {props.notice ? <Flash>{props.notice}</Flash> : null}
        {props.problem ? <Flash isError>{props.problem}</Flash> : null}
        <StatusCard app={app} timeZone={props.timeZone} />
        {isDraft ? <DraftForms {...props} /> : <SubmittedView {...props} />}
        <History app={app} timeZone={props.timeZone} />
        {openStatuses.includes(app.status) ? <WithdrawForm app={app} /> : null}
      </div>
    </Layout>
  )
}

function StatusCard(props: { app: ApplicationDetail; timeZone: string }) {
  const { app } = props
  const words = applicantStatus[app.status]
  const explanation =
    app.status === 'submitted' && app.category === 'bff'
      ? 'Staff are looking at it before it goes to the Advisory Board.'
      : words.explanation
  return (
    <section
      class={`card status-card${app.status === 'needs_info' ? ' attention' : ''}`}
      aria-labelledby="status-heading"
    >
      <h2 id="status-heading" class="visually-hidden">
        Where it stands
      </h2>
      <p class="status">{words.label}</p>
      <p>{explanation}</p>
      {app.submittedAt ? (
        <p class="note">
          Submitted {formatInstant(app.submittedAt, props.timeZone)}
          {app.round > 1 ? ` · review round ${app.round}` : ''}.
        </p>
      ) : null}
      {app.decision ? (
        <p class="note">
          Decided {formatInstant(app.decision.decidedAt, props.timeZone)}
          {app.decision.admittedOn ? `; member from ${formatDate(app.decision.admittedOn)}` : ''}.
        </p>
      ) : null}
    </section>
  )
}

function DraftForms(props: ApplicationPageProps) {
  const { app, form, errors } = props
  const fields = draftFieldsOf(app.category)
  const problems = fields
    .filter((f) => errors[f])
    .map((f) => ({ href: fieldAnchor(f), label: fieldLabels[f], message: errors[f] ?? '' }))
  const text = (field: DraftField, extra: Partial<FieldProps> = {}) =>
    fields.includes(field) ? (
      <TextField
        id={`field-${field}`}
        name={field}
        label={fieldLabels[field]}
        value={form[field] as string}
        error={errors[field]}
        hint={fieldHints[field]}
        {...extra}
      />
    ) : null
  return (
    <>
      <ProblemList
        title={`Some of what you typed was not saved: ${problems.length === 1 ? 'one field needs' : `${problems.length} fields need`} a change. Everything else is saved.`}
        problems={problems}
      />
      <form method="post" action={`/applications/${app.id}`} class="form-card" id="draft-form" novalidate>
        <CsrfInput />
        <section class="form-section" aria-labelledby="organisation-heading">
          <h2 id="organisation-heading">The organisation</h2>
          {text('organizationName', { autocomplete: 'organization' })}
          {text('shortName')}
          {text('leadOrganization')}
          {text('website', { type: 'url', inputmode: 'url', autocomplete: 'url' })}
          {text('summary', { rows: 6 })}
        </section>
        {app.category === 'member' ? (
          <>
            <section class="form-section" aria-labelledby="partners-heading">
              <h2 id="partners-heading">Partners and focus</h2>
              {text('partners', { rows: 8 })}
              {text('focusIndustries', { rows: 4 })}
            </section>
            <Designations rows={form.designations} error={errors.designations} />
            <RegionPicker
              states={form.states}
              counties={form.counties}
              statesError={errors.states}
              countiesError={errors.counties}
            />
          </>
        ) : (
          <section class="form-section" aria-labelledby="bff-heading">
            <h2 id="bff-heading">As a BFF</h2>
            <BffKindField value={form.bffKind} error={errors.bffKind} />
            {text('openSourceValue', { rows: 6 })}
          </section>
        )}
        <p>
          <button type="submit" class="button">
            Save the draft
          </button>
        </p>
      </form>
      {app.category === 'member' ? (
        <EvidenceSection app={app} canChange evidenceError={props.evidenceError} />
      ) : null}
      <SubmitSection app={app} missing={props.missing} />
    </>
  )
}

function Designations(props: { rows: DesignationRow[]; error?: string }) {
  const rows = [...props.rows, { program: '', other: '', kind: 'designated', date: '' }]
  const programOptions = [
    { value: '', label: 'None' },
    ...designationProgramCodes.map((code) => ({ value: code, label: designationProgramLabels[code] })),
    { value: 'other', label: 'Another program' },
  ]
  return (
    <section class="form-section" id="designations" aria-labelledby="designations-heading">
      <h2 id="designations-heading">Designations</h2>
      <p class="hint">
        Federal designations of your community, such as IMCP or DMCSP. Save to get a new empty row; empty a
        row’s program and date to remove it.
      </p>
      {props.error ? (
        <p class="error" id="designations-error">
          {props.error}
        </p>
      ) : null}
      {rows.map((row, i) => (
        <fieldset class="group designation-row">
          <legend>{i < props.rows.length ? `Designation ${i + 1}` : 'Add a designation'}</legend>
          <Select
            id={`designation-${i}-program`}
            name="designationProgram"
            label="Program"
            value={row.program}
            options={programOptions}
            error={Boolean(props.error)}
          />
          <TextField
            id={`designation-${i}-other`}
            name="designationOther"
            label="Another program’s name"
            value={row.other}
          />
          <Select
            id={`designation-${i}-kind`}
            name="designationKind"
            label="Kind"
            value={row.kind || 'designated'}
            options={[
              { value: 'designated', label: 'Designated' },
              { value: 'redesignated', label: 'Redesignated' },
            ]}
          />
          <div class="field">
            <label for={`designation-${i}-date`}>Date</label>
            <input
              type="date"
              id={`designation-${i}-date`}
              name="designationDate"
              value={row.date}
              min="1990-01-01"
            />
          </div>
        </fieldset>
      ))}
    </section>
  )
}

function BffKindField(props: { value: string; error?: string }) {
  return (
    <fieldset
      class="group"
      id="field-bffKind"
      aria-describedby={props.error ? 'field-bffKind-error' : undefined}
    >
      <legend>{fieldLabels.bffKind}</legend>
      {props.error ? (
        <p class="error" id="field-bffKind-error">
          {props.error}
        </p>
      ) : null}
      <input type="hidden" name="bffKind" value="" />
      <ul class="choice-list">
        {bffKinds.map((kind: BffKind) => (
          <li class="choice">
            <input
              type="radio"
              id={`bffKind-${kind}`}
              name="bffKind"
              value={kind}
              checked={props.value === kind}
            />
            <label for={`bffKind-${kind}`}>{bffKindLabels[kind]}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

function EvidenceLine(props: { item: EvidenceItem; appId: string; canRemove: boolean }) {
  const { item } = props
  return (
    <li>
      <span>
        {item.file ? (
          <>
            <a href={`/files/${item.file.id}`}>{item.file.name}</a> ({formatFileSize(item.file.size)})
          </>
        ) : (
          <a href={item.url ?? '#'} rel="nofollow noopener noreferrer">
            {item.url}
          </a>
        )}
      </span>
      {props.canRemove ? (
        <form
          method="post"
          action={`/applications/${props.appId}/evidence/${item.id}/delete`}
          class="inline-form"
        >
          <CsrfInput />
          <button type="submit" class="button secondary small">
            Remove<span class="visually-hidden"> {item.file ? item.file.name : item.url}</span>
          </button>
        </form>
      ) : null}
    </li>
  )
}

/** The four criteria, each with its evidence and (when it may change) a form to add a document or a link. */
function EvidenceSection(props: {
  app: ApplicationDetail
  canChange: boolean
  evidenceError?: EvidenceFormState
}) {
  const { app } = props
  return (
    <section class="form-section" id="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence for the four criteria</h2>
      {props.canChange ? (
        <p class="hint">
          For each criterion, upload a document (PDF, Word, Excel, PowerPoint, PNG or JPEG, up to 20 MB) or
          give a link. You can add more than one.
        </p>
      ) : null}
      <div class="evidence-grid">
        {memberCriteria.map((criterion) => {
          const items = app.evidence.filter((e) => e.criterion === criterion)
          const error = props.evidenceError?.criterion === criterion ? props.evidenceError : undefined
          return (
            <EvidenceCard
              app={app}
              criterion={criterion}
              items={items}
              canChange={props.canChange}
              error={error}
            />
          )
        })}
      </div>
    </section>
  )
}

function EvidenceCard(props: {
  app: ApplicationDetail
  criterion: MemberCriterion
  items: EvidenceItem[]
  canChange: boolean
  error?: EvidenceFormState
}) {
  const { app, criterion, items, error } = props
  const id = `evidence-${criterion}`
  return (
    <article class="card evidence-card" id={id} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{criterionLabels[criterion]}</h3>
      <p class="note">{criterionHints[criterion]}</p>
      {items.length > 0 ? (
        <ul class="evidence-items" aria-label={`Evidence given: ${criterionLabels[criterion]}`}>
          {items.map((item) => (
            <EvidenceLine item={item} appId={app.id} canRemove={props.canChange && !item.isLocked} />
          ))}
        </ul>
      ) : (
        <p>
          <strong>No evidence yet.</strong>
        </p>
      )}
      {props.canChange ? (
        <form
          method="post"
          action={`/applications/${app.id}/evidence`}
          enctype="multipart/form-data"
          class="add"
          novalidate
        >
          <CsrfInput />
          <input type="hidden" name="criterion" value={criterion} />
          {error ? (
            <p class="error" id={`${id}-error`} role="alert">
              {error.message}
            </p>
          ) : null}
          <div class="field">
            <label for={`${id}-file`}>Upload a document</label>
            <input
              type="file"
              id={`${id}-file`}
              name="file"
              accept={acceptAttribute}
              aria-describedby={error ? `${id}-error` : undefined}
              aria-invalid={error ? 'true' : undefined}
            />
          </div>
          <p class="or">or</p>
          <TextField
            id={`${id}-link`}
            name="link"
            type="url"
            inputmode="url"
            label="Give a link"
            value={error?.link ?? ''}
          />
          <button type="submit" class="button secondary">
            Add the evidence<span class="visually-hidden"> for: {criterionLabels[criterion]}</span>
          </button>
        </form>
      ) : null}
    </article>
  )
}

function SubmitSection(props: { app: ApplicationDetail; missing?: string[] }) {
  const { app } = props
  const isRefused = props.missing !== undefined && props.missing.length > 0
  const missing = props.missing ?? missingForSubmission(app, app.evidence)
  return (
    <section class="form-section card" id="submit" aria-labelledby="submit-heading">
      <h2 id="submit-heading">Submit the application</h2>
      {missing.length > 0 ? (
        <div class={isRefused ? 'flash error' : 'missing-box'} role={isRefused ? 'alert' : undefined}>
          <p>
            {isRefused ? 'The application was not submitted. It still needs:' : 'Before you submit, add:'}
          </p>
          <ul class="missing">
            {missing.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p>
          <strong>Everything needed is there.</strong>
        </p>
      )}
      <p>
        {app.category === 'member'
          ? 'Staff then check each criterion and its evidence, and the Advisory Board decides.'
          : 'The Advisory Board then decides by vote.'}{' '}
        Once submitted, the details can no longer be changed.
      </p>
      <form method="post" action={`/applications/${app.id}/submit`}>
        <CsrfInput />
        <button type="submit" class="button">
          Submit the application
        </button>
      </form>
    </section>
  )
}

function SubmittedView(props: ApplicationPageProps) {
  const { app } = props
  const needsInfo = app.status === 'needs_info'
  const evidence =
    app.category === 'member' ? (
      <EvidenceSection app={app} canChange={needsInfo} evidenceError={props.evidenceError} />
    ) : null
  return (
    <>
      {app.category === 'member' && app.latestReview ? (
        <StaffVerdicts app={app} timeZone={props.timeZone} />
      ) : null}
      {needsInfo ? (
        <>
          {evidence}
          <AnswerForm app={app} answer={props.answer} />
          <SentDetails app={app} />
        </>
      ) : (
        <>
          <SentDetails app={app} />
          {evidence}
        </>
      )}
    </>
  )
}

function StaffVerdicts(props: { app: ApplicationDetail; timeZone: string }) {
  const review = props.app.latestReview
  if (!review) return null
  return (
    <section class="form-section" aria-labelledby="verdicts-heading">
      <h2 id="verdicts-heading">Staff review{review.round > 1 ? ` (round ${review.round})` : ''}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Verdict</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {review.items.map((item) => (
              <tr>
                <th scope="row">{criterionLabels[item.criterion]}</th>
                <td>
                  <span class={`verdict verdict-${item.verdict}`}>{verdictLabels[item.verdict]}</span>
                </td>
                <td class="prose">{item.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function AnswerForm(props: { app: ApplicationDetail; answer?: { value: string; error?: string } }) {
  const { app } = props
  return (
    <section class="form-section" id="answer" aria-labelledby="answer-heading">
      <h2 id="answer-heading">Your answer</h2>
      <p>
        {app.category === 'member'
          ? 'If staff ask for a document, add it under its criterion above first. Then write your answer and send it: the application goes back to staff.'
          : 'Write your answer and send it: the application goes back to staff.'}
      </p>
      <form method="post" action={`/applications/${app.id}/answer`} class="form-card" novalidate>
        <CsrfInput />
        <TextField
          id="field-answer"
          name="answer"
          label="Answer to staff"
          rows={6}
          value={props.answer?.value ?? ''}
          error={props.answer?.error}
          hint={`Up to ${draftLimits.answer.toLocaleString('en-US')} characters.`}
        />
        <button type="submit" class="button">
          Send the answer
        </button>
      </form>
    </section>
  )
}

function Fact(props: { label: string; children: Child }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  )
}

/** What the applicant sent, read-only. */
function SentDetails(props: { app: ApplicationDetail }) {
  const { app } = props
  const mapSvg = app.category === 'member' ? regionMapSvg(app.states, app.counties) : null
  const none = <span class="note">Not given</span>
  return (
    <section class="form-section" aria-labelledby="sent-heading">
      <h2 id="sent-heading">What you sent</h2>
      <div class={mapSvg ? 'two-col' : undefined}>
        <div class="card">
          <dl class="facts">
            <Fact label={fieldLabels.organizationName}>{app.organizationName}</Fact>
            <Fact label={fieldLabels.shortName}>{app.shortName ?? none}</Fact>
            {app.category === 'member' ? (
              <Fact label={fieldLabels.leadOrganization}>{app.leadOrganization ?? none}</Fact>
            ) : null}
            <Fact label={fieldLabels.website}>{app.website ?? none}</Fact>
            <Fact label={fieldLabels.summary}>
              <span class="prose">{app.summary ?? none}</span>
            </Fact>
            {app.category === 'member' ? (
              <>
                <Fact label={`${fieldLabels.partners} (${app.partners.length})`}>
                  {app.partners.length > 0 ? app.partners.join('; ') : none}
                </Fact>
                <Fact label={fieldLabels.focusIndustries}>
                  {app.focusIndustries.length > 0 ? app.focusIndustries.join('; ') : none}
                </Fact>
                <Fact label={fieldLabels.designations}>
                  {app.designations.length > 0
                    ? app.designations.map((d) => `${d.program} ${d.kind} ${formatDate(d.date)}`).join('; ')
                    : none}
                </Fact>
                <Fact label="Region">
                  {app.states.map((s) => stateName(s) ?? s).join(', ')}
                  {app.counties.length > 0 ? `: ${app.counties.map(countyLabel).join('; ')}` : ''}
                </Fact>
              </>
            ) : (
              <>
                <Fact label={fieldLabels.bffKind}>{app.bffKind ? bffKindLabels[app.bffKind] : none}</Fact>
                <Fact label={fieldLabels.openSourceValue}>
                  <span class="prose">{app.openSourceValue ?? none}</span>
                </Fact>
              </>
            )}
          </dl>
        </div>
        {mapSvg ? <figure class="map-figure sent-map">{raw(mapSvg)}</figure> : null}
      </div>
    </section>
  )
}

function History(props: { app: ApplicationDetail; timeZone: string }) {
  return (
    <section class="form-section" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ol class="timeline">
        {props.app.events.map((event) => (
          <li>
            <time datetime={event.at}>{formatInstant(event.at, props.timeZone)}</time>
            {eventLabels[event.kind]}
            {event.actorName ? ` by ${event.actorName}` : ''}
            {event.round > 0 && event.kind !== 'created' ? ` (round ${event.round})` : ''}
            {event.comment ? <p class="comment">{event.comment}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

function WithdrawForm(props: { app: ApplicationDetail }) {
  return (
    <section class="danger-zone" aria-labelledby="withdraw-heading">
      <h2 id="withdraw-heading">Withdraw the application</h2>
      <p>
        {props.app.status === 'draft'
          ? 'If you no longer mean to apply, withdraw the draft. It cannot be submitted afterwards; you can always start a new one.'
          : 'Withdrawing stops the review. It cannot be undone; you can apply again later.'}
      </p>
      <form method="post" action={`/applications/${props.app.id}/withdraw`}>
        <CsrfInput />
        <button type="submit" class="button secondary">
          Withdraw the application
        </button>
      </form>
    </section>
  )
}
