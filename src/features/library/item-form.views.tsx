import { acceptAttribute } from '#src/features/files/index.ts'
import { FileField, Select, TextArea, VisibilitySelect } from '#src/ui/fields.tsx'
import { CsrfInput, ErrorSummary, Field } from '#src/ui/form-parts.tsx'
import { itemAttachmentQuota } from './attachments.ts'
import type { ItemErrors, ItemFormValues } from './item-form.ts'
import { itemLimits } from './item-form.ts'

export type ItemFormProps = {
  action: string
  values: ItemFormValues
  errors: ItemErrors
  /** Staff choose the date and the address; a contributor's item gets them on approval. */
  isStaff: boolean
  /** The buttons: [intent, label] pairs, the first the main one. */
  buttons: [string, string][]
}

const id = (name: string) => `item-${name}`

/** The fields of a library item (title, text, tags, visibility, call, one file to attach) and its buttons. */
export function ItemForm(props: ItemFormProps) {
  const { values, errors } = props
  return (
    <form method="post" action={props.action} enctype="multipart/form-data" class="form-card">
      <CsrfInput />
      <ErrorSummary errors={errors} />
      <Select
        id={id('kind')}
        name="kind"
        label="Kind"
        required
        value={values.kind}
        error={errors.kind}
        options={[
          { value: 'briefing', label: 'Briefing (the network’s own, to share each quarter)' },
          { value: 'resource', label: 'Resource (anything useful to members)' },
        ]}
      />
      <Field
        id={id('title')}
        name="title"
        label="Title"
        value={values.title}
        error={errors.title}
        maxlength={itemLimits.title}
      />
      {props.isStaff ? (
        <Field
          id={id('slug')}
          name="slug"
          label="Address"
          required={false}
          value={values.slug}
          error={errors.slug}
          hint="The end of the item’s address, /library/…: lower-case words and hyphens. Empty: made from the title. When changed, the old address keeps working."
        />
      ) : null}
      <TextArea
        id={id('summary')}
        name="summary"
        label="Summary"
        value={values.summary}
        error={errors.summary}
        rows={2}
        hint="One or two sentences, shown in lists and link previews."
      />
      <TextArea
        id={id('bodyMarkdown')}
        name="bodyMarkdown"
        label="Text"
        required
        value={values.bodyMarkdown}
        error={errors.bodyMarkdown}
        rows={10}
        hint="Markdown: headings (##), lists, links, tables."
      />
      <TextArea
        id={id('links')}
        name="links"
        label="Links"
        value={values.links}
        error={errors.links}
        rows={3}
        hint="One a line: a title, then the address (https://…)."
      />
      <Field
        id={id('tags')}
        name="tags"
        label="Tags"
        required={false}
        value={values.tags}
        error={errors.tags}
        hint="Separated by commas, such as workforce, supply chain."
      />
      <Field
        id={id('focusIndustries')}
        name="focusIndustries"
        label="Focus industries"
        required={false}
        value={values.focusIndustries}
        error={errors.focusIndustries}
        hint="Separated by commas, such as Aerospace and defense."
      />
      <VisibilitySelect
        id={id('visibility')}
        label="Who can read it"
        value={values.visibility}
        error={errors.visibility}
      />
      <Field
        id={id('callDate')}
        name="callDate"
        label="Presented on the call of"
        type="date"
        required={false}
        value={values.callDate}
        error={errors.callDate}
        hint="Optional: the date of the national call it was presented on."
      />
      {props.isStaff ? (
        <Field
          id={id('publishedOn')}
          name="publishedOn"
          label="Date of publication"
          type="date"
          required={false}
          value={values.publishedOn}
          error={errors.publishedOn}
          hint="Empty: the day it is published."
        />
      ) : null}
      <FileField
        id={id('attachment')}
        name="attachment"
        label="Attach a file"
        accept={acceptAttribute}
        error={errors.attachment}
        hint={`Optional: a PDF, Word, Excel, PowerPoint, PNG or JPEG file of up to 20 MB; an item holds at most ${itemAttachmentQuota.files} files. The text of a PDF is made searchable.`}
      />
      <div class="actions-row">
        {props.buttons.map(([intent, label], i) => (
          <button class={i === 0 ? 'button' : 'button secondary'} type="submit" name="intent" value={intent}>
            {label}
          </button>
        ))}
      </div>
    </form>
  )
}
