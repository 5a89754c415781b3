import { z } from 'zod'
import { type BffKind, bffKinds } from '#src/db/schema/index.ts'
import { isCountyFips, isStateCode, usStates } from '#src/features/map/index.ts'
import { singleLineProblem } from '#src/lib/text.ts'
import { draftFieldsOf, draftLimits } from './draft-fields.ts'
import { designationProgramCodes } from './labels.ts'
import { commitmentList, nomineeList, nomineeRows, typedNominees } from './nominees.ts'
import {
  firstMessage,
  isCalendarDate,
  lineList,
  lineText,
  paragraphText,
  refuse,
  websiteText,
} from './text-checks.ts'
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

/** The designation rows as typed; an empty row (the form always offers one) is no designation. */
function designationRows(input: FormInput): DesignationRow[] {
  const programs = input.designationProgram ?? []
  const all = programs.map((program, i) => ({
    program: program.trim(),
    other: (input.designationOther?.[i] ?? '').trim(),
    kind: (input.designationKind?.[i] ?? '').trim(),
    date: (input.designationDate?.[i] ?? '').trim(),
  }))
  return all.filter((r) => r.program !== '' || r.other !== '' || r.date !== '')
}

const designationRow = z.object({
  program: z.string(),
  other: z.string(),
  kind: z.string(),
  date: z.string(),
})

/** The designations: each row a program from the list (or another one named), a kind and a date up to today. */
const designationList = (today: string) =>
  z.array(designationRow).transform((rows, ctx): Designation[] => {
    if (rows.length > draftLimits.designationRows)
      return refuse(ctx, `List at most ${draftLimits.designationRows} designations.`)
    const designations: Designation[] = []
    for (const [i, row] of rows.entries()) {
      const refuseRow = (message: string) =>
        refuse(
          ctx,
          rows.length > 1 ? `Designation ${i + 1}: ${message}` : message[0]?.toUpperCase() + message.slice(1),
        )
      const isCode = (designationProgramCodes as readonly string[]).includes(row.program)
      if (!isCode && row.program !== 'other' && row.program !== '')
        return refuseRow('choose a program from the list.')
      if (!isCode && row.other === '')
        return refuseRow('choose the program, or pick “Another program” and type its name.')
      const otherProblem = singleLineProblem(row.other, 'name of the program')
      if (otherProblem) return refuseRow(otherProblem.replace(/^The /, 'the '))
      if (Array.from(row.other).length > draftLimits.programName)
        return refuseRow(`the name of the program can be at most ${draftLimits.programName} characters.`)
      if (row.kind !== 'designated' && row.kind !== 'redesignated')
        return refuseRow('choose designated or redesignated.')
      if (!isCalendarDate(row.date) || row.date < '1990-01-01' || row.date > today)
        return refuseRow('enter the date of the designation (a date from 1990 to today, such as 2014-05-28).')
      designations.push({ program: isCode ? row.program : row.other, kind: row.kind, date: row.date })
    }
    return designations
  })

/** The draft form's schema, field by field (each field is checked, and saved, on its own). */
export const draftFieldSchemas = (today: string) => ({
  organizationName: lineText({
    max: draftLimits.organizationName,
    what: 'organisation’s name',
    required: true,
  }),
  shortName: lineText({ max: draftLimits.shortName, what: 'short name' }),
  leadOrganization: lineText({ max: draftLimits.leadOrganization, what: 'lead organisation' }),
  website: websiteText,
  summary: paragraphText({ max: draftLimits.summary, what: 'summary' }),
  partners: lineList({
    maxLines: draftLimits.partnerLines,
    maxLength: draftLimits.partnerLength,
    one: 'partner name',
    many: 'partner organisations',
  }),
  focusIndustries: lineList({
    maxLines: draftLimits.focusLines,
    maxLength: draftLimits.focusLength,
    one: 'focus industry',
    many: 'focus industries',
  }),
  designations: designationList(today),
  states: z
    .array(z.string())
    .refine((states) => states.every(isStateCode), { error: 'Choose the states from the list.' })
    .transform((states) => usStates.map((s) => s.code).filter((code) => states.includes(code))),
  counties: z
    .array(z.string())
    .refine((counties) => counties.every((fips) => /^\d{5}$/.test(fips) && isCountyFips(fips)), {
      error: 'Choose the counties from the lists.',
    })
    .transform((counties) => [...counties].sort()),
  bffKind: z
    .string()
    .refine((kind) => kind === '' || (bffKinds as readonly string[]).includes(kind), {
      error: 'Choose one of the kinds in the list.',
    })
    .transform((kind) => (kind === '' ? null : (kind as BffKind))),
  openSourceValue: paragraphText({ max: draftLimits.openSourceValue, what: 'description' }),
  nominees: nomineeList,
  commitments: commitmentList,
})

const first = (input: FormInput, name: string) => input[name]?.[0] ?? ''
const ticked = (input: FormInput, name: string) => [
  ...new Set((input[name] ?? []).map((v) => v.trim()).filter((v) => v !== '')),
]

/** Each field as typed, when the form sent it (the designations' rows are sent as designationProgram…). */
function typedFields(input: FormInput, storedNominees: unknown): Partial<DraftForm> {
  const typed: Partial<DraftForm> = {}
  for (const field of [
    'organizationName',
    'shortName',
    'leadOrganization',
    'website',
    'summary',
    'partners',
    'focusIndustries',
    'openSourceValue',
  ] as const)
    if (input[field] !== undefined) typed[field] = first(input, field)
  if (input.designationProgram !== undefined) typed.designations = designationRows(input)
  if (input.states !== undefined) typed.states = ticked(input, 'states')
  if (input.counties !== undefined) typed.counties = ticked(input, 'counties')
  const nominees = typedNominees(input, storedNominees)
  if (nominees) typed.nominees = nominees
  if (input.commitments !== undefined) typed.commitments = ticked(input, 'commitments')
  if (input.bffKind !== undefined) typed.bffKind = (input.bffKind ?? []).filter((v) => v !== '').at(-1) ?? ''
  return typed
}

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
export function parseDraftForm(
  input: FormInput,
  options: { category: Category; today: string; storedNominees?: unknown },
): DraftParse {
  const result: DraftParse = { update: {}, errors: {}, typed: {} }
  const sent = typedFields(input, options.storedNominees)
  const schemas = draftFieldSchemas(options.today)
  for (const field of draftFieldsOf(options.category)) {
    const typed = sent[field]
    if (typed === undefined) continue
    ;(result.typed as Record<DraftField, unknown>)[field] = typed
    const parsed = schemas[field].safeParse(typed)
    if (parsed.success) (result.update as Record<DraftField, unknown>)[field] = parsed.data
    else result.errors[field] = firstMessage(parsed.error)
  }
  return result
}

/** The form as a stored application fills it. */
export function toDraftForm(
  app: Pick<ApplicationDetail, Exclude<DraftField, 'nominees'>> & { nominees: unknown },
): DraftForm {
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
    nominees: nomineeRows(app.nominees),
    commitments: app.commitments,
  }
}
