/** What the import routes share: the call and import the address names, who acts, and the pages they answer with. */
import type { Context } from 'hono'
import { attendanceRefusal } from '#src/features/calls/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { renderPage } from '#src/http/render.ts'
import { VersionedMemo } from '#src/http/versioned-memo.ts'
import type { SignedInViewer } from '#src/http/viewer.ts'
import { actingPerson } from '#src/http/viewer.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { AppError } from '#src/lib/errors.ts'
import { formatDate } from '#src/ui/format.ts'
import { AttendancePage, type AttendancePageProps } from './attendance-page.views.tsx'
import { findCallByDate } from './import-calls.ts'
import { ImportPage, type ImportPageProps, shownForReview } from './import-preview.views.tsx'
import type { ImportBy, ImportCall, ImportRow, ImportView } from './import-types.ts'
import { matchCandidates } from './match-candidates.ts'
import { ParticipantPage } from './participant-page.views.tsx'
import { getImport, listImports } from './read-imports.ts'
import { suggestionsFor } from './suggestion-holders.ts'

export const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A participant's number in an address: 1 to 999999. */
export const positionShape = /^\d{1,6}$/

type ReviewChoices = Pick<ImportPageProps, 'candidates' | 'suggestions'>

export type Loaded = { call: ImportCall; viewer: SignedInViewer & { personId: string } }
export type LoadedImport = Loaded & { imp: ImportView }

/** The person doing the work, as the import services want them. */
export const by = (viewer: { personId: string }): ImportBy => ({
  personId: viewer.personId,
  actor: `person:${viewer.personId}`,
})

/** The loaders and pages of the import routes, over the app's database and clock. */
export function importRouteParts(deps: AppDeps) {
  const { db } = deps.database

  /** Why a call takes no new attendance: cancelled, or not held yet (the calls feature's rule). Undefined when it does. */
  const closedBecause = (call: ImportCall): string | undefined =>
    attendanceRefusal(call, { by: 'report', today: deps.clock.today() }) ?? undefined

  /** The call the path names, and the staff member asking; 400, 404 or 403 otherwise. */
  const loadCall = async (c: Context<AppEnv>): Promise<Loaded> => {
    const date = c.req.param('date') ?? ''
    if (!isIsoDate(date))
      throw new AppError('BAD_INPUT', {
        userMessage:
          'A call is named by its date in the address, written year-month-day, such as /staff/calls/2026-11-23/attendance.',
      })
    const call = await findCallByDate(db, date)
    if (!call) throw notFound(`There is no call on ${formatDate(date)}.`)
    const { personId } = actingPerson(c.get('viewer'))
    return { call, viewer: { ...(c.get('viewer') as SignedInViewer), personId } }
  }

  /** The call, and the import the path names when it belongs to that call; 404 otherwise. */
  const loadImport = async (c: Context<AppEnv>): Promise<LoadedImport> => {
    const loaded = await loadCall(c)
    const id = c.req.param('id') ?? ''
    const imp = uuidShape.test(id) ? await getImport(db, id) : undefined
    if (!imp || imp.call.id !== loaded.call.id) throw notFound('There is no such import for this call.')
    return { ...loaded, imp }
  }

  const attendancePage = async (
    c: Context<AppEnv>,
    call: ImportCall,
    status: 200 | 400 | 409 | 413,
    props: Pick<AttendancePageProps, 'notice' | 'uploadError'> = {},
  ) => {
    const imports = await listImports(db, call.id)
    return renderPage(
      c,
      <AttendancePage
        call={call}
        imports={imports}
        closed={closedBecause(call)}
        upcoming={call.status !== 'cancelled' && call.localDate > deps.clock.today()}
        {...props}
      />,
      { status },
    )
  }

  // Who can be chosen and who is suggested for an import's participants: read and ranked once per
  // content version (the import, its participants, people and seats all bump it), not on every view.
  const choicesMemo = new VersionedMemo<ReviewChoices>()
  const reviewChoices = (imp: ImportView, onDate: string) =>
    choicesMemo.get(db, `${imp.id}|${onDate}`, async () => ({
      candidates: await matchCandidates(db, onDate),
      suggestions: await suggestionsFor(db, onDate, shownForReview(imp.rows)),
    }))

  const importPage = async (
    c: Context<AppEnv>,
    call: ImportCall,
    imp: ImportView,
    status: 200 | 400 | 409,
    props: Pick<ImportPageProps, 'notice' | 'review'> = {},
  ) => {
    const { candidates, suggestions } =
      imp.status === 'undone'
        ? { candidates: [], suggestions: new Map() }
        : await reviewChoices(imp, call.localDate)
    return renderPage(
      c,
      <ImportPage
        call={call}
        imp={imp}
        candidates={candidates}
        suggestions={suggestions}
        closed={closedBecause(call)}
        {...props}
      />,
      { status },
    )
  }

  const participantPage = async (
    c: Context<AppEnv>,
    loaded: LoadedImport,
    row: ImportRow,
    status: 200 | 400 | 409,
    error?: { value: string; message: string },
  ) => {
    const candidates = await matchCandidates(db, loaded.call.localDate)
    return renderPage(
      c,
      <ParticipantPage call={loaded.call} imp={loaded.imp} row={row} candidates={candidates} error={error} />,
      { status },
    )
  }

  return { db, closedBecause, loadCall, loadImport, attendancePage, importPage, participantPage }
}

export type ImportRouteParts = ReturnType<typeof importRouteParts>
