import { FileField, TextArea, VisibilitySelect } from '#src/ui/fields.tsx'
import { CsrfInput, ErrorSummary, Field } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import type { ArchiveErrors, ArchiveFormValues } from './archive-form.ts'
import { type ArchivedPresentation, archivePath } from './archive-queries.ts'

/** /presentations/:year/:organisation/edit: the archive fields and the slides. */
export function ArchiveEditPage(props: {
  p: ArchivedPresentation
  values: ArchiveFormValues
  errors: ArchiveErrors
}) {
  const { p, values, errors } = props
  const path = archivePath(p)
  return (
    <Layout title={`Edit the archive page of ${p.organizationName}, ${p.year}`}>
      <div class="wrap">
        <p>
          <a href={path}>← The archive page</a>
        </p>
        <h1>
          Edit the archive page of {p.organizationName}, {p.year}
        </h1>
        <form method="post" action={`${path}/edit`} enctype="multipart/form-data" class="form-card">
          <CsrfInput />
          <ErrorSummary errors={errors} />
          <Field
            id="archive-title"
            name="title"
            label="Title"
            required={false}
            value={values.title}
            error={errors.title}
            maxlength={200}
          />
          <TextArea
            id="archive-summary"
            name="summary"
            label="Summary"
            value={values.summary}
            error={errors.summary}
            rows={6}
            hint="What the presentation covered and what others can reuse."
          />
          <Field
            id="archive-topics"
            name="topics"
            label="Topics"
            required={false}
            value={values.topics}
            error={errors.topics}
            hint="Separated by commas, such as apprenticeships, supplier mapping."
          />
          <Field
            id="archive-recordingUrl"
            name="recordingUrl"
            label="Recording link"
            type="url"
            required={false}
            value={values.recordingUrl}
            error={errors.recordingUrl}
            hint="An https:// address, or empty."
          />
          <VisibilitySelect
            id="archive-visibility"
            label="Who can see it"
            value={values.visibility}
            error={errors.visibility}
          />
          <FileField
            id="archive-slides"
            name="slides"
            label={p.slidesFileId ? 'Replace the slides' : 'Slides'}
            accept=".pdf,.ppt,.pptx"
            error={errors.slides}
            hint="A PDF or PowerPoint file of up to 20 MB."
          />
          <div class="actions-row">
            <button class="button" type="submit">
              Save
            </button>
          </div>
        </form>
      </div>
    </Layout>
  )
}
