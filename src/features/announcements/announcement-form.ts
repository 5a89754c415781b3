import { z } from 'zod'
import { multiLine, singleLine } from '#src/lib/text.ts'
import { isAudience } from './audiences.ts'

export const announcementLimits = { subject: 200, body: 20_000 } as const

/** What the form shows back: every field as typed. */
export type AnnouncementValues = { subject: string; body: string; audience: string }
export type AnnouncementErrors = Partial<Record<keyof AnnouncementValues | 'form', string>>

export const emptyAnnouncement: AnnouncementValues = { subject: '', body: '', audience: '' }

/** The announcement as written: a one-line subject, a Markdown body, one audience. */
export const announcementForm = z.object({
  subject: singleLine('subject')
    .trim()
    .min(1, 'Write the subject: it is the first thing people read.')
    .max(announcementLimits.subject, `Keep the subject to ${announcementLimits.subject} characters.`),
  body: multiLine('announcement')
    .trim()
    .min(1, 'Write the announcement.')
    .max(
      announcementLimits.body,
      `Keep the announcement to ${announcementLimits.body.toLocaleString('en-US')} characters.`,
    ),
  audience: z.string().refine(isAudience, 'Choose who receives the announcement.'),
})

/**
 * The confirm step's form: the same fields, the announcement's id (chosen when the confirm page was
 * shown, so that sending twice sends once) and the fingerprint of the recipients it listed.
 */
export const sendForm = announcementForm.extend({
  announcementId: z.string().uuid('The confirm page was incomplete: check the announcement again.'),
  fingerprint: z.string().min(1, 'The confirm page was incomplete: check the announcement again.'),
})

/** The values to show again, from a posted form. */
export const valuesOf = (fields: Record<string, string>): AnnouncementValues => ({
  subject: fields.subject ?? '',
  body: fields.body ?? '',
  audience: fields.audience ?? '',
})
