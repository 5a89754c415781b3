/** What the item forms' routes share: reading the multipart body, checking fields and file, the values of a stored item. */
import type { Context } from 'hono'
import { checkUpload } from '#src/features/files/index.ts'
import type { AppEnv } from '#src/http/deps.ts'
import { checkForm, formWithFile } from '#src/http/form.ts'
import { isAppError } from '#src/lib/errors.ts'
import type { CheckedFile } from './attachments.ts'
import type { LibraryItem } from './find-item.ts'
import {
  type ItemErrors,
  type ItemFormValues,
  type ItemValue,
  itemForm,
  readItemValues,
} from './item-form.ts'
import { ItemFieldError } from './save-item.ts'

export type ItemSubmission =
  | { ok: true; values: ItemFormValues; value: ItemValue; intent: string; file?: CheckedFile }
  | { ok: false; values: ItemFormValues; errors: ItemErrors; status: 400 | 413 }

/** The posted item form: its fields checked, and its file (if one was chosen) checked by content. */
export async function readItemSubmission(c: Context<AppEnv>): Promise<ItemSubmission> {
  const { fields, file: chosen } = await formWithFile(c, 'attachment')
  const values = readItemValues(fields)
  const checked = checkForm(itemForm, { ...values })
  const errors: ItemErrors = checked.ok ? {} : { ...checked.errors }
  let file: CheckedFile | undefined
  let status: 400 | 413 = 400
  if (chosen) {
    const result = checkUpload(chosen)
    if (result.ok) file = { name: result.name, kind: result.kind, bytes: chosen.bytes }
    else {
      errors.attachment = result.message
      status = result.status
    }
  }
  if (!checked.ok || errors.attachment) return { ok: false, values, errors, status }
  return { ok: true, values, value: checked.value, intent: fields.intent ?? '', file }
}

/** A field refusal from saving (a slug taken, no call that day) as the form's errors, or rethrows. */
export function saveErrors(error: unknown): ItemErrors {
  if (error instanceof ItemFieldError) return { [error.field]: error.userMessage }
  if (isAppError(error) && error.code === 'CONFLICT') return { attachment: error.userMessage }
  throw error
}

/** A stored item's fields as the form shows them. */
export const itemValues = (item: LibraryItem): ItemFormValues => ({
  kind: item.kind,
  title: item.title,
  slug: item.slug,
  summary: item.summary,
  bodyMarkdown: item.bodyMarkdown,
  publishedOn: item.publishedOn ?? '',
  links: item.links.map((l) => (l.title && l.title !== l.url ? `${l.title} ${l.url}` : l.url)).join('\n'),
  tags: item.tags.join(', '),
  focusIndustries: item.focusIndustries.join(', '),
  visibility: item.visibility,
  callDate: item.callDate ?? '',
})
