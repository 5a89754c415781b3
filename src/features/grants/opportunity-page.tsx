import { eq } from 'drizzle-orm'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { grantOpportunities } from '#src/db/schema/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { can } from '#src/http/permissions.ts'
import { renderPage } from '#src/http/render.ts'
import { organizationsFitting } from './funding-for.ts'
import { OpportunityPage } from './opportunity.views.tsx'
import { OpportunityPins, type PinFormErrors, type PinFormValues } from './pin-forms.views.tsx'
import { libraryChoices, pinsOfOpportunity } from './pins.ts'

const pinnedMessages: Record<string, string> = {
  added: 'Pinned. It shows on the page you chose, to the people you chose.',
  changed: 'It was pinned there already: its audience and note are updated.',
  removed: 'Unpinned.',
}

/**
 * /funding/:id for members: the opportunity, the communities it fits, where it is pinned and, for
 * staff ('site:manage'), the pin forms (sent back with `form` when they need correcting).
 */
export async function opportunityPage(
  c: Context<AppEnv>,
  deps: AppDeps,
  opportunityId: string,
  form?: { place: 'call' | 'library'; values: PinFormValues; errors: PinFormErrors },
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  const db = deps.database.db
  const [opportunity] = await db
    .select()
    .from(grantOpportunities)
    .where(eq(grantOpportunities.opportunityId, opportunityId))
  if (!opportunity)
    throw notFound(
      'No opportunity has that number in the Hub. It may not be in the extracts imported so far.',
    )
  const canManage = can(c.get('viewer'), 'site:manage')
  const [fits, pins, choices] = await Promise.all([
    organizationsFitting(db, opportunity, deps.clock.today()),
    pinsOfOpportunity(db, opportunityId),
    canManage ? libraryChoices(db) : Promise.resolve([]),
  ])
  const message = pinnedMessages[c.req.query('pinned') ?? '']
  return renderPage(
    c,
    <OpportunityPage
      opportunity={opportunity}
      fits={fits}
      pins={
        <OpportunityPins
          opportunityId={opportunityId}
          pins={pins}
          canManage={canManage}
          choices={choices}
          form={form}
          flash={message ? { text: message } : undefined}
        />
      }
    />,
    { status },
  )
}
