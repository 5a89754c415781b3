import type { FieldErrors } from '#src/http/form.ts'
import { FileField } from '#src/ui/fields.tsx'
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

type Values = Record<'siteName' | 'siteShortName' | 'siteDescription' | 'siteContactEmail', string>

/** Staff set the network's name, short name, one line, contact address and logo. */
export function IdentityPage(props: {
  values: Values
  errors: FieldErrors
  logoUrl?: string
  logoError?: string
  flash?: FlashMessage
}) {
  const { values, errors } = props
  return (
    <Layout title="Site identity">
      <div class="wrap identity-page">
        <StaffNav current="site" />
        <h1>Site identity</h1>
        <p class="lede">
          How the network names itself: in the header, page titles, emails, calendar feeds, news feeds and the
          footer.
        </p>
        <Flashes flash={props.flash} />
        <ErrorSummary errors={errors} />
        <form method="post" action="/staff/settings/site" class="stack">
          <CsrfInput />
          <Field
            id="siteName"
            name="siteName"
            label="Name"
            value={values.siteName}
            error={errors.siteName}
            maxlength={120}
          />
          <Field
            id="siteShortName"
            name="siteShortName"
            label="Short name"
            hint="An acronym or short form: page titles and the header on phones use it."
            value={values.siteShortName}
            error={errors.siteShortName}
            maxlength={30}
          />
          <Field
            id="siteDescription"
            name="siteDescription"
            label="One-line description"
            hint="Shown in the footer, link previews and feeds."
            value={values.siteDescription}
            error={errors.siteDescription}
            required={false}
            maxlength={200}
          />
          <Field
            id="siteContactEmail"
            name="siteContactEmail"
            label="Contact address"
            type="email"
            hint="Shown in the footer. Leave it empty to show none."
            value={values.siteContactEmail}
            error={errors.siteContactEmail}
            required={false}
          />
          <button type="submit" class="button">
            Save the identity
          </button>
        </form>
        <h2 id="logo-heading">Logo</h2>
        {props.logoUrl ? (
          <div class="logo-current">
            <img src={props.logoUrl} alt="The network’s current logo" class="logo-preview" />
            <ButtonForm action="/staff/settings/site/logo/remove" buttonClass="button secondary">
              Remove the logo
            </ButtonForm>
          </div>
        ) : (
          <p>No logo yet: the header shows the name alone.</p>
        )}
        <form method="post" action="/staff/settings/site/logo" enctype="multipart/form-data" class="stack">
          <CsrfInput />
          <FileField
            id="logo"
            name="logo"
            label={props.logoUrl ? 'Replace the logo' : 'Upload a logo'}
            accept=".png,.jpg,.jpeg"
            required
            error={props.logoError}
            hint="A PNG or JPEG image, square is best, at most 20 MB. SVG is not taken: it can carry script. The logo is also the site’s icon in browser tabs."
          />
          <button type="submit" class="button">
            Upload the logo
          </button>
        </form>
      </div>
    </Layout>
  )
}
