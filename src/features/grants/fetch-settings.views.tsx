import { CsrfInput, ErrorSummary, Field, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { TimeAt } from '#src/ui/time-at.tsx'
import { FETCH_FROM_HOUR } from './daily-fetch.ts'

/** One daily fetch so far: its row in grant_imports. */
export type FetchRecord = {
  id: string
  fileName: string
  status: 'running' | 'done' | 'failed'
  records: number
  added: number
  updated: number
  problem: string | null
  startedAt: string
}

const statusWords = { running: 'Running', done: 'Imported', failed: 'Failed' } as const

/** /staff/funding/fetch: the address of the daily extract (off by default) and the fetches so far. */
export function FetchSettingsPage(props: {
  url: string
  error?: string
  flash?: FlashMessage
  fetches: FetchRecord[]
}) {
  return (
    <Layout title="Daily fetch of the Grants.gov extract">
      <div class="wrap">
        <StaffNav current="funding-fetch" />
        <h1>Daily fetch of the Grants.gov extract</h1>
        <p class="lede">
          Off unless you give an address: the Hub may have no internet. With an address, the Hub fetches the
          file (a .zip or an .xml, at most 512 MB) once a day from {FETCH_FROM_HOUR} am in the network’s time
          zone, and imports it as an upload would. However many Hub processes run, one fetches. A failed fetch
          is listed below with its reason; the next day tries again.
        </p>
        <Flashes flash={props.flash} />
        <ErrorSummary errors={{ url: props.error }} />
        <form method="post" action="/staff/funding/fetch" class="form-card wide" novalidate>
          <CsrfInput />
          <Field
            id="fetch-url"
            name="url"
            type="url"
            inputmode="url"
            label="Address of the daily extract"
            value={props.url}
            error={props.error}
            required={false}
            maxlength={500}
            hint={
              <>
                Starting with https://. Write {'{YYYYMMDD}'} where the day goes: it becomes the day of the
                fetch, as in …/GrantsDBExtract{'{YYYYMMDD}'}v2.zip. Leave empty to turn the fetch off.
              </>
            }
          />
          <div class="actions-row">
            <button type="submit" class="button">
              Save
            </button>
          </div>
        </form>
        <div class="table-wrap">
          <table>
            <caption>The last fetches</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">File</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {props.fetches.length === 0 ? (
                <tr>
                  <td colspan={3}>No fetch yet.</td>
                </tr>
              ) : (
                props.fetches.map((f) => (
                  <tr>
                    <td>
                      <TimeAt at={f.startedAt} />
                    </td>
                    <td class="breakable">{f.fileName}</td>
                    <td>
                      {statusWords[f.status]}
                      {f.status === 'done'
                        ? `: ${formatNumber(f.records)} records, ${formatNumber(f.added)} added, ${formatNumber(f.updated)} updated`
                        : ''}
                      {f.problem ? `: ${f.problem}` : ''}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </div>
    </Layout>
  )
}
