import type { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { editorOf } from '#src/http/viewer.ts'
import { isUuid } from '#src/lib/ids.ts'
import { CsrfInput, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { contributorChoices, type SeatHolderChoice, setContributor } from './contributors.ts'

function ContributorsPage(props: { holders: SeatHolderChoice[]; flash?: FlashMessage }) {
  return (
    <Layout title="Who may contribute to the library">
      <div class="wrap">
        <StaffNav current="library" />
        <p>
          <a href="/staff/library">← Library (staff)</a>
        </p>
        <h1>Who may contribute to the library</h1>
        <Flashes flash={props.flash} />
        <p class="lede">
          Representatives and alternates you allow here can offer briefings and resources; each waits for your
          approval before anyone else sees it.
        </p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Organisation</th>
                <th scope="col">Seat</th>
                <th scope="col">May contribute</th>
              </tr>
            </thead>
            <tbody>
              {props.holders.map((h) => (
                <tr>
                  <td>{h.fullName}</td>
                  <td>{h.organizationName}</td>
                  <td>{h.role === 'representative' ? 'Representative' : 'Alternate'}</td>
                  <td>
                    <form method="post" action="/staff/library/contributors" class="inline-form">
                      <CsrfInput />
                      <input type="hidden" name="personId" value={h.personId} />
                      <input type="hidden" name="allowed" value={h.allowed ? 'no' : 'yes'} />
                      {h.allowed ? 'Yes ' : 'No '}
                      <button
                        class="button secondary"
                        type="submit"
                        aria-label={`${h.allowed ? 'Stop' : 'Allow'} ${h.fullName}`}
                      >
                        {h.allowed ? 'Stop' : 'Allow'}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Layout>
  )
}

/** Staff choose which seat holders may offer items to the library: /staff/library/contributors. */
export function contributorsRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database
  app.get('/staff/library/contributors', requirePermission('library:manage'), async (c) => {
    const holders = await contributorChoices(db, deps.clock.today())
    const changed = c.req.query('changed')
    return renderPage(
      c,
      <ContributorsPage holders={holders} flash={changed ? { text: 'Saved.' } : undefined} />,
    )
  })
  app.post('/staff/library/contributors', requirePermission('library:manage'), async (c) => {
    const fields = await formFields(c)
    const personId = fields.personId ?? ''
    const holders = await contributorChoices(db, deps.clock.today())
    if (!isUuid(personId) || !holders.some((h) => h.personId === personId))
      return renderPage(
        c,
        <ContributorsPage
          holders={holders}
          flash={{ isError: true, text: 'Only a representative or alternate can be allowed to contribute.' }}
        />,
        { status: 400 },
      )
    const by = editorOf(c.get('viewer'))
    await setContributor(db, by.actor, {
      personId,
      allowed: fields.allowed === 'yes',
      grantedBy: by.personId,
    })
    return c.redirect('/staff/library/contributors?changed=1', 303)
  })
}
