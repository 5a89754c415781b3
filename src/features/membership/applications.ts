import { and, asc, desc, eq, type SQLWrapper, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx, Tx } from '#src/db/client.ts'
import {
  type ApplicationStatus,
  applicationDecisions,
  applicationEvents,
  applicationEvidence,
  applicationReviews,
  applications,
  type BffKind,
  bffKinds,
  type MemberCriterion,
  memberCriteria,
  people,
  type ReviewVerdict,
  storedFiles,
} from '#src/db/schema/index.ts'
import {
  applicationEvidenceUse,
  checkUpload,
  quotaRefusal,
  storeFile,
  uploadQuotas,
} from '#src/features/files/index.ts'
import { isCountyFips, isStateCode, stateCodeForFips, usStates } from '#src/features/map/index.ts'
import { profileLimits, splitLines } from '#src/features/organizations/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { multiLineProblem, singleLineProblem } from '#src/lib/text.ts'
import { formatNumber } from '#src/ui/format.ts'

// ---------------------------------------------------------------------------------------------
// Words

export type Category = 'member' | 'bff'

/** The four membership criteria, in the words of the application form. */
export const criterionLabels: Record<MemberCriterion, string> = {
  agreement: 'Written collaboration agreement',
  swot: 'SWOT analysis',
  plan: 'Regional economic development plan with a manufacturing component',
  dei_sustainability: 'Interest in DEI and environmental sustainability',
}

export const criterionHints: Record<MemberCriterion, string> = {
  agreement:
    'An agreement of some kind that reflects the regional collaboration: a memorandum of understanding, a partnership agreement, signed letters of commitment.',
  swot: 'The analysis of strengths, weaknesses, opportunities and threats that informs your regional economic development plan.',
  plan: 'Your regional economic development plan, in which manufacturing is an important part.',
  dei_sustainability:
    'How you mean to put diversity, equity and inclusion, and environmental sustainability, into your implementation plans: a statement, a section of the plan, a board resolution.',
}

/** Where an application stands, as the applicant reads it. */
export const applicantStatus: Record<ApplicationStatus, { label: string; explanation: string }> = {
  draft: {
    label: 'Draft',
    explanation: 'Not sent yet, and only you can see it. Complete it, then submit it.',
  },
  submitted: {
    label: 'Submitted: with staff',
    explanation:
      'Staff are checking each criterion and its evidence. If they need more information, we email you and you can answer here.',
  },
  needs_info: {
    label: 'More information needed',
    explanation:
      'Staff need more information before the application can go on. Read their comments, add evidence if they ask for it, and answer below.',
  },
  with_board: {
    label: 'With the Advisory Board',
    explanation: 'The Advisory Board is voting on the application. We email you its decision.',
  },
  approved: {
    label: 'Approved',
    explanation: 'The Advisory Board approved the application: welcome to the collaborative.',
  },
  rejected: { label: 'Not approved', explanation: 'The Advisory Board did not approve the application.' },
  withdrawn: { label: 'Withdrawn', explanation: 'You withdrew the application. Nothing more happens to it.' },
}

export const eventLabels: Record<ApplicationEventKind, string> = {
  created: 'Application started',
  submitted: 'Submitted',
  info_requested: 'Staff asked for more information',
  answered: 'Answer sent',
  sent_to_board: 'Sent to the Advisory Board',
  decided: 'Decided',
  withdrawn: 'Withdrawn',
}

export const verdictLabels: Record<ReviewVerdict, string> = {
  met: 'Met',
  not_met: 'Not met',
  needs_info: 'Needs more information',
}

export const designationProgramCodes = ['IMCP', 'DMCSP', 'TECHHUB', 'BBBRC'] as const
export type DesignationProgramCode = (typeof designationProgramCodes)[number]
export const designationProgramLabels: Record<DesignationProgramCode, string> = {
  IMCP: 'IMCP: Investing in Manufacturing Communities Partnership',
  DMCSP: 'DMCSP: Defense Manufacturing Community Support Program',
  TECHHUB: 'Tech Hubs: Regional Technology and Innovation Hubs',
  BBBRC: 'Build Back Better Regional Challenge',
}

export type ApplicationEventKind = (typeof applicationEvents.$inferSelect)['kind']

/** Applications the applicant may still withdraw: every one not decided or withdrawn. */
export const openStatuses: readonly ApplicationStatus[] = ['draft', 'submitted', 'needs_info', 'with_board']

// ---------------------------------------------------------------------------------------------
// The draft form: what it sends, and what is kept

/** A designation as stored on the application: a program code (or a name for another program), a kind and a date. */
export type Designation = { program: string; kind: 'designated' | 'redesignated'; date: string }

export type DesignationRow = { program: string; other: string; kind: string; date: string }

/** The draft form as shown: each field as typed (text), ticked (lists) or entered (rows). */
export type DraftForm = {
  organizationName: string
  shortName: string
  leadOrganization: string
  website: string
  summary: string
  partners: string
  focusIndustries: string
  designations: DesignationRow[]
  states: string[]
  counties: string[]
  bffKind: string
  openSourceValue: string
}
export type DraftField = keyof DraftForm

/** What a save may change: only the fields the form sent. */
export type DraftUpdate = Partial<{
  organizationName: string
  shortName: string | null
  leadOrganization: string | null
  website: string | null
  summary: string | null
  partners: string[]
  focusIndustries: string[]
  designations: Designation[]
  states: string[]
  counties: string[]
  bffKind: BffKind | null
  openSourceValue: string | null
}>

export const draftLimits = {
  organizationName: 200,
  shortName: 60,
  leadOrganization: 200,
  website: profileLimits.website,
  summary: profileLimits.summary,
  openSourceValue: 2000,
  partnerLines: profileLimits.partnerLines,
  partnerLength: profileLimits.partnerLength,
  focusLines: profileLimits.focusLines,
  focusLength: profileLimits.focusLength,
  designationRows: 20,
  programName: 100,
  answer: 4000,
  link: 2000,
  fullName: 200,
} as const

const memberOnly: readonly DraftField[] = [
  'leadOrganization',
  'partners',
  'focusIndustries',
  'designations',
  'states',
  'counties',
]
const bffOnly: readonly DraftField[] = ['bffKind', 'openSourceValue']

/** The fields of the draft form for a category, in the order of the page. */
export const draftFieldsOf = (category: Category): DraftField[] =>
  (
    [
      'organizationName',
      'shortName',
      'leadOrganization',
      'website',
      'summary',
      'partners',
      'focusIndustries',
      'designations',
      'states',
      'counties',
      'bffKind',
      'openSourceValue',
    ] as DraftField[]
  ).filter((f) => (category === 'member' ? !bffOnly.includes(f) : !memberOnly.includes(f)))

/** Form input as lists of strings per name (a name sent once is a list of one). */
export type FormInput = Record<string, string[]>

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error })

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()
const count = (s: string) => formatNumber(Array.from(s).length)

function line(
  raw: string,
  options: { max: number; what: string; required?: boolean },
): Parsed<string | null> {
  const problem = singleLineProblem(raw.trim(), options.what)
  if (problem) return fail(problem)
  const value = oneLine(raw)
  if (Array.from(value).length > options.max)
    return fail(
      `Use at most ${formatNumber(options.max)} characters for the ${options.what} (this one has ${count(value)}).`,
    )
  if (value === '') return options.required ? fail(`Enter the ${options.what}.`) : ok(null)
  return ok(value)
}

function paragraph(raw: string, options: { max: number; what: string }): Parsed<string | null> {
  const value = raw.replace(/\r\n?/g, '\n').trim()
  const problem = multiLineProblem(value, options.what)
  if (problem) return fail(problem)
  if (Array.from(value).length > options.max)
    return fail(
      `Write at most ${formatNumber(options.max)} characters (this ${options.what} has ${count(value)}).`,
    )
  return ok(value === '' ? null : value)
}

function lines(raw: string, options: { maxLines: number; maxLength: number; one: string; many: string }) {
  const problem = multiLineProblem(raw, options.many)
  if (problem) return fail<string[]>(problem)
  const items = splitLines(raw)
  const notOneLine = items.map((item) => singleLineProblem(item, options.one)).find(Boolean)
  if (notOneLine) return fail<string[]>(notOneLine)
  if (items.length > options.maxLines)
    return fail<string[]>(
      `List at most ${formatNumber(options.maxLines)} ${options.many}, one a line (this list has ${formatNumber(items.length)}).`,
    )
  const long = items.findIndex((item) => Array.from(item).length > options.maxLength)
  const longItem = items[long]
  if (longItem !== undefined)
    return fail<string[]>(
      `Each ${options.one} can be at most ${formatNumber(options.maxLength)} characters; line ${long + 1} has ${count(longItem)}.`,
    )
  return ok(items)
}

/** Whether a string is a full http(s) address with a host name that has a dot. */
export function isWebAddress(s: string): boolean {
  if (/\s/.test(s) || !URL.canParse(s)) return false
  const url = new URL(s)
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
}

function website(raw: string): Parsed<string | null> {
  const value = raw.trim()
  if (value.length > draftLimits.website)
    return fail(
      `A web address can be at most ${draftLimits.website} characters (this one has ${formatNumber(value.length)}).`,
    )
  if (value === '') return ok(null)
  if (!isWebAddress(value))
    return fail(
      'Enter a full web address starting with http:// or https://, such as https://example.org, or leave it empty.',
    )
  return ok(value)
}

const isCalendarDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s

function designationRows(
  input: FormInput,
  today: string,
): { rows: DesignationRow[]; parsed: Parsed<Designation[]> } {
  const programs = input.designationProgram ?? []
  const all = programs.map((program, i) => ({
    program: program.trim(),
    other: (input.designationOther?.[i] ?? '').trim(),
    kind: (input.designationKind?.[i] ?? '').trim(),
    date: (input.designationDate?.[i] ?? '').trim(),
  }))
  // An empty row (the form always offers one) is no designation.
  const rows = all.filter((r) => r.program !== '' || r.other !== '' || r.date !== '')
  if (rows.length > draftLimits.designationRows)
    return { rows, parsed: fail(`List at most ${draftLimits.designationRows} designations.`) }
  const designations: Designation[] = []
  for (const [i, row] of rows.entries()) {
    const refuse = (message: string) => ({
      rows,
      parsed: fail<Designation[]>(
        rows.length > 1 ? `Designation ${i + 1}: ${message}` : message[0]?.toUpperCase() + message.slice(1),
      ),
    })
    const isCode = (designationProgramCodes as readonly string[]).includes(row.program)
    if (!isCode && row.program !== 'other' && row.program !== '')
      return refuse('choose a program from the list.')
    if (!isCode && row.other === '')
      return refuse('choose the program, or pick “Another program” and type its name.')
    const otherProblem = singleLineProblem(row.other, 'name of the program')
    if (otherProblem) return refuse(otherProblem.replace(/^The /, 'the '))
    if (Array.from(row.other).length > draftLimits.programName)
      return refuse(`the name of the program can be at most ${draftLimits.programName} characters.`)
    if (row.kind !== 'designated' && row.kind !== 'redesignated')
      return refuse('choose designated or redesignated.')
    if (!isCalendarDate(row.date) || row.date < '1990-01-01' || row.date > today)
      return refuse('enter the date of the designation (a date from 1990 to today, such as 2014-05-28).')
    designations.push({ program: isCode ? row.program : row.other, kind: row.kind, date: row.date })
  }
  return { rows, parsed: ok(designations) }
}

const present = (input: FormInput, name: string) => input[name] !== undefined
const first = (input: FormInput, name: string) => input[name]?.[0] ?? ''
const ticked = (input: FormInput, name: string) => [
  ...new Set((input[name] ?? []).map((v) => v.trim()).filter((v) => v !== '')),
]

export type DraftParse = {
  update: DraftUpdate
  errors: Partial<Record<DraftField, string>>
  /** The fields as typed, for showing the form again. */
  typed: Partial<DraftForm>
}

/**
 * Reads the draft form field by field: only fields the form sent count, each is checked on
 * its own, and a field that fails is left out of the update (the others are still saved).
 * Fields of the other category are ignored.
 */
export function parseDraftForm(input: FormInput, options: { category: Category; today: string }): DraftParse {
  const result: DraftParse = { update: {}, errors: {}, typed: {} }
  const fields = draftFieldsOf(options.category)
  const take = <K extends DraftField & keyof DraftUpdate>(
    field: K,
    typed: DraftForm[K],
    parsed: Parsed<DraftUpdate[K]>,
  ) => {
    result.typed[field] = typed
    if (parsed.ok) result.update[field] = parsed.value
    else result.errors[field] = parsed.error
  }
  const textParsers = {
    organizationName: (raw: string) =>
      line(raw, { max: draftLimits.organizationName, what: 'organisation’s name', required: true }),
    shortName: (raw: string) => line(raw, { max: draftLimits.shortName, what: 'short name' }),
    leadOrganization: (raw: string) =>
      line(raw, { max: draftLimits.leadOrganization, what: 'lead organisation' }),
    website,
    summary: (raw: string) => paragraph(raw, { max: draftLimits.summary, what: 'summary' }),
  }
  for (const field of ['organizationName', 'shortName', 'leadOrganization', 'website', 'summary'] as const) {
    if (!fields.includes(field) || !present(input, field)) continue
    const raw = first(input, field)
    take(field, raw, textParsers[field](raw) as Parsed<never>)
  }
  if (fields.includes('partners') && present(input, 'partners')) {
    const raw = first(input, 'partners')
    const parsed = lines(raw, {
      maxLines: draftLimits.partnerLines,
      maxLength: draftLimits.partnerLength,
      one: 'partner name',
      many: 'partner organisations',
    })
    take('partners', raw, parsed)
  }
  if (fields.includes('focusIndustries') && present(input, 'focusIndustries')) {
    const raw = first(input, 'focusIndustries')
    const parsed = lines(raw, {
      maxLines: draftLimits.focusLines,
      maxLength: draftLimits.focusLength,
      one: 'focus industry',
      many: 'focus industries',
    })
    take('focusIndustries', raw, parsed)
  }
  if (fields.includes('designations') && present(input, 'designationProgram')) {
    const { rows, parsed } = designationRows(input, options.today)
    take('designations', rows, parsed)
  }
  if (fields.includes('states') && present(input, 'states')) {
    const states = ticked(input, 'states')
    const known = usStates.map((s) => s.code).filter((code) => states.includes(code))
    take('states', states, states.every(isStateCode) ? ok(known) : fail('Choose the states from the list.'))
  }
  if (fields.includes('counties') && present(input, 'counties')) {
    const counties = ticked(input, 'counties')
    const valid = counties.every((fips) => /^\d{5}$/.test(fips) && isCountyFips(fips))
    take('counties', counties, valid ? ok([...counties].sort()) : fail('Choose the counties from the lists.'))
  }
  if (fields.includes('bffKind') && present(input, 'bffKind')) {
    const kind = (input.bffKind ?? []).filter((v) => v !== '').at(-1) ?? ''
    const parsed =
      kind === ''
        ? ok<BffKind | null>(null)
        : (bffKinds as readonly string[]).includes(kind)
          ? ok(kind as BffKind)
          : fail<BffKind | null>('Choose one of the kinds in the list.')
    take('bffKind', kind, parsed)
  }
  if (fields.includes('openSourceValue') && present(input, 'openSourceValue')) {
    const raw = first(input, 'openSourceValue')
    take('openSourceValue', raw, paragraph(raw, { max: draftLimits.openSourceValue, what: 'description' }))
  }
  return result
}

/** The form as a stored application fills it. */
export function toDraftForm(app: ApplicationRecord): DraftForm {
  const designations = (app.designations ?? []).map((d) => {
    const isCode = (designationProgramCodes as readonly string[]).includes(d.program)
    return {
      program: isCode ? d.program : 'other',
      other: isCode ? '' : d.program,
      kind: d.kind,
      date: d.date,
    }
  })
  return {
    organizationName: app.organizationName,
    shortName: app.shortName ?? '',
    leadOrganization: app.leadOrganization ?? '',
    website: app.website ?? '',
    summary: app.summary ?? '',
    partners: app.partners.join('\n'),
    focusIndustries: app.focusIndustries.join('\n'),
    designations,
    states: app.states,
    counties: app.counties,
    bffKind: app.bffKind ?? '',
    openSourceValue: app.openSourceValue ?? '',
  }
}

// ---------------------------------------------------------------------------------------------
// Starting an application

export type StartForm = { fullName: string; email: string; category: string; organizationName: string }
export type StartField = keyof StartForm

const isEmail = (s: string) => s.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)

/** Checks the start form; without `needsContact` (signed in) the name and email are not asked. */
export function parseStartForm(
  form: StartForm,
  options: { needsContact: boolean },
):
  | { ok: true; value: { fullName: string; email: string; category: Category; organizationName: string } }
  | { ok: false; errors: Partial<Record<StartField, string>> } {
  const errors: Partial<Record<StartField, string>> = {}
  const fullName = line(form.fullName, { max: draftLimits.fullName, what: 'full name', required: true })
  const email = form.email.trim()
  if (options.needsContact) {
    if (!fullName.ok) errors.fullName = fullName.error
    const emailProblem = singleLineProblem(email, 'email address')
    if (emailProblem) errors.email = emailProblem
    else if (!isEmail(email)) errors.email = 'Enter an email address such as name@example.org.'
  }
  if (form.category !== 'member' && form.category !== 'bff')
    errors.category = 'Choose whether you apply as a member community or as a BFF.'
  const name = line(form.organizationName, {
    max: draftLimits.organizationName,
    what: 'organisation’s name',
    required: true,
  })
  if (!name.ok) errors.organizationName = name.error
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: {
      fullName: fullName.ok ? (fullName.value ?? '') : '',
      email,
      category: form.category as Category,
      organizationName: name.ok ? (name.value ?? '') : '',
    },
  }
}

/** What starting an application did: a draft, or nothing until the address's owner confirms. */
export type StartResult =
  | { kind: 'started'; applicationId: string; personId: string; isNewPerson: boolean }
  /** The address belongs to someone on record: only they may attach a draft to their account. */
  | { kind: 'owner-must-confirm'; personId: string }

/**
 * Starts a draft application, in one transaction: for a signed-in applicant, or for an address
 * nobody has (recorded as a new person), creates the draft (round 0) and its 'created' event.
 * An anonymous start with the address of someone on record creates nothing: the owner confirms
 * first (apply-confirmations.ts). A signed-in applicant is written as themselves, anyone else
 * as 'anonymous'. The same person starting the same draft again gets the draft they have.
 */
export async function startApplication(
  db: Db,
  options: {
    category: Category
    organizationName: string
    applicant: { personId: string } | { fullName: string; email: string }
  },
): Promise<StartResult> {
  const { applicant } = options
  const actor = 'personId' in applicant ? (`person:${applicant.personId}` as const) : 'anonymous'
  return writeAs(db, actor, async (tx): Promise<StartResult> => {
    let personId: string
    let isNewPerson = false
    if ('personId' in applicant) personId = applicant.personId
    else {
      const email = applicant.email.trim()
      const byEmail = sql`lower(${people.email}) = lower(${email})`
      const [found] = await tx.select({ id: people.id }).from(people).where(byEmail)
      if (found) return { kind: 'owner-must-confirm', personId: found.id }
      // Two first requests at once: the unique index on lower(email) lets one insert win; the
      // other finds the winner's person, whom it must not write into either.
      const [made] = await tx
        .insert(people)
        .values({ fullName: applicant.fullName, email })
        .onConflictDoNothing()
        .returning({ id: people.id })
      if (!made) {
        const [other] = await tx.select({ id: people.id }).from(people).where(byEmail)
        if (!other) throw new AppError('CONFLICT', { userMessage: 'Your details could not be recorded.' })
        return { kind: 'owner-must-confirm', personId: other.id }
      }
      personId = made.id
      isNewPerson = true
    }
    const applicationId = await createDraft(tx, { ...options, personId })
    return { kind: 'started', applicationId, personId, isNewPerson }
  })
}

/**
 * Creates the person's draft (round 0) and its 'created' event in the transaction, or finds
 * the same draft they already have (same category and name, any case): a double click or a
 * second try gives the draft they already have.
 */
export async function createDraft(
  tx: Tx,
  options: { personId: string; category: Category; organizationName: string },
): Promise<string> {
  const { personId } = options
  const [existing] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.applicantId, personId),
        eq(applications.status, 'draft'),
        eq(applications.category, options.category),
        sql`lower(${applications.organizationName}) = lower(${options.organizationName})`,
      ),
    )
    .limit(1)
  if (existing) return existing.id
  const [app] = await tx
    .insert(applications)
    .values({ category: options.category, applicantId: personId, organizationName: options.organizationName })
    .returning({ id: applications.id })
  if (!app) throw new Error('the application was not created')
  await tx
    .insert(applicationEvents)
    .values({ applicationId: app.id, kind: 'created', actorId: personId, round: 0 })
  return app.id
}

// ---------------------------------------------------------------------------------------------
// Reading

export type ApplicationRecord = Omit<typeof applications.$inferSelect, 'designations'> & {
  designations: Designation[]
}

export type EvidenceItem = {
  id: string
  criterion: MemberCriterion
  url: string | null
  file: { id: string; name: string; size: number; contentType: string } | null
  /** ISO 8601, UTC. */
  createdAt: string
  /** Given before the latest submission or answer: staff may have reviewed it, so it stays. */
  isLocked: boolean
}

export type EventItem = {
  id: string
  kind: ApplicationEventKind
  round: number
  comment: string | null
  actorName: string | null
  /** ISO 8601, UTC. */
  at: string
}

export type ReviewItem = {
  criterion: MemberCriterion
  verdict: ReviewVerdict
  comment: string | null
  reviewerName: string
  at: string
}

export type ApplicationDetail = ApplicationRecord & {
  applicantName: string
  applicantEmail: string
  evidence: EvidenceItem[]
  events: EventItem[]
  /** Staff verdicts of the latest round they reviewed (member applications), or null. */
  latestReview: { round: number; items: ReviewItem[] } | null
  decision: { outcome: 'approved' | 'rejected'; decidedAt: string; admittedOn: string | null } | null
}

const iso = (column: SQLWrapper) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** The time after which evidence is new: the latest submission or answer, or never. */
const lockedBefore = (applicationId: string) =>
  sql`(select max(ev.created_at) from application_events ev
    where ev.application_id = ${applicationId} and ev.kind in ('submitted', 'answered'))`

/** The application as stored, or undefined. */
export async function getApplication(
  db: DbOrTx,
  applicationId: string,
): Promise<ApplicationRecord | undefined> {
  const [app] = await db.select().from(applications).where(eq(applications.id, applicationId))
  return app ? { ...app, designations: (app.designations ?? []) as Designation[] } : undefined
}

/** The evidence of an application, criterion by criterion in form order, oldest first. */
export async function listEvidence(db: DbOrTx, applicationId: string): Promise<EvidenceItem[]> {
  const rows = await db
    .select({
      id: applicationEvidence.id,
      criterion: applicationEvidence.criterion,
      url: applicationEvidence.url,
      fileId: storedFiles.id,
      fileName: storedFiles.name,
      fileSize: storedFiles.size,
      contentType: storedFiles.contentType,
      createdAt: iso(applicationEvidence.createdAt),
      isLocked: sql<boolean>`coalesce(${applicationEvidence.createdAt} <= ${lockedBefore(applicationId)}, false)`,
    })
    .from(applicationEvidence)
    .leftJoin(storedFiles, eq(storedFiles.id, applicationEvidence.fileId))
    .where(eq(applicationEvidence.applicationId, applicationId))
    .orderBy(asc(applicationEvidence.createdAt), asc(applicationEvidence.id))
  return rows
    .map((r) => ({
      id: r.id,
      criterion: r.criterion,
      url: r.url,
      file:
        r.fileId && r.fileName && r.contentType
          ? { id: r.fileId, name: r.fileName, size: Number(r.fileSize), contentType: r.contentType }
          : null,
      createdAt: r.createdAt,
      isLocked: r.isLocked,
    }))
    .sort((a, b) => memberCriteria.indexOf(a.criterion) - memberCriteria.indexOf(b.criterion))
}

/**
 * Everything about one application that its pages show: the record, the applicant, the
 * evidence, the history (oldest first), the staff verdicts of the latest reviewed round and
 * the decision. For the applicant's page and for staff and board pages alike; who may see
 * it is the caller's check. Undefined when no application has this id.
 */
export async function getApplicationDetail(
  db: DbOrTx,
  applicationId: string,
): Promise<ApplicationDetail | undefined> {
  const app = await getApplication(db, applicationId)
  if (!app) return undefined
  const [applicant] = await db
    .select({ name: people.fullName, email: people.email })
    .from(people)
    .where(eq(people.id, app.applicantId))
  const actor = alias(people, 'actor')
  const events = await db
    .select({
      id: applicationEvents.id,
      kind: applicationEvents.kind,
      round: applicationEvents.round,
      comment: applicationEvents.comment,
      actorName: actor.fullName,
      at: iso(applicationEvents.createdAt),
    })
    .from(applicationEvents)
    .leftJoin(actor, eq(actor.id, applicationEvents.actorId))
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id))
  const [latest] = await db
    .select({ round: sql<number>`max(${applicationReviews.round})` })
    .from(applicationReviews)
    .where(eq(applicationReviews.applicationId, applicationId))
  const latestRound = latest?.round === null || latest?.round === undefined ? null : Number(latest.round)
  const reviewer = alias(people, 'reviewer')
  const reviews =
    latestRound === null
      ? []
      : await db
          .select({
            criterion: applicationReviews.criterion,
            verdict: applicationReviews.verdict,
            comment: applicationReviews.comment,
            reviewerName: reviewer.fullName,
            at: iso(applicationReviews.createdAt),
          })
          .from(applicationReviews)
          .innerJoin(reviewer, eq(reviewer.id, applicationReviews.reviewerId))
          .where(
            and(
              eq(applicationReviews.applicationId, applicationId),
              eq(applicationReviews.round, latestRound),
            ),
          )
  reviews.sort((a, b) => memberCriteria.indexOf(a.criterion) - memberCriteria.indexOf(b.criterion))
  const [decision] = await db
    .select({
      outcome: applicationDecisions.outcome,
      decidedAt: iso(applicationDecisions.decidedAt),
      admittedOn: applicationDecisions.admittedOn,
    })
    .from(applicationDecisions)
    .where(eq(applicationDecisions.applicationId, applicationId))
  return {
    ...app,
    applicantName: applicant?.name ?? '',
    applicantEmail: applicant?.email ?? '',
    evidence: await listEvidence(db, applicationId),
    events,
    latestReview: latestRound === null ? null : { round: latestRound, items: reviews },
    decision: decision ?? null,
  }
}

export type ApplicationListItem = {
  id: string
  category: Category
  status: ApplicationStatus
  organizationName: string
  round: number
  updatedAt: string
  submittedAt: string | null
}

/** A person's applications, the most recently changed first. */
export async function listApplicationsOf(db: DbOrTx, personId: string): Promise<ApplicationListItem[]> {
  return db
    .select({
      id: applications.id,
      category: applications.category,
      status: applications.status,
      organizationName: applications.organizationName,
      round: applications.round,
      updatedAt: iso(applications.updatedAt),
      submittedAt: sql<string | null>`${iso(applications.submittedAt)}`,
    })
    .from(applications)
    .where(eq(applications.applicantId, personId))
    .orderBy(desc(applications.updatedAt), asc(applications.id))
}

const missingEvidence: Record<MemberCriterion, string> = {
  agreement: 'a document or a link showing your written collaboration agreement',
  swot: 'a document or a link showing your SWOT analysis',
  plan: 'a document or a link showing your regional economic development plan',
  dei_sustainability: 'a document or a link showing your interest in DEI and environmental sustainability',
}

/**
 * What a draft still lacks before it can be submitted, in the form's order and in words
 * (empty when it is complete). Members: name, lead organisation, a state, and evidence for
 * each criterion. BFFs: name, kind and the open-source value they offer.
 */
export function missingForSubmission(
  app: Pick<
    ApplicationRecord,
    'category' | 'organizationName' | 'leadOrganization' | 'states' | 'bffKind' | 'openSourceValue'
  >,
  evidence: readonly Pick<EvidenceItem, 'criterion'>[],
): string[] {
  const missing: string[] = []
  if (app.organizationName.trim() === '') missing.push('the organisation’s name')
  if (app.category === 'member') {
    if (!app.leadOrganization?.trim()) missing.push('the lead organisation')
    if (app.states.length === 0) missing.push('at least one state of your region')
    for (const criterion of memberCriteria)
      if (!evidence.some((e) => e.criterion === criterion)) missing.push(missingEvidence[criterion])
  } else {
    if (!app.bffKind) missing.push('the kind of organisation')
    if (!app.openSourceValue?.trim()) missing.push('the open-source value your organisation offers')
  }
  return missing
}

// ---------------------------------------------------------------------------------------------
// Changing: every change is the applicant's, recorded against them

const notYours = () => new AppError('NOT_FOUND', { userMessage: 'You have no application at this address.' })

/** Locks the applicant's own application for the rest of the transaction. */
async function lockOwn(tx: Tx, applicationId: string, personId: string) {
  const [app] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.applicantId, personId)))
    .for('update')
  if (!app) throw notYours()
  return { ...app, designations: (app.designations ?? []) as Designation[] }
}

const conflict = (userMessage: string) => new AppError('CONFLICT', { userMessage })

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Saves the fields of `update` on the applicant's draft. Counties of states no longer chosen
 * are dropped. Nothing is written (not even updated_at) when nothing changed.
 */
export async function saveDraft(
  db: Db,
  options: { applicationId: string; personId: string; update: DraftUpdate },
): Promise<{ changed: boolean }> {
  return writeAs(db, `person:${options.personId}`, async (tx) => {
    const app = await lockOwn(tx, options.applicationId, options.personId)
    if (app.status !== 'draft')
      throw conflict('This application is submitted: its details can no longer be changed.')
    const allowed = draftFieldsOf(app.category)
    const update = Object.fromEntries(
      Object.entries(options.update).filter(([field]) => allowed.includes(field as DraftField)),
    ) as DraftUpdate
    const next = {
      organizationName: app.organizationName,
      shortName: app.shortName,
      leadOrganization: app.leadOrganization,
      website: app.website,
      summary: app.summary,
      partners: app.partners,
      focusIndustries: app.focusIndustries,
      designations: app.designations,
      states: app.states,
      counties: app.counties,
      bffKind: app.bffKind,
      openSourceValue: app.openSourceValue,
      ...update,
    }
    const states = new Set(next.states)
    next.counties = next.counties.filter((fips) => states.has(stateCodeForFips(fips.slice(0, 2)) ?? ''))
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => !sameJson(next[k], app[k]))
    if (changed)
      await tx
        .update(applications)
        .set({ ...next, updatedAt: sql`hub_now()` })
        .where(eq(applications.id, app.id))
    return { changed }
  })
}

/** Statuses in which the applicant may add evidence: a draft, or when staff asked for more. */
const evidenceStatuses: readonly ApplicationStatus[] = ['draft', 'needs_info']

/** Checks a link given as evidence; undefined when it is fine. */
export function checkEvidenceLink(link: string): string | undefined {
  if (link.length > draftLimits.link)
    return `A link can be at most ${formatNumber(draftLimits.link)} characters (this one has ${formatNumber(link.length)}).`
  if (!isWebAddress(link))
    return 'Enter a full web address starting with http:// or https://, such as https://example.org/agreement.pdf.'
  return undefined
}

export type EvidenceResult =
  | { ok: true; evidenceId: string }
  | { ok: false; status: 400 | 413; message: string }

/**
 * Adds evidence for one criterion of the applicant's member application: a link, or a file
 * (checked by its content and kept in the database in the same transaction as the evidence).
 * A refused file or link changes nothing.
 */
export async function addEvidence(
  db: Db,
  options: {
    applicationId: string
    personId: string
    criterion: MemberCriterion
    evidence: { link: string } | { file: { name: string; bytes: Uint8Array } }
  },
): Promise<EvidenceResult> {
  const { evidence } = options
  let file: { name: string; kind: Parameters<typeof storeFile>[1]['kind']; bytes: Uint8Array } | undefined
  if ('file' in evidence) {
    const check = checkUpload(evidence.file)
    if (!check.ok) return check
    file = { name: check.name, kind: check.kind, bytes: evidence.file.bytes }
  } else {
    const error = checkEvidenceLink(evidence.link)
    if (error) return { ok: false, status: 400, message: error }
  }
  return writeAs(db, `person:${options.personId}`, async (tx) => {
    const app = await lockOwn(tx, options.applicationId, options.personId)
    if (app.category !== 'member') throw conflict('A BFF application carries no evidence documents.')
    if (!evidenceStatuses.includes(app.status))
      throw conflict('Evidence can be added to a draft, or when staff ask for more information.')
    if (file) {
      const used = await applicationEvidenceUse(tx, app.id)
      const refusal = quotaRefusal(
        'this application',
        uploadQuotas.applicationEvidence,
        used,
        file.bytes.length,
      )
      if (refusal) return { ok: false as const, status: 413 as const, message: refusal }
    }
    const fileId = file ? await storeFile(tx, { ...file, uploadedBy: options.personId }) : null
    const [row] = await tx
      .insert(applicationEvidence)
      .values({
        applicationId: app.id,
        criterion: options.criterion,
        fileId,
        url: 'link' in evidence ? evidence.link : null,
      })
      .returning({ id: applicationEvidence.id })
    await tx.update(applications).set({ updatedAt: sql`hub_now()` }).where(eq(applications.id, app.id))
    return { ok: true as const, evidenceId: row?.id ?? '' }
  })
}

/**
 * Removes a piece of evidence (and its stored file) from the applicant's application: any in
 * a draft; when staff asked for more information, only what was added since, because what
 * they reviewed stays on record.
 */
export async function removeEvidence(
  db: Db,
  options: { applicationId: string; personId: string; evidenceId: string },
): Promise<void> {
  await writeAs(db, `person:${options.personId}`, async (tx) => {
    const app = await lockOwn(tx, options.applicationId, options.personId)
    if (!evidenceStatuses.includes(app.status)) throw conflict('Evidence can be removed from a draft only.')
    const [item] = await tx
      .select({
        id: applicationEvidence.id,
        fileId: applicationEvidence.fileId,
        isLocked: sql<boolean>`coalesce(${applicationEvidence.createdAt} <= ${lockedBefore(app.id)}, false)`,
      })
      .from(applicationEvidence)
      .where(
        and(eq(applicationEvidence.id, options.evidenceId), eq(applicationEvidence.applicationId, app.id)),
      )
    if (!item) throw new AppError('NOT_FOUND', { userMessage: 'This evidence is not on the application.' })
    if (item.isLocked)
      throw conflict(
        'Staff have seen this evidence, so it stays on record. Add new evidence instead, and say in your answer what it replaces.',
      )
    await tx.delete(applicationEvidence).where(eq(applicationEvidence.id, item.id))
    if (item.fileId) await tx.delete(storedFiles).where(eq(storedFiles.id, item.fileId))
    await tx.update(applications).set({ updatedAt: sql`hub_now()` }).where(eq(applications.id, app.id))
  })
}

export type SubmitResult = { ok: true; status: ApplicationStatus } | { ok: false; missing: string[] }

/**
 * Submits the applicant's complete draft: round 1, submitted_at, a 'submitted' event. A
 * member application goes to staff review ('submitted'); a BFF goes straight to the board
 * ('with_board', with a 'sent_to_board' event) when the settings say BFFs skip staff review.
 * An incomplete draft is left as it is, and the answer lists what is missing.
 */
export async function submitApplication(
  db: Db,
  options: { applicationId: string; personId: string },
): Promise<SubmitResult> {
  return writeAs(db, `person:${options.personId}`, async (tx) => {
    const app = await lockOwn(tx, options.applicationId, options.personId)
    if (app.status !== 'draft') throw conflict('This application was already submitted.')
    const missing = missingForSubmission(app, await listEvidence(tx, app.id))
    if (missing.length > 0) return { ok: false as const, missing }
    const { bffSkipsStaffReview } = await getSettings(tx)
    const toBoard = app.category === 'bff' && bffSkipsStaffReview
    const status: ApplicationStatus = toBoard ? 'with_board' : 'submitted'
    await tx
      .update(applications)
      .set({ status, round: 1, submittedAt: sql`hub_now()`, updatedAt: sql`hub_now()` })
      .where(eq(applications.id, app.id))
    await tx
      .insert(applicationEvents)
      .values({ applicationId: app.id, kind: 'submitted', actorId: options.personId, round: 1 })
    if (toBoard)
      await tx.insert(applicationEvents).values({
        applicationId: app.id,
        kind: 'sent_to_board',
        actorId: null,
        round: 1,
        comment: 'BFF applications go straight to the Advisory Board.',
        // After the 'submitted' event of the same transaction, whose hub_now() it would share.
        createdAt: sql`clock_timestamp()`,
      })
    return { ok: true as const, status }
  })
}

/** Checks the answer to a request for more information; undefined when it is fine. */
export function checkAnswer(answer: string): string | undefined {
  if (answer.trim() === '') return 'Write your answer to the staff’s questions.'
  const problem = multiLineProblem(answer, 'answer')
  if (problem) return problem
  if (Array.from(answer.trim()).length > draftLimits.answer)
    return `Write at most ${formatNumber(draftLimits.answer)} characters (this answer has ${count(answer.trim())}).`
  return undefined
}

/**
 * The applicant answers staff's request for more information: an 'answered' event with the
 * answer, the next round, and the application back with staff ('submitted').
 */
export async function answerInformationRequest(
  db: Db,
  options: { applicationId: string; personId: string; answer: string },
): Promise<{ round: number }> {
  const error = checkAnswer(options.answer)
  if (error) throw new AppError('BAD_INPUT', { userMessage: error })
  return writeAs(db, `person:${options.personId}`, async (tx) => {
    const app = await lockOwn(tx, options.applicationId, options.personId)
    if (app.status !== 'needs_info') throw conflict('Staff have not asked for more information.')
    const round = app.round + 1
    await tx
      .update(applications)
      .set({ status: 'submitted', round, updatedAt: sql`hub_now()` })
      .where(eq(applications.id, app.id))
    await tx.insert(applicationEvents).values({
      applicationId: app.id,
      kind: 'answered',
      actorId: options.personId,
      round,
      comment: options.answer.replace(/\r\n?/g, '\n').trim(),
    })
    return { round }
  })
}

/** The applicant withdraws an application that is not decided yet: a 'withdrawn' event. */
export async function withdrawApplication(
  db: Db,
  options: { applicationId: string; personId: string },
): Promise<void> {
  await writeAs(db, `person:${options.personId}`, async (tx) => {
    const app = await lockOwn(tx, options.applicationId, options.personId)
    if (!openStatuses.includes(app.status))
      throw conflict(
        app.status === 'withdrawn'
          ? 'This application is already withdrawn.'
          : 'This application is decided: it can no longer be withdrawn.',
      )
    await tx
      .update(applications)
      .set({ status: 'withdrawn', updatedAt: sql`hub_now()` })
      .where(eq(applications.id, app.id))
    await tx
      .insert(applicationEvents)
      .values({ applicationId: app.id, kind: 'withdrawn', actorId: options.personId, round: app.round })
  })
}
