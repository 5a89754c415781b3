import { Field } from '#src/ui/form-parts.tsx'
import type { DesignationTerm } from './outcome-organizations.ts'
import type { PeriodValues } from './period-form.ts'

const kinds = [
  { value: 'year', label: 'A calendar year' },
  { value: 'designation', label: 'A designation term' },
  { value: 'custom', label: 'Custom dates' },
] as const

/** The period of a report or goals: a calendar year, one of the organisation's designation terms, or dates. */
export function PeriodFields(props: {
  values: PeriodValues
  errors: Partial<Record<string, string>>
  terms: DesignationTerm[]
  legend: string
}) {
  const { values, errors, terms } = props
  const kindError = errors.periodKind
  return (
    <fieldset class="form-section">
      <legend>{props.legend}</legend>
      <fieldset class="choices" aria-describedby={kindError ? 'periodKind-error' : undefined}>
        <legend>Kind of period</legend>
        {kindError ? (
          <p class="error" id="periodKind-error">
            {kindError}
          </p>
        ) : null}
        {kinds.map((kind) => (
          <div class="choice">
            <input
              type="radio"
              id={`periodKind-${kind.value}`}
              name="periodKind"
              value={kind.value}
              checked={values.periodKind === kind.value}
            />
            <label for={`periodKind-${kind.value}`}>{kind.label}</label>
          </div>
        ))}
      </fieldset>
      <Field
        id="period-year"
        name="period-year"
        label="Year (for a calendar year)"
        inputmode="numeric"
        required={false}
        maxlength={4}
        value={values['period-year']}
        error={errors['period-year']}
      />
      {terms.length > 0 ? (
        <div class="field">
          <label for="period-designation">Designation term (for a designation term)</label>
          <select
            id="period-designation"
            name="period-designation"
            aria-invalid={errors['period-designation'] ? 'true' : undefined}
            aria-describedby={errors['period-designation'] ? 'period-designation-error' : undefined}
          >
            {terms.map((term) => (
              <option value={term.id} selected={term.id === values['period-designation']}>
                {term.label}
              </option>
            ))}
          </select>
          {errors['period-designation'] ? (
            <p class="error" id="period-designation-error">
              {errors['period-designation']}
            </p>
          ) : null}
        </div>
      ) : (
        <p class="note">
          The organisation has no designation on record, so no designation term to choose.
          {errors['period-designation'] ? <strong> {errors['period-designation']}</strong> : null}
        </p>
      )}
      <div class="grid-2">
        <Field
          id="period-start"
          name="period-start"
          type="date"
          label="First day (for custom dates)"
          required={false}
          value={values['period-start']}
          error={errors['period-start']}
        />
        <Field
          id="period-end"
          name="period-end"
          type="date"
          label="Last day (for custom dates)"
          required={false}
          value={values['period-end']}
          error={errors['period-end']}
        />
      </div>
    </fieldset>
  )
}
