import { seatRoles } from '#src/db/schema/index.ts'
import { Select } from '#src/ui/fields.tsx'
import { CsrfInput, Field } from '#src/ui/form-parts.tsx'
import type { OrganizationRef } from './organization-ref.ts'
import type { HandoverErrors, HandoverForm } from './seat-forms.ts'
import { seatLabels } from './seat-holders.ts'
import { DateField } from './seat-parts.tsx'

/** The form that hands a seat to someone else (known by email, or new to the Hub). */
export function HandoverFormCard(props: {
  org: OrganizationRef
  values: HandoverForm
  errors: HandoverErrors
}) {
  const { values, errors } = props
  return (
    <form
      method="post"
      action={`/organizations/${props.org.slug}/seats/handover`}
      class="form-card"
      novalidate
    >
      <CsrfInput />
      <Select
        id="handover-role"
        name="role"
        label="Seat"
        value={values.role}
        error={errors.role}
        empty="Choose the seat"
        required
        options={seatRoles.map((role) => ({ value: role, label: seatLabels[role] }))}
      />
      <Field
        id="handover-email"
        name="email"
        label="Email address of the new holder"
        type="email"
        autocomplete="off"
        value={values.email}
        error={errors.email}
        hint="Someone already on record keeps their name and details."
      />
      <Field
        id="handover-fullName"
        name="fullName"
        label="Full name of the new holder"
        autocomplete="off"
        value={values.fullName}
        error={errors.fullName}
        required={false}
        hint="Needed only for someone new to the Hub, who gets an email invitation to choose a password."
      />
      <DateField
        id="handover-effectiveOn"
        label="From"
        value={values.effectiveOn}
        error={errors.effectiveOn}
        hint="The first day the new holder holds the seat; the current holder keeps it until the day before."
      />
      <button type="submit" class="button">
        Hand over the seat
      </button>
    </form>
  )
}
