import { type Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { checkForm, formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { noticeFlash } from '#src/http/notice.ts'
import { renderPage } from '#src/http/render.ts'
import type { SignedInViewer } from '#src/http/viewer.ts'
import { actingPerson } from '#src/http/viewer.ts'
import { keepViewerPages } from '#src/http/viewer-pages.ts'
import { isRefusal } from '#src/lib/errors.ts'
import { logger } from '#src/lib/logger.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { inviteFromPersonPage } from './invite-person.ts'
import { listPeople, organizationChoices } from './list-people.ts'
import { parsePeopleFilters } from './people-filters.ts'
import { PeopleListPage } from './people-list.views.tsx'
import { personActivity } from './person-activity.ts'
import { knownPersonId, personDetail } from './person-detail.ts'
import { PersonPage } from './person-page.views.tsx'
import type { TermFormState } from './person-terms.views.tsx'
import { addTermForm, endTermForm } from './term-forms.ts'
import { addTerm, endTerm } from './terms.ts'

const notices: Record<string, string> = {
  invited: 'We emailed an invitation with a link to choose a password.',
  reinvited: 'We emailed a new invitation; the earlier link no longer works.',
  'term-added': 'The term is added.',
  'term-ended': 'The term’s end is recorded.',
}

/** Staff see and manage everyone on record: /staff/people and each person's page. */
export function peopleRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  const staffActor = (c: Context<AppEnv>) => ({
    ...actingPerson(c.get('viewer')),
    name: (c.get('viewer') as SignedInViewer).name,
  })

  const personPage = async (
    c: Context<AppEnv>,
    status: 200 | 400 | 409 | 500,
    props: { flash?: FlashMessage; termForm?: TermFormState } = {},
  ) => {
    const today = deps.clock.today()
    const person = await personDetail(db, c.req.param('id') ?? '', today)
    const activity = await personActivity(db, {
      id: person.id,
      userId: person.userId,
      recordIds: [
        ...person.seats.map((s) => ({ table: 'seats', id: s.id })),
        ...person.staffTerms.map((t) => ({ table: 'staff_members', id: t.id })),
        ...person.boardTerms.map((t) => ({ table: 'board_members', id: t.id })),
        ...person.invitations.map((i) => ({ table: 'invitations', id: i.id })),
      ],
    })
    return renderPage(
      c,
      <PersonPage
        person={person}
        activity={activity}
        today={today}
        timeZone={deps.clock.timeZone}
        {...props}
      />,
      { status },
    )
  }

  app.get('/staff/people', requirePermission('people:invite'), async (c) => {
    const filters = parsePeopleFilters(c.req.query())
    const [organizations, found] = await Promise.all([
      organizationChoices(db),
      listPeople(db, filters, deps.clock.today()),
    ])
    return renderPage(c, <PeopleListPage filters={filters} organizations={organizations} {...found} />)
  })

  app.get('/staff/people/:id', requirePermission('people:invite'), keepViewerPages(deps), async (c) => {
    return personPage(c, 200, { flash: noticeFlash(notices, c.req.query('notice')) })
  })

  app.post('/staff/people/:id/invite', requirePermission('people:invite'), async (c) => {
    const staff = staffActor(c)
    const personId = await knownPersonId(db, c.req.param('id'))
    try {
      const { cancelled } = await inviteFromPersonPage(db, deps.mailer, {
        personId,
        invitedBy: { personId: staff.personId, name: staff.name },
        origin: deps.origin,
      })
      return c.redirect(`/staff/people/${personId}?notice=${cancelled > 0 ? 'reinvited' : 'invited'}`, 303)
    } catch (error) {
      if (isRefusal(error)) return personPage(c, 409, { flash: { isError: true, text: error.userMessage } })
      logger.error({ err: error }, 'invitation email not sent')
      return personPage(c, 500, {
        flash: {
          isError: true,
          text: 'The invitation is recorded, but its email could not be sent. Try again in a moment.',
        },
      })
    }
  })

  app.post('/staff/people/:id/terms', requirePermission('people:invite'), async (c) => {
    const staff = staffActor(c)
    const personId = await knownPersonId(db, c.req.param('id'))
    const fields = await formFields(c)
    const values = {
      role: fields.role ?? '',
      startsOn: fields.startsOn ?? '',
      endsOn: fields.endsOn ?? '',
      title: fields.title ?? '',
    }
    const form = checkForm(addTermForm, fields)
    if (!form.ok) return personPage(c, 400, { termForm: { kind: 'add', values, errors: form.errors } })
    try {
      await addTerm(db, staff.actor, { personId, ...form.value })
    } catch (error) {
      if (!isRefusal(error)) throw error
      const field = error.field === 'endsOn' ? 'endsOn' : 'startsOn'
      return personPage(c, 409, { termForm: { kind: 'add', values, errors: { [field]: error.userMessage } } })
    }
    return c.redirect(`/staff/people/${personId}?notice=term-added`, 303)
  })

  app.post('/staff/people/:id/terms/end', requirePermission('people:invite'), async (c) => {
    const staff = staffActor(c)
    const personId = await knownPersonId(db, c.req.param('id'))
    const fields = await formFields(c)
    const values = { termId: fields.termId ?? '', role: fields.role ?? '', endsOn: fields.endsOn ?? '' }
    const form = checkForm(endTermForm, fields)
    if (!form.ok) return personPage(c, 400, { termForm: { kind: 'end', values, errors: form.errors } })
    try {
      await endTerm(db, staff.actor, { ...form.value, personId, today: deps.clock.today() })
    } catch (error) {
      if (!isRefusal(error)) throw error
      return personPage(c, 409, {
        flash: { isError: true, text: error.userMessage },
        termForm: { kind: 'end', values, errors: { endsOn: error.userMessage } },
      })
    }
    return c.redirect(`/staff/people/${personId}?notice=term-ended`, 303)
  })

  return app
}
