/** The frame of the staff forms of a call: the way back, the title, and what went wrong above the form. */
import type { Child } from 'hono/jsx'
import { ErrorSummary, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { callPath } from './call-parts.tsx'
import type { CallView } from './call-view.ts'

/** Each field's message, by the field's name. */
export type Errors<K extends string> = Partial<Record<K, string>>

/** The call page of a call, as the way back from its forms. */
export function StaffFormPage(props: {
  title: string
  back: { href: string; label: string }
  lede?: Child
  errors: Record<string, string | undefined>
  flash?: FlashMessage
  children: Child
}) {
  return (
    <Layout title={props.title}>
      <div class="wrap call-form-page">
        <p>
          <a href={props.back.href}>← {props.back.label}</a>
        </p>
        <h1>{props.title}</h1>
        {props.lede ? <p class="lede">{props.lede}</p> : null}
        {props.flash ? (
          <Flashes flash={props.flash} />
        ) : (
          <ErrorSummary errors={props.errors} nothing="changed" />
        )}
        {props.children}
      </div>
    </Layout>
  )
}

export const backToCall = (call: CallView) => ({ href: callPath(call), label: 'The call' })
