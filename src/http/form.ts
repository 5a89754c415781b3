import type { Context } from 'hono'
import type { z } from 'zod'
import type { AppEnv } from './deps.ts'

type PostedBody = Awaited<ReturnType<Context<AppEnv>['req']['parseBody']>>

const textFields = (body: PostedBody) => {
  const fields: Record<string, string> = {}
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') fields[key] = value
  return fields
}

/** The text fields of a posted form (files and repeated names left out). */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  return textFields(await c.req.parseBody())
}

/** A file sent with a form: the name the browser gave and the bytes. */
export type PostedFile = { name: string; bytes: Uint8Array }

/**
 * The text fields of a posted multipart form and the file chosen in its input `name`: undefined
 * when none was chosen (a browser sends an empty part without a name then).
 */
export async function formWithFile(
  c: Context<AppEnv>,
  name: string,
): Promise<{ fields: Record<string, string>; file?: PostedFile }> {
  const body = await c.req.parseBody()
  const value = body[name]
  const chosen = value instanceof File && (value.size > 0 || value.name !== '') ? value : undefined
  const file = chosen ? { name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) } : undefined
  return { fields: textFields(body), file }
}

/** Each field's message, by the field's name; `form` holds a message about the form as a whole. */
export type FieldErrors<K extends string = string> = Partial<Record<K | 'form', string>>

/** A form read through its schema: the typed values, or a message per field and what was typed. */
export type FormResult<T, K extends string = string, F = Record<string, string>> =
  | { ok: true; value: T; fields: F }
  | { ok: false; errors: FieldErrors<K>; fields: F }

type FormSchema = z.ZodType<unknown, Record<string, unknown>>

/**
 * Checks what was typed (or a JSON body's fields) against the form's schema (one zod schema per
 * form, shared with the API where both exist). The first message for each field is kept; the page shows it by the field.
 * @example const form = checkForm(handoverForm, fields); if (!form.ok) return page(form.errors)
 */
export function checkForm<S extends FormSchema, F extends Record<string, unknown> = Record<string, string>>(
  schema: S,
  fields: F,
): FormResult<z.output<S>, Extract<keyof z.input<S>, string>, F> {
  const parsed = schema.safeParse(fields)
  if (parsed.success) return { ok: true, value: parsed.data as z.output<S>, fields }
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : 'form'
    errors[field] ??= issue.message
  }
  return { ok: false, errors, fields }
}

/** Reads a posted form and checks it: `checkForm` over `formFields`. */
export async function readForm<S extends FormSchema>(c: Context<AppEnv>, schema: S) {
  return checkForm(schema, await formFields(c))
}
