import type { Context, Hono } from 'hono'
import { admissionEventsOf } from '#src/features/admission/index.ts'
import { checkUpload, type FileKind, QuotaExceeded } from '#src/features/files/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { recordSharing } from './record-sharing.ts'
import { firstAdmission, publishedBriefings } from './sharing-context.ts'
import { checkSharingForm, earliestSharingDate, readSharingForm, type SharingErrors } from './sharing-form.ts'
import { organizationAccess, renderOrganizationSharingPage } from './sharing-route-parts.tsx'

/** The form's fields as lists of strings (a field sent once is a list of one), and its evidence file. */
async function readBody(c: Context<AppEnv>) {
  const body = await c.req.parseBody({ all: true })
  const input: Record<string, string[]> = {}
  let file: File | undefined
  for (const [key, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value]
    const strings = values.filter((v): v is string => typeof v === 'string')
    if (strings.length > 0) input[key] = strings
    if (key === 'evidenceFile')
      file = values.find((v): v is File => v instanceof File && (v.name !== '' || v.size > 0))
  }
  return { input, file }
}

/** An organisation records a sharing action, with its evidence file: POST /organizations/:slug/sharing. */
export function recordSharingRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  // The body is bounded by the upload limit (src/http/route-body-limits.ts) before it gets here.
  app.post('/organizations/:slug/sharing', requirePermission('obligations:own'), async (c) => {
    const { org, personId } = await organizationAccess(deps, c)
    const today = deps.clock.today()
    const { input, file } = await readBody(c)
    const values = readSharingForm(input)
    const admittedOn = firstAdmission(await admissionEventsOf(db, org.id))
    if (!admittedOn)
      return renderOrganizationSharingPage(deps, c, org, 409, {
        flash: { isError: true, text: `${org.name} has not been admitted, so it has no sharing to record.` },
      })
    const briefings = await publishedBriefings(db, { from: earliestSharingDate(today), to: today })
    const checked = checkSharingForm(values, { today, organizationName: org.name, admittedOn, briefings })
    const errors: SharingErrors = checked.ok ? {} : { ...checked.errors }
    let upload: { name: string; kind: FileKind; bytes: Uint8Array } | undefined
    let status: 400 | 413 = 400
    if (file) {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const result = checkUpload({ name: file.name, bytes })
      if (result.ok) upload = { name: result.name, kind: result.kind, bytes }
      else {
        errors.evidenceFile = result.message
        status = result.status
      }
    }
    if (!checked.ok || errors.evidenceFile)
      return renderOrganizationSharingPage(deps, c, org, status, {
        form: { values, errors, fileWasChosen: Boolean(file) },
      })
    let id: string
    try {
      id = await recordSharing(db, `person:${personId}`, {
        organizationId: org.id,
        recordedBy: personId,
        value: checked.value,
        file: upload,
      })
    } catch (error) {
      if (!(error instanceof QuotaExceeded)) throw error
      return renderOrganizationSharingPage(deps, c, org, 413, {
        form: { values, errors: { evidenceFile: error.userMessage }, fileWasChosen: true },
      })
    }
    const year = checked.value.sharedOn.slice(0, 4)
    return c.redirect(`/organizations/${org.slug}/sharing?year=${year}&recorded=${id}#sharing-${id}`, 303)
  })
}
