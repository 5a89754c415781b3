import { type MemberCriterion, memberCriteria } from '#src/db/schema/index.ts'
import { acceptAttribute, formatFileSize } from '#src/features/files/index.ts'
import { ButtonForm, CsrfInput } from '#src/ui/form-parts.tsx'
import type { EvidenceFormState } from './application-page.views.tsx'
import { criterionHints, criterionLabels } from './labels.ts'
import type { ApplicationDetail, EvidenceItem } from './types.ts'

function EvidenceLine(props: { item: EvidenceItem; appId: string; canRemove: boolean; formId?: string }) {
  const { item } = props
  const action = `/applications/${props.appId}/evidence/${item.id}/delete`
  const label = (
    <>
      Remove<span class="visually-hidden"> {item.file ? item.file.name : item.url}</span>
    </>
  )
  return (
    <li>
      <span>
        {item.file ? (
          <>
            <a href={`/files/${item.file.id}`}>{item.file.name}</a> ({formatFileSize(item.file.size)})
          </>
        ) : (
          <a href={item.url ?? '#'} rel="nofollow noopener noreferrer">
            {item.url}
          </a>
        )}
      </span>
      {!props.canRemove ? null : props.formId ? (
        // On the draft, removing sends the draft form too, so that nothing typed is lost.
        <button type="submit" class="button secondary small" form={props.formId} formaction={action}>
          {label}
        </button>
      ) : (
        <ButtonForm action={action} formClass="inline-form" buttonClass="button secondary small">
          {label}
        </ButtonForm>
      )}
    </li>
  )
}

/** The four criteria, each with its evidence and (when it may change) a form to add a document or a link. */
export function EvidenceSection(props: {
  app: ApplicationDetail
  canChange: boolean
  evidenceError?: EvidenceFormState
  /** The form the add-evidence fields belong to (the draft's, so that adding saves the draft too); else each card has its own. */
  formId?: string
}) {
  const { app } = props
  return (
    <section class="form-section" id="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence for the four criteria</h2>
      {props.canChange ? (
        <p class="hint">
          For each criterion, upload a document (PDF, Word, Excel, PowerPoint, PNG or JPEG, up to 20 MB) or
          give a link. You can add more than one.
        </p>
      ) : null}
      <div class="evidence-grid">
        {memberCriteria.map((criterion) => {
          const items = app.evidence.filter((e) => e.criterion === criterion)
          const error =
            props.evidenceError?.criterion === criterion && props.evidenceError.message
              ? props.evidenceError
              : undefined
          return (
            <EvidenceCard
              app={app}
              criterion={criterion}
              items={items}
              canChange={props.canChange}
              error={error}
              typedLink={props.evidenceError?.links?.[criterion] ?? error?.link ?? ''}
              formId={props.formId}
            />
          )
        })}
      </div>
    </section>
  )
}

function EvidenceCard(props: {
  app: ApplicationDetail
  criterion: MemberCriterion
  items: EvidenceItem[]
  canChange: boolean
  error?: EvidenceFormState
  typedLink: string
  formId?: string
}) {
  const { app, criterion, items, error } = props
  const id = `evidence-${criterion}`
  const formId = props.formId ?? `${id}-form`
  return (
    <article class="card evidence-card" id={id} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{criterionLabels[criterion]}</h3>
      <p class="note">{criterionHints[criterion]}</p>
      {items.length > 0 ? (
        <ul class="evidence-items" aria-label={`Evidence given: ${criterionLabels[criterion]}`}>
          {items.map((item) => (
            <EvidenceLine
              item={item}
              appId={app.id}
              canRemove={props.canChange && !item.isLocked}
              formId={props.formId}
            />
          ))}
        </ul>
      ) : (
        <p>
          <strong>No evidence yet.</strong>
        </p>
      )}
      {props.canChange ? (
        <div class="add">
          {props.formId ? null : (
            <form
              method="post"
              action={`/applications/${app.id}/evidence`}
              enctype="multipart/form-data"
              id={formId}
              novalidate
            >
              <CsrfInput />
            </form>
          )}
          {error ? (
            <p class="error" id={`${id}-error`} role="alert">
              {error.message}
            </p>
          ) : null}
          <div class="field">
            <label for={`${id}-file`}>Upload a document</label>
            <input
              type="file"
              id={`${id}-file`}
              name={`file-${criterion}`}
              form={formId}
              accept={acceptAttribute}
              aria-describedby={error ? `${id}-error` : undefined}
              aria-invalid={error ? 'true' : undefined}
            />
          </div>
          <p class="or">or</p>
          <div class="field">
            <label for={`${id}-link`}>Give a link</label>
            <input
              type="url"
              id={`${id}-link`}
              name={`link-${criterion}`}
              form={formId}
              value={props.typedLink}
            />
          </div>
          <button
            type="submit"
            class="button secondary"
            form={formId}
            formaction={`/applications/${app.id}/evidence`}
            name="criterion"
            value={criterion}
          >
            Add the evidence<span class="visually-hidden"> for: {criterionLabels[criterion]}</span>
          </button>
        </div>
      ) : null}
    </article>
  )
}
