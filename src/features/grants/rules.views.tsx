import { Select } from '#src/ui/fields.tsx'
import {
  ButtonForm,
  CsrfInput,
  ErrorSummary,
  Field,
  Flashes,
  type FlashMessage,
} from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { RelevanceRule } from './relevance.ts'
import { ruleKinds } from './relevance.ts'
import { ruleInWords, ruleKindLabels, scopeInWords, weightText } from './rule-words.ts'
import type { RuleErrors, RuleFields } from './rules-commands.ts'

type Rule = RelevanceRule & { id: string }

const kindOptions = ruleKinds.map((kind) => ({ value: kind, label: ruleKindLabels[kind] }))
const categoryOptions = [
  { value: 'member', label: 'Member communities only' },
  { value: 'bff', label: 'BFFs only' },
]

/** The fields of a rule, to add one or change one. */
export function RuleFormFields(props: {
  fields: Partial<RuleFields>
  errors: RuleErrors
  programs: string[]
}) {
  const { fields, errors } = props
  return (
    <>
      <Select
        id="kind"
        name="kind"
        label="What it looks for"
        value={fields.kind}
        options={kindOptions}
        error={errors.kind}
        required
      />
      <Field
        id="value"
        name="value"
        label="Code, number or keyword"
        value={fields.value}
        error={errors.value}
        required={false}
        maxlength={60}
        hint="A funding category (BC, CD, ELT, RD, ST…), a two-digit applicant code (00, 12…), an agency (DOC-EDA), an assistance listing (11.307) or a keyword of 2 to 60 characters. Leave it empty for focus industries."
      />
      <Field
        id="weight"
        name="weight"
        label="Weight"
        type="number"
        min="-20"
        max="20"
        value={fields.weight}
        error={errors.weight}
        hint="From -20 to 20: added to the opportunity’s score when the rule holds."
      />
      <fieldset class="form-section">
        <legend>Applies to (optional)</legend>
        <Select
          id="onlyProgram"
          name="onlyProgram"
          label="Designation program"
          value={fields.onlyProgram}
          options={props.programs.map((code) => ({ value: code, label: `Only ${code} communities` }))}
          empty="Every program"
          error={errors.onlyProgram}
        />
        <Select
          id="onlyCategory"
          name="onlyCategory"
          label="Category"
          value={fields.onlyCategory}
          options={categoryOptions}
          empty="Members and BFFs"
          error={errors.onlyCategory}
        />
        <Field
          id="onlyState"
          name="onlyState"
          label="State"
          value={fields.onlyState}
          error={errors.onlyState}
          required={false}
          maxlength={2}
          hint="A two-letter code such as OH; empty for every state."
        />
      </fieldset>
    </>
  )
}

/** /staff/funding/rules: the relevance rules in order, each in words, and the threshold. */
export function RulesPage(props: {
  rules: Rule[]
  threshold: number
  programs: string[]
  flash?: FlashMessage
  add?: { fields: Partial<RuleFields>; errors: RuleErrors }
  thresholdError?: string
}) {
  const add = props.add ?? { fields: { kind: 'keyword', weight: '2' }, errors: {} }
  return (
    <Layout title="Funding relevance rules">
      <div class="wrap">
        <StaffNav current="funding-rules" />
        <h1>Funding relevance rules</h1>
        <p class="lede">
          Each rule that holds adds its weight to an opportunity’s score for an organisation and says why. An
          opportunity fits when its score reaches the threshold and at least one reason is about its subject
          (a category, listing, keyword or focus), not only who may apply or which agency offers it.
        </p>
        <Flashes flash={props.flash} />
        <h2 id="threshold-heading">Threshold</h2>
        <form
          method="post"
          action="/staff/funding/threshold"
          class="form-card"
          aria-labelledby="threshold-heading"
        >
          <CsrfInput />
          <Field
            id="threshold"
            name="threshold"
            label="Score an opportunity needs to fit"
            type="number"
            min="1"
            max="100"
            value={String(props.threshold)}
            error={props.thresholdError}
          />
          <button type="submit" class="button">
            Save the threshold
          </button>
        </form>
        <h2 id="rules-heading">Rules</h2>
        <RuleTable rules={props.rules} />
        <h2 id="add-heading">Add a rule</h2>
        <ErrorSummary errors={add.errors} />
        <form method="post" action="/staff/funding/rules" class="form-card" aria-labelledby="add-heading">
          <CsrfInput />
          <RuleFormFields fields={add.fields} errors={add.errors} programs={props.programs} />
          <button type="submit" class="button">
            Add the rule
          </button>
        </form>
      </div>
    </Layout>
  )
}

function RuleTable(props: { rules: Rule[] }) {
  if (props.rules.length === 0) return <p>There are no rules: nothing fits any organisation.</p>
  const last = props.rules.length - 1
  return (
    <>
      <p class="hint">
        In the order they are applied. Who may apply counts once for an opportunity, at the weight of the best
        rule on eligible applicants that holds, in one reason.
      </p>
      <ol class="call-list" aria-labelledby="rules-heading">
        {props.rules.map((rule, index) => {
          const words = ruleInWords(rule)
          return (
            <li>
              <p>
                <strong>{words}</strong>
              </p>
              <p>
                Weight {weightText(rule.weight)} · {scopeInWords(rule)}
              </p>
              <div class="actions-row">
                <a
                  href={`/staff/funding/rules/${rule.id}`}
                  class="button secondary small"
                  aria-label={`Edit: ${words}`}
                >
                  Edit
                </a>
                {index > 0 ? <MoveButton id={rule.id} direction="up" words={words} /> : null}
                {index < last ? <MoveButton id={rule.id} direction="down" words={words} /> : null}
                <ButtonForm
                  action={`/staff/funding/rules/${rule.id}/delete`}
                  formClass="inline-form"
                  buttonClass="button secondary small"
                  ariaLabel={`Remove: ${words}`}
                >
                  Remove
                </ButtonForm>
              </div>
            </li>
          )
        })}
      </ol>
    </>
  )
}

function MoveButton(props: { id: string; direction: 'up' | 'down'; words: string }) {
  return (
    <ButtonForm
      action={`/staff/funding/rules/${props.id}/move`}
      formClass="inline-form"
      buttonClass="button secondary small"
      ariaLabel={`Move ${props.direction}: ${props.words}`}
      fields={{ direction: props.direction }}
    >
      {props.direction === 'up' ? 'Up' : 'Down'}
    </ButtonForm>
  )
}

/** /staff/funding/rules/:id: change one rule. */
export function EditRulePage(props: {
  id: string
  fields: Partial<RuleFields>
  errors: RuleErrors
  programs: string[]
}) {
  return (
    <Layout title="Change a relevance rule">
      <div class="wrap">
        <StaffNav current="funding-rules" />
        <h1>Change a relevance rule</h1>
        <ErrorSummary errors={props.errors} />
        <form method="post" action={`/staff/funding/rules/${props.id}`} class="form-card">
          <CsrfInput />
          <RuleFormFields fields={props.fields} errors={props.errors} programs={props.programs} />
          <div class="actions-row">
            <button type="submit" class="button">
              Save the rule
            </button>
            <a href="/staff/funding/rules">Back to the rules</a>
          </div>
        </form>
      </div>
    </Layout>
  )
}
