import type { Context, Hono, MiddlewareHandler } from 'hono'
import { isAppError } from '#src/lib/errors.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import type { AppEnv } from './deps.ts'
import { type ActingPerson, actingPerson } from './viewer.ts'

/** One of an import's actions: does it as `who` and says where to go next. */
export type ImportAction = (id: string, who: ActingPerson) => Promise<string>

/**
 * The actions on one import of a spreadsheet (commit, undo, discard): `POST <base>/:id/<name>`
 * for each, behind `guard`, done as the acting person and answered with a 303 to where the action
 * says. An action the import's state refuses (a CONFLICT: committed already, undone, another
 * file's import) shows the import's page again with the reason, 409.
 */
export function importActionRoutes(
  app: Hono<AppEnv>,
  options: {
    base: string
    guard: MiddlewareHandler<AppEnv>
    page: (c: Context<AppEnv>, id: string, status: 409, flash: FlashMessage) => Promise<Response>
    actions: Record<string, ImportAction>
  },
): void {
  for (const [name, action] of Object.entries(options.actions))
    app.post(`${options.base}/:id/${name}`, options.guard, async (c) => {
      const id = c.req.param('id') ?? ''
      try {
        return c.redirect(await action(id, actingPerson(c.get('viewer'))), 303)
      } catch (error) {
        if (!isAppError(error) || error.code !== 'CONFLICT') throw error
        return options.page(c, id, 409, { isError: true, text: error.userMessage })
      }
    })
}
