import { type BffKind, bffKinds } from '#src/db/schema/index.ts'
import { isCountyFips, isStateCode, usStates } from '#src/features/map/index.ts'
import { singleLineProblem } from '#src/lib/text.ts'
import { draftFieldsOf, draftLimits } from './draft-fields.ts'
import { designationProgramCodes } from './labels.ts'
import { fail, isCalendarDate, line, lines, ok, type Parsed, paragraph, website } from './text-checks.ts'
import type {
  ApplicationDetail,
  Category,
  Designation,
  DesignationRow,
  DraftField,
  DraftForm,
  DraftUpdate,
  FormInput,
} from './types.ts'

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
export function toDraftForm(app: Pick<ApplicationDetail, DraftField>): DraftForm {
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
