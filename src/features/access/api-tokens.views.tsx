import { ButtonForm, CsrfInput } from '#src/ui/form-parts.tsx'
import { plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { TimeAt } from '#src/ui/time-at.tsx'
import { type ApiScope, type ApiTokenSummary, apiScopes } from './api-tokens.ts'

export const scopeDescriptions: Record<ApiScope, string> = {
  'organizations:read': 'Read the admitted organisations (GET /api/v1/organizations).',
  'audit:read':
    'Read the audit log (GET /api/v1/audit): every change as it was written, members-only and unpublished content and personal details included.',
  'applications:read': 'Read membership applications (GET /api/v1/applications).',
  'organizations:write': 'Change organisation profiles (PATCH /api/v1/organizations/{id}).',
}

export type TokenForm = {
  values: { name: string; scopes: string[] }
  errors: { name?: string; scopes?: string }
}

export const emptyTokenForm: TokenForm = { values: { name: '', scopes: [] }, errors: {} }

function When(props: { at: string | null; empty: string }) {
  if (!props.at) return <span class="note">{props.empty}</span>
  return <TimeAt at={props.at} />
}

function TokenRow(props: { token: ApiTokenSummary }) {
  const { token } = props
  const creator =
    token.createdByName && token.createdByEmail
      ? `${token.createdByName} (${token.createdByEmail})`
      : (token.createdByName ?? token.createdByEmail ?? 'Unknown')
  return (
    <tr>
      <th scope="row">{token.name}</th>
      <td>
        <code>{token.prefix}…</code>
      </td>
      <td>{token.scopes.join(', ')}</td>
      <td>
        <When at={token.createdAt} empty="" />
        <br />
        <span class="note">by {creator}</span>
      </td>
      <td>
        <When at={token.lastUsedAt} empty="Never" />
      </td>
      <td>
        {token.revokedAt ? (
          <>
            <span class="badge fictional">Revoked</span>
            <br />
            <When at={token.revokedAt} empty="" />
          </>
        ) : (
          <span class="badge">Active</span>
        )}
      </td>
      <td>
        {token.revokedAt ? null : (
          <ButtonForm
            action={`/staff/api-tokens/${token.id}/revoke`}
            formClass="inline-form"
            buttonClass="button secondary"
            ariaLabel={`Revoke ${token.name}`}
          >
            Revoke
          </ButtonForm>
        )}
      </td>
    </tr>
  )
}

function CreateForm(props: { form: TokenForm }) {
  const { values, errors } = props.form
  return (
    <form method="post" action="/staff/api-tokens" class="form-card" novalidate>
      <CsrfInput />
      <div class="field">
        <label for="token-name">Name</label>
        <input
          id="token-name"
          name="name"
          type="text"
          maxlength={100}
          required
          value={values.name}
          aria-describedby={errors.name ? 'token-name-hint token-name-error' : 'token-name-hint'}
          aria-invalid={errors.name ? 'true' : undefined}
        />
        <p class="hint" id="token-name-hint">
          What the token is for, such as “Reporting dashboard” (1 to 100 characters).
        </p>
        {errors.name ? (
          <p class="error" id="token-name-error">
            {errors.name}
          </p>
        ) : null}
      </div>
      <fieldset aria-describedby={errors.scopes ? 'token-scopes-error' : undefined}>
        <legend>Scopes</legend>
        {apiScopes.map((scope) => {
          const id = `scope-${scope.replace(':', '-')}`
          return (
            <p>
              <input
                type="checkbox"
                id={id}
                name="scopes"
                value={scope}
                checked={values.scopes.includes(scope)}
                aria-describedby={`${id}-hint`}
              />{' '}
              <label for={id}>
                <code>{scope}</code>
              </label>
              <br />
              <span class="note" id={`${id}-hint`}>
                {scopeDescriptions[scope]}
              </span>
            </p>
          )
        })}
        {errors.scopes ? (
          <p class="form-error" id="token-scopes-error">
            {errors.scopes}
          </p>
        ) : null}
      </fieldset>
      <button type="submit" class="button">
        Create token
      </button>
    </form>
  )
}

export function ApiTokensPage(props: { tokens: ApiTokenSummary[]; form: TokenForm; flash?: string }) {
  const hasErrors = Object.keys(props.form.errors).length > 0
  return (
    <Layout title="API tokens">
      <div class="wrap">
        <StaffNav current="api-tokens" />
        <h1>API tokens</h1>
        <p class="lede">
          Tokens let other programs use the Hub's JSON API: a program sends its token in an{' '}
          <code>Authorization: Bearer</code> header. Every call made with a token is recorded in the audit
          log.
        </p>
        {props.flash ? (
          <p class="flash" role="status">
            {props.flash}
          </p>
        ) : null}
        <h2 id="create-heading">Create a token</h2>
        {hasErrors ? (
          <p class="flash error" role="alert">
            The token was not created: correct the fields marked below.
          </p>
        ) : null}
        <CreateForm form={props.form} />
        <h2 id="tokens-heading">Tokens</h2>
        {props.tokens.length === 0 ? (
          <p>No token has been created yet.</p>
        ) : (
          // Focusable, so that a table wider than a phone can be scrolled from the keyboard.
          <section class="table-wrap" aria-labelledby="tokens-heading" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span class="note">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {props.tokens.map((token) => (
                  <TokenRow token={token} />
                ))}
              </tbody>
            </table>
          </section>
        )}
      </div>
    </Layout>
  )
}

/** The answer to creating a token: the only time the token itself is shown. */
export function CreatedTokenPage(props: { name: string; token: string; scopes: string[] }) {
  return (
    <Layout title="Token created">
      <div class="wrap">
        <StaffNav current="api-tokens" />
        <h1>Token created</h1>
        <p class="flash" role="status">
          The token “{props.name}” was created with the {plural(props.scopes.length, 'scope')}{' '}
          {props.scopes.join(', ')}.
        </p>
        <div class="form-card">
          <p class="form-error" id="token-warning">
            Copy the token now: it will not be shown again. The Hub keeps only a fingerprint of it, so a lost
            token cannot be recovered; revoke it and create a new one.
          </p>
          <div class="field">
            <label for="new-token">The token</label>
            <input
              id="new-token"
              type="text"
              readonly
              value={props.token}
              aria-describedby="token-warning"
              autocomplete="off"
              spellcheck={false}
            />
          </div>
          <p>
            Send it with each request as <code>Authorization: Bearer {props.token.slice(0, 10)}…</code>
          </p>
          <p>
            <a href="/staff/api-tokens">Back to API tokens</a>
          </p>
        </div>
      </div>
    </Layout>
  )
}
