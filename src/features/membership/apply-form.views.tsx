import { memberCriteria } from '#src/db/schema/index.ts'
import { CsrfInput, Field, Flash } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { draftLimits } from './draft-fields.ts'
import { criterionLabels } from './labels.ts'
import { ProblemList } from './problem-list.views.tsx'
import type { StartField, StartForm } from './types.ts'

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
            <h2 id="about-bffs">As a BFF (one of the network’s “best friends forever”)</h2>
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
              <Field
                id="start-fullName"
                name="fullName"
                label={startLabels.fullName}
                value={values.fullName}
                error={errors.fullName}
                autocomplete="name"
                required={false}
              />
              <Field
                id="start-email"
                name="email"
                type="email"
                label={startLabels.email}
                value={values.email}
                error={errors.email}
                autocomplete="email"
                hint="The sign-in link to your draft goes to this address."
                required={false}
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
          <Field
            id="start-organizationName"
            name="organizationName"
            label={startLabels.organizationName}
            value={values.organizationName}
            error={errors.organizationName}
            autocomplete="organization"
            hint={`Up to ${draftLimits.organizationName} characters. You can change it until you submit.`}
            required={false}
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
