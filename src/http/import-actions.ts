import type { Context, Hono, MiddlewareHandler } from 'hono'
import { isAppError } from '#src/lib/errors.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import type { AppEnv } from './deps.ts'
import { type ActingPerson, actingPerson } from './viewer.ts'

/** One of an import's actions, done as `who`. */
export type ImportAction = (id: string, who: ActingPerson) => Promise<unknown>

/**
 * The actions on one import of a spreadsheet: `POST <base>/:id/commit`, `/undo` and `/discard`,
 * behind `guard`, each done as the acting person and answered with a 303: commit and undo to the
 * import's page (`url(id)`) with `?notice=committed` or `?notice=undone`, discard to the list
 * (`base`) with `?notice=discarded`, the notices the feature's pages word. An action the import's
 * state refuses (a CONFLICT: committed already, undone, another file's import) shows the import's
 * page again with the reason, 409.
 */
export function importActionRoutes(
  app: Hono<AppEnv>,
  options: {
    base: string
    url: (id: string) => string
    guard: MiddlewareHandler<AppEnv>
    page: (c: Context<AppEnv>, id: string, status: 409, flash: FlashMessage) => Promise<Response>
    commit: ImportAction
    undo: ImportAction
    discard: ImportAction
  },
): void {
  const after = {
    commit: (id: string) => `${options.url(id)}?notice=committed`,
    undo: (id: string) => `${options.url(id)}?notice=undone`,
    discard: () => `${options.base}?notice=discarded`,
  }
  for (const name of ['commit', 'undo', 'discard'] as const)
    app.post(`${options.base}/:id/${name}`, options.guard, async (c) => {
      const id = c.req.param('id') ?? ''
      try {
        await options[name](id, actingPerson(c.get('viewer')))
        return c.redirect(after[name](id), 303)
      } catch (error) {
        if (!isAppError(error) || error.code !== 'CONFLICT') throw error
        return options.page(c, id, 409, { isError: true, text: error.userMessage })
      }
    })
}
