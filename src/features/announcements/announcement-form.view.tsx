import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, ErrorSummary, Field, Flash } from '#src/ui/form-parts.tsx'
import { formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { type AnnouncementErrors, type AnnouncementValues, announcementLimits } from './announcement-form.ts'
import { type Audience, audienceLabels, audiences } from './audiences.ts'
import type { AnnouncementSummary } from './past-announcements.ts'
import { PastAnnouncements } from './past-announcements.view.tsx'

export type AnnouncementsPageProps = {
  values: AnnouncementValues
  errors: AnnouncementErrors
  /** How many people each audience holds today. */
  counts: Record<Audience, number>
  past: AnnouncementSummary[]
  timeZone: string
}

/** Write an announcement (subject, Markdown, audience), then check it; below, what was sent before. */
export function AnnouncementsPage(props: AnnouncementsPageProps) {
  const { values, errors } = props
  return (
    <Layout title="Announcements">
      <div class="wrap">
        <StaffNav current="announcements" />
        <h1>Announcements</h1>
        <p class="lede">
          Write to a part of the network by email. You see the message and everyone it goes to before it is
          sent; each announcement keeps who received it.
        </p>
        <h2 id="write-heading">Write an announcement</h2>
        <ErrorSummary errors={errors} nothing="changed" />
        {errors.form ? <Flash isError>{errors.form}</Flash> : null}
        <form
          method="post"
          action="/staff/announcements/preview"
          class="form-card announcement-form"
          novalidate
        >
          <CsrfInput />
          <Field
            id="announcement-subject"
            name="subject"
            label="Subject"
            value={values.subject}
            error={errors.subject}
            maxlength={announcementLimits.subject}
          />
          <TextArea
            id="announcement-body"
            name="body"
            label="Message"
            rows={12}
            value={values.body}
            error={errors.body}
            required
            hint="Markdown: a blank line between paragraphs, **bold**, *italic*, lists with “- ”, links as [text](https://…). You see it as it will look before sending."
          />
          <fieldset
            class="choices"
            aria-describedby={errors.audience ? 'announcement-audience-error' : undefined}
          >
            <legend>Send to</legend>
            {errors.audience ? (
              <p class="error" id="announcement-audience-error">
                {errors.audience}
              </p>
            ) : null}
            <ul class="choice-list">
              {audiences.map((audience) => (
                <li>
                  <div class="choice">
                    <input
                      type="radio"
                      id={`audience-${audience.replace(':', '-')}`}
                      name="audience"
                      value={audience}
                      checked={values.audience === audience}
                      aria-invalid={errors.audience ? 'true' : undefined}
                    />
                    <label for={`audience-${audience.replace(':', '-')}`}>
                      {audienceLabels[audience]}{' '}
                      <span class="note">
                        ({formatNumber(props.counts[audience])}{' '}
                        {plural(props.counts[audience], 'person', 'people')} today)
                      </span>
                    </label>
                  </div>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit" class="button">
            Preview and check the recipients
          </button>
        </form>
        <PastAnnouncements past={props.past} timeZone={props.timeZone} />
      </div>
    </Layout>
  )
}
