import { FileField, Select, TextArea, VisibilitySelect } from '#src/ui/fields.tsx'
import {
  CsrfInput,
  ErrorSummary,
  Field,
  Flashes,
  type FlashMessage,
  PublicationFields,
} from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { PostFields } from './news-form.ts'
import { coverPath } from './post.view.tsx'

export type EditorProps = {
  /** The post being edited; absent for a new one. */
  post?: { id: string; slug: string; title: string; coverFileId: string | null }
  values: PostFields
  errors: Partial<Record<string, string>>
  authors: { id: string; name: string }[]
  timeZone: string
  flash?: FlashMessage
}

function Checkbox(props: { id: string; name: string; label: string; checked: boolean }) {
  return (
    <div class="choice">
      <input type="checkbox" id={props.id} name={props.name} value="yes" checked={props.checked} />
      <label for={props.id}>{props.label}</label>
    </div>
  )
}

function CoverFields(props: EditorProps) {
  const { values, errors, post } = props
  return (
    <fieldset class="form-section">
      <legend>Cover image</legend>
      {post?.coverFileId ? (
        <>
          <img class="news-cover-preview" src={coverPath(post.slug)} alt="" />
          <Checkbox
            id="removeCover"
            name="removeCover"
            label="Remove the cover image"
            checked={values.removeCover !== undefined}
          />
        </>
      ) : null}
      <FileField
        id="cover"
        name="cover"
        label={`${post?.coverFileId ? 'Replace it with' : 'Image'} (PNG or JPEG, at most 20 MB)`}
        accept=".png,.jpg,.jpeg"
        error={errors.cover}
      />
      <Field
        id="coverAlt"
        name="coverAlt"
        label="What the image shows (for people who cannot see it)"
        value={values.coverAlt}
        error={errors.coverAlt}
        required={false}
        maxlength={300}
        hint="Needed whenever there is a cover."
      />
    </fieldset>
  )
}

/** The post editor: write a new post or change one. */
export function EditorPage(props: EditorProps) {
  const { values, errors, post } = props
  const categories = values.categories ?? ''
  const heading = post ? `Edit “${post.title}”` : 'Write a post'
  return (
    <Layout title={post ? `Edit ${post.title}` : 'Write a post'}>
      <div class="wrap">
        <StaffNav current="news" />
        <p class="breadcrumb">
          <a href="/staff/news">All posts</a>
          {post ? (
            <>
              {' · '}
              <a href={`/news/${post.slug}`}>View the post</a>
            </>
          ) : null}
        </p>
        <h1>{heading}</h1>
        <Flashes flash={props.flash} />
        <ErrorSummary errors={errors} />
        <form
          method="post"
          action={post ? `/staff/news/${post.id}/edit` : '/staff/news/new'}
          enctype="multipart/form-data"
          class="form-card"
          novalidate
        >
          <CsrfInput />
          <Field
            id="title"
            name="title"
            label="Title"
            value={values.title}
            error={errors.title}
            maxlength={200}
          />
          <Field
            id="slug"
            name="slug"
            label="Address"
            value={values.slug}
            error={errors.slug}
            required={false}
            maxlength={80}
            hint={
              post
                ? `Now /news/${post.slug}. A new address keeps the old one working: it redirects here.`
                : 'Left empty, it is made from the title, and stays when the title changes.'
            }
          />
          <PublicationFields
            names={{ date: 'date', time: 'time' }}
            values={values}
            errors={errors}
            timeZone={props.timeZone}
            dateHint="The post’s date, shown with it. Needed to schedule; a draft may go without."
          >
            <VisibilitySelect value={values.visibility} error={errors.visibility} />
          </PublicationFields>
          <div class="grid-2">
            <Select
              id="author"
              name="author"
              label="Author"
              value={values.author}
              options={props.authors.map((a) => ({ value: a.id, label: a.name }))}
              empty="Someone else (write the name)"
              error={errors.author}
            />
            <Field
              id="authorName"
              name="authorName"
              label="Or the author's name"
              value={values.authorName}
              error={errors.authorName}
              required={false}
              maxlength={200}
            />
          </div>
          <TextArea
            id="summary"
            name="summary"
            label="Summary"
            value={values.summary ?? ''}
            error={errors.summary}
            maxlength={500}
            hint="One or two sentences: the list, link previews and the feeds show it."
          />
          <TextArea
            id="body"
            name="body"
            label="Text (Markdown)"
            value={values.body ?? ''}
            error={errors.body}
            rows={16}
            hint="Headings with #, links as [words](https://…), lists with -."
          />
          <fieldset class="form-section">
            <legend>Categories and tags</legend>
            <Checkbox
              id="pressRelease"
              name="pressRelease"
              label="Press release"
              checked={values.pressRelease !== undefined}
            />
            <Field
              id="categories"
              name="categories"
              label="Other categories, separated by commas"
              value={categories}
              error={errors.categories}
              required={false}
            />
            <Field
              id="tags"
              name="tags"
              label="Tags, separated by commas"
              value={values.tags}
              error={errors.tags}
              required={false}
            />
          </fieldset>
          <CoverFields {...props} />
          <button class="button" type="submit">
            {post ? 'Save the changes' : 'Save the post'}
          </button>
        </form>
        {post ? (
          <section class="danger-zone" aria-labelledby="delete-heading">
            <h2 id="delete-heading">Delete this post</h2>
            <form method="post" action={`/staff/news/${post.id}/delete`}>
              <CsrfInput />
              <Checkbox id="confirm" name="confirm" label="Yes, delete this post for good" checked={false} />
              <button class="button secondary" type="submit">
                Delete the post
              </button>
            </form>
          </section>
        ) : null}
      </div>
    </Layout>
  )
}
