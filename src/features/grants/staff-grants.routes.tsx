import { and, eq } from 'drizzle-orm'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { streamText } from 'hono/streaming'
import { grantImports } from '#src/db/schema/index.ts'
import { serveClientScript } from '#src/http/client-script.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { uploadedFileName } from '#src/http/uploaded-file-name.ts'
import { editorOf } from '#src/http/viewer.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { logger } from '#src/lib/logger.ts'
import { ExtractSyntaxError } from './extract-reader.ts'
import { extractSource } from './extract-source.ts'
import { listGrantImports } from './grant-imports-list.ts'
import { importExtract } from './import-extract.ts'
import { OpportunityProblem } from './opportunity.ts'
import { ruleRoutes } from './rules.routes.tsx'
import { StaffFundingPage } from './staff-import.views.tsx'
import { extractUploadScript } from './upload-script.ts'
import { removeExtractUpload, saveExtractUpload } from './upload-store.ts'

/** Why an upload was refused, in words, or undefined for a fault of the Hub's own. */
function refusal(fileName: string, error: unknown): string | undefined {
  if (error instanceof ExtractSyntaxError)
    return `${fileName} is damaged at line ${error.line}, column ${error.column}: ${error.reason}. Nothing was written.`
  if (error instanceof OpportunityProblem)
    return `${fileName} has a record the Hub cannot read at line ${error.line}: ${error.reason}. Nothing was written.`
  if (error instanceof AppError && error.code === 'BAD_INPUT')
    return /nothing was/i.test(error.userMessage)
      ? error.userMessage
      : `${error.userMessage} Nothing was written.`
  return undefined
}

/** Staff work on funding opportunities: upload an extract (progress on the page), the imports so far, the relevance rules. */
export function staffGrantRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const db = deps.database.db
  const timeZone = deps.clock.timeZone

  const page = async (c: Context<AppEnv>, options: { importId?: string; uploadError?: string } = {}) => {
    const [done] =
      options.importId && isUuid(options.importId)
        ? await db
            .select()
            .from(grantImports)
            .where(and(eq(grantImports.id, options.importId), eq(grantImports.status, 'done')))
        : []
    return renderPage(
      c,
      <StaffFundingPage
        imports={await listGrantImports(db)}
        timeZone={timeZone}
        done={done}
        uploadError={options.uploadError}
      />,
      { status: options.uploadError ? 400 : 200 },
    )
  }

  serveClientScript(app, extractUploadScript)

  app.get('/staff/funding', requirePermission('site:manage'), (c) =>
    page(c, { importId: c.req.query('import') }),
  )

  // The extract arrives as the file itself (the page's script sends it; the body limit refuses a
  // form here), is streamed to a temporary file, imported from there and removed.
  app.post('/staff/funding/uploads', requirePermission('site:manage'), async (c) => {
    const type = c.req.header('Content-Type') ?? ''
    if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type))
      return page(c, {
        uploadError:
          'The extract must be sent as the file itself, by this page’s upload (JavaScript), or imported with hub grants import FILE. Nothing was written.',
      })
    const body = c.req.raw.body
    if (!body) return page(c, { uploadError: 'Choose an extract to upload.' })
    const fileName = uploadedFileName(c.req.header('X-File-Name'), 'extract.xml')
    const isZip = /\.zip$/i.test(fileName) || /zip/i.test(type)
    const file = await saveExtractUpload(body as never, isZip)
    const run = async (progress?: (read: { records: number; bytes: number }) => void) => {
      const extract = await extractSource(file)
      return importExtract(db, {
        fileName: isZip ? extract.name : fileName,
        source: extract.source,
        via: 'web',
        by: editorOf(c.get('viewer')),
        today: deps.clock.today(),
        progress,
      })
    }
    // The page's script asks for the progress in the answer itself, one JSON line at a time (the
    // records and bytes read, then where to go or why it was refused): no second request has to
    // wait for the import's transaction, and it works whichever process imports.
    if (c.req.header('X-Progress') === 'lines') {
      c.header('Cache-Control', 'no-store')
      c.header('X-Content-Type-Options', 'nosniff')
      return streamText(c, async (out) => {
        let said = 0
        try {
          const result = await run((read) => {
            if (Date.now() - said < 250) return
            said = Date.now()
            void out.writeln(JSON.stringify(read))
          })
          await out.writeln(JSON.stringify({ location: `/staff/funding?import=${result.importId}` }))
        } catch (error) {
          const problem = refusal(fileName, error)
          if (!problem) logger.error({ err: error, fileName }, 'the extract upload failed')
          await out.writeln(
            JSON.stringify({
              problem:
                problem ??
                'The Hub could not import the extract (a fault of its own, logged). Nothing was written.',
            }),
          )
        } finally {
          await removeExtractUpload(file)
        }
      })
    }
    try {
      const result = await run()
      return c.redirect(`/staff/funding?import=${result.importId}`, 303)
    } catch (error) {
      const problem = refusal(fileName, error)
      if (problem) return page(c, { uploadError: problem })
      throw error
    } finally {
      await removeExtractUpload(file)
    }
  })

  app.route('/', ruleRoutes(deps))
  return app
}
